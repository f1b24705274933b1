// The application menu, in Chinese, as plain data (the shape of Electron's MenuItemConstructorOptions), and the
// one message the menu sends to the renderer. No electron import: the preload bundles this file for the names.

/** Main → renderer: a menu command the page carries out itself (`webContents.send(MENU_CHANNEL, command)`). */
export const MENU_CHANNEL = 'casedesk:menu';

/**
 * The commands the renderer may be sent. `backup`: open the backup page (备份), where the clerk picks the folder
 * (a USB stick) and starts it through the `backup.*` channels like any other call. `export`: open the page of the
 * exchange with the county bureau (数据报送), where the export is made through the `exchange.*` channels.
 */
const MENU_COMMANDS = ['backup', 'export'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

const MENU_LABELS = {
  file: '文件',
  print: '打印…',
  savePdf: '另存为PDF…',
  backup: '备份…',
  exportToBureau: '导出到县司法局…',
  quit: '退出',
  develop: '开发',
  reload: '重新加载',
  devTools: '开发者工具',
  help: '帮助',
  about: '关于 CaseDesk',
} as const;

export interface MenuEntry {
  label?: string;
  type?: 'separator';
  role?: 'reload' | 'toggleDevTools';
  accelerator?: string;
  enabled?: boolean;
  click?: () => void;
  submenu?: MenuEntry[];
}

export interface MenuActions {
  print(): void;
  savePdf(): void;
  backup(): void;
  exportToBureau(): void;
  quit(): void;
  about(): void;
}

/** 文件 (打印, 另存为PDF, 备份, 导出, 退出) and 帮助 (关于); 开发 (reload, developer tools) only when not packaged. */
export function menuTemplate(actions: MenuActions, isPackaged: boolean): MenuEntry[] {
  const L = MENU_LABELS;
  return [
    {
      label: L.file,
      submenu: [
        { label: L.print, accelerator: 'CmdOrCtrl+P', click: actions.print },
        { label: L.savePdf, accelerator: 'CmdOrCtrl+Shift+S', click: actions.savePdf },
        { type: 'separator' },
        { label: L.backup, click: actions.backup },
        { label: L.exportToBureau, click: actions.exportToBureau },
        { type: 'separator' },
        { label: L.quit, accelerator: 'CmdOrCtrl+Q', click: actions.quit },
      ],
    },
    ...(isPackaged
      ? []
      : [
          {
            label: L.develop,
            submenu: [
              { label: L.reload, role: 'reload' },
              { label: L.devTools, role: 'toggleDevTools' },
            ],
          } satisfies MenuEntry,
        ]),
    { label: L.help, submenu: [{ label: L.about, click: actions.about }] },
  ];
}
