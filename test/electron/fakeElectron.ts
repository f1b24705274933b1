// A stand-in for the `electron` module (the real one cannot run here): it records what the shell asks of it, and
// lets a test play Chromium, the renderer and the clerk — navigations, network requests, IPC calls, quitting.
// Only what electron/main.ts and electron/preload.ts use, behaving as Electron documents it.
import crypto from 'node:crypto';
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';

let nextId = 1;

/** Electron's preventable events: a listener calls preventDefault(). */
class FakeEvent {
  defaultPrevented = false;
  constructor(extra: Record<string, unknown> = {}) {
    Object.assign(this, extra);
  }
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeFrame {
  readonly routingId = nextId++;
  constructor(
    public url: string,
    readonly parent: FakeFrame | null = null,
    readonly processId = 100,
  ) {}
}

type WindowOpenHandler = (details: { url: string }) => { action: string };

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly mainFrame = new FakeFrame('about:blank');
  windowOpenHandler: WindowOpenHandler | null = null;
  /** What webContents.print was asked, with its callback, to answer as the print dialog would. */
  readonly printJobs: {
    options: Record<string, unknown> | undefined;
    done: (success: boolean, reason: string) => void;
  }[] = [];
  /** Messages sent to the page: webContents.send(channel, ...args). */
  readonly sent: unknown[][] = [];
  devToolsOpen = false;
  reloads = 0;

  print(options?: Record<string, unknown>, callback?: (success: boolean, reason: string) => void): void {
    this.printJobs.push({ options, done: callback ?? (() => undefined) });
  }
  /** What webContents.printToPDF was asked; a test sets `pdfFailure` to play a failing one. */
  readonly pdfJobs: Record<string, unknown>[] = [];
  pdfFailure: Error | null = null;
  title = '〔2026〕黎托援字第0001号 卷内目录';
  getTitle(): string {
    return this.title;
  }
  printToPDF(options: Record<string, unknown>): Promise<Buffer> {
    this.pdfJobs.push(options);
    return this.pdfFailure ? Promise.reject(this.pdfFailure) : Promise.resolve(Buffer.from('%PDF-1.7 fake'));
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }
  reload(): void {
    this.reloads++;
  }
  /** Someone opens the developer tools (a shortcut, a menu role): true when they stay open. */
  openDevTools(): boolean {
    this.devToolsOpen = true;
    this.emit('devtools-opened');
    return this.devToolsOpen;
  }
  closeDevTools(): void {
    this.devToolsOpen = false;
  }
  /** The renderer process is gone (a crash, killed, out of memory). */
  crash(reason = 'crashed', exitCode = 139): void {
    this.emit('render-process-gone', new FakeEvent(), { reason, exitCode });
  }

  /** A frame (a subframe, say) asks to navigate: true when the shell lets it. */
  navigateFrame(url: string, isMainFrame = false): boolean {
    const event = new FakeEvent({ url, isMainFrame, isSameDocument: false, frame: this.mainFrame });
    this.emit('will-frame-navigate', event);
    return !event.defaultPrevented;
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  /** The page asks to navigate (a link, location.href = ...): true when the shell lets it. */
  navigate(url: string): boolean {
    return this.fire('will-navigate', url);
  }

  /** A navigation is redirected (a server's 30x): true when the shell lets it. */
  redirect(url: string): boolean {
    return this.fire('will-redirect', url);
  }

  /** A <webview> is about to attach: true when the shell lets it. */
  attachWebview(src: string): boolean {
    const event = new FakeEvent();
    this.emit('will-attach-webview', event, {}, { src });
    return !event.defaultPrevented;
  }

  /** window.open(url): what the shell's handler answers. */
  open(url: string): { action: string } | null {
    return this.windowOpenHandler ? this.windowOpenHandler({ url }) : null;
  }

  private fire(name: string, url: string): boolean {
    const event = new FakeEvent({ url, isMainFrame: true, isSameDocument: false, frame: this.mainFrame });
    this.emit(name, event, url, false, true, this.mainFrame.processId, this.mainFrame.routingId);
    return !event.defaultPrevented;
  }
}

interface InvokeEvent {
  sender: FakeWebContents;
  senderFrame: FakeFrame | null;
  processId: number;
  frameId: number;
  type: 'frame';
}

type IpcHandler = (event: InvokeEvent, ...args: unknown[]) => unknown;

export interface FakeRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FakeElectronOptions {
  appPath: string;
  userData: string;
  isPackaged?: boolean;
  /** What requestSingleInstanceLock answers: false plays a second instance. */
  gotLock?: boolean;
  /** The screens' work areas, the primary first: one 1920×1080 screen (less a 40 px taskbar) by default. */
  displays?: FakeRect[];
  /** The system account's key store (safeStorage); a new account by default. */
  safeStorage?: ReturnType<typeof fakeSafeStorage>;
}

/**
 * safeStorage as Electron documents it, really encrypting: AES-256-GCM under a key of this "system account" (one
 * per fake, or handed in to play the same account across launches). Another account's key cannot decrypt.
 */
export function fakeSafeStorage(accountKey: Buffer = crypto.randomBytes(32), available = true) {
  return {
    accountKey,
    isEncryptionAvailable: () => available,
    encryptString(plainText: string): Buffer {
      if (!available) throw new Error('Encryption is not available.');
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', accountKey, iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, body, cipher.getAuthTag()]);
    },
    decryptString(encrypted: Buffer): string {
      if (!available) throw new Error('Encryption is not available.');
      const decipher = crypto.createDecipheriv('aes-256-gcm', accountKey, encrypted.subarray(0, 12));
      decipher.setAuthTag(encrypted.subarray(encrypted.length - 16));
      return Buffer.concat([decipher.update(encrypted.subarray(12, encrypted.length - 16)), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}

const DEFAULT_WORK_AREA: FakeRect = { x: 0, y: 0, width: 1920, height: 1040 };

export function createFakeElectron({
  appPath,
  userData,
  isPackaged = false,
  gotLock = true,
  displays = [DEFAULT_WORK_AREA],
  safeStorage = fakeSafeStorage(),
}: FakeElectronOptions) {
  let exit!: () => void;
  const exited = new Promise<void>((resolve) => {
    exit = resolve;
  });

  class FakeApp extends EventEmitter {
    readonly isPackaged = isPackaged;
    lockRequests = 0;
    sandboxEnabled = false;
    quitCalls = 0;
    hasExited = false;
    /** Resolves when quitting was not prevented: the process would end here. */
    readonly exited = exited;

    requestSingleInstanceLock(): boolean {
      this.lockRequests++;
      return gotLock;
    }
    enableSandbox(): void {
      this.sandboxEnabled = true;
    }
    getAppPath(): string {
      return appPath;
    }
    getPath(name: string): string {
      if (name === 'userData') return userData;
      throw new Error(`fake app.getPath(${name}) is not implemented`);
    }
    whenReady(): Promise<void> {
      return Promise.resolve();
    }
    quit(): void {
      this.quitCalls++;
      if (this.hasExited) return;
      const event = new FakeEvent();
      this.emit('will-quit', event);
      if (!event.defaultPrevented) {
        this.hasExited = true;
        this.emit('quit', new FakeEvent(), 0);
        exit();
      }
    }
  }
  const app = new FakeApp();

  class BrowserWindow extends EventEmitter {
    static readonly all: BrowserWindow[] = [];
    readonly webContents = new FakeWebContents();
    loadedFile: string | null = null;
    visible = false;
    minimized = false;
    maximized = false;
    focused = false;
    destroyed = false;
    /** Where the window is when not maximised: what the clerk last dragged it to. */
    normalBounds: FakeRect;

    constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
      super();
      const [primary = DEFAULT_WORK_AREA] = displays;
      const width = typeof options.width === 'number' ? options.width : 800;
      const height = typeof options.height === 'number' ? options.height : 600;
      this.normalBounds = {
        x: typeof options.x === 'number' ? options.x : primary.x + Math.round((primary.width - width) / 2),
        y: typeof options.y === 'number' ? options.y : primary.y + Math.round((primary.height - height) / 2),
        width,
        height,
      };
      BrowserWindow.all.push(this);
      app.emit('web-contents-created', new FakeEvent(), this.webContents);
    }
    getNormalBounds(): FakeRect {
      return { ...this.normalBounds };
    }
    isMaximized(): boolean {
      return this.maximized;
    }
    maximize(): void {
      this.maximized = true;
    }
    /** The clerk closes the window (its close button): as Electron, 'close', then 'closed', then maybe quitting. */
    close(): void {
      if (this.destroyed) return;
      const event = new FakeEvent();
      this.emit('close', event);
      if (event.defaultPrevented) return;
      this.destroyed = true;
      this.visible = false;
      this.emit('closed');
      if (BrowserWindow.all.every((window) => window.destroyed)) app.emit('window-all-closed');
    }
    loadFile(file: string): Promise<void> {
      this.loadedFile = file;
      this.webContents.mainFrame.url = pathToFileURL(file).href;
      this.emit('ready-to-show');
      return Promise.resolve();
    }
    show(): void {
      this.visible = true;
    }
    focus(): void {
      this.focused = true;
    }
    isMinimized(): boolean {
      return this.minimized;
    }
    restore(): void {
      this.minimized = false;
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
  }

  const screen = {
    getAllDisplays(): { id: number; workArea: FakeRect; bounds: FakeRect }[] {
      return displays.map((workArea, index) => ({ id: index + 1, workArea, bounds: workArea }));
    },
  };

  const ipcMain = {
    handlers: new Map<string, IpcHandler>(),
    handle(channel: string, handler: IpcHandler): void {
      // As Electron: a second handler on one channel is an error.
      if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      this.handlers.set(channel, handler);
    },
    /** A renderer's ipcRenderer.invoke(channel, ...args) arriving from `frame` of `sender`. */
    async invokeFrom(
      sender: FakeWebContents,
      frame: FakeFrame | null,
      channel: string,
      ...args: unknown[]
    ): Promise<unknown> {
      const handler = this.handlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      const event: InvokeEvent = {
        sender,
        senderFrame: frame,
        processId: frame?.processId ?? 0,
        frameId: frame?.routingId ?? 0,
        type: 'frame',
      };
      return handler(event, ...args);
    },
  };

  type BeforeRequest = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;
  type HeadersReceived = (
    details: { url: string; responseHeaders?: Record<string, string | string[]> },
    callback: (response: { responseHeaders?: Record<string, string | string[]> }) => void,
  ) => void;
  type PermissionRequest = (
    contents: unknown,
    permission: string,
    callback: (granted: boolean) => void,
    details: unknown,
  ) => void;

  const defaultSession = {
    beforeRequest: null as BeforeRequest | null,
    headersReceived: null as HeadersReceived | null,
    permissionRequest: null as PermissionRequest | null,
    permissionCheck: null as ((...args: unknown[]) => boolean) | null,
    spellCheckerEnabled: true,
    webRequest: {
      onBeforeRequest(listener: BeforeRequest): void {
        defaultSession.beforeRequest = listener;
      },
      onHeadersReceived(listener: HeadersReceived): void {
        defaultSession.headersReceived = listener;
      },
    },
    setPermissionRequestHandler(handler: PermissionRequest): void {
      this.permissionRequest = handler;
    },
    setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void {
      this.permissionCheck = handler;
    },
    setSpellCheckerEnabled(enabled: boolean): void {
      this.spellCheckerEnabled = enabled;
    },
    /** Chromium about to load `url`: true when the shell lets the request through. */
    request(url: string): boolean {
      let answer: { cancel?: boolean } | undefined;
      this.beforeRequest?.({ url }, (response) => {
        answer = response;
      });
      if (!answer) throw new Error('onBeforeRequest did not answer');
      return !answer.cancel;
    },
    /** A response arriving with `headers`: the headers the renderer would see. */
    respond(url: string, headers: Record<string, string | string[]>): Record<string, string | string[]> | undefined {
      let answer: { responseHeaders?: Record<string, string | string[]> } | undefined;
      this.headersReceived?.({ url, responseHeaders: headers }, (response) => {
        answer = response;
      });
      if (!answer) throw new Error('onHeadersReceived did not answer');
      return answer.responseHeaders;
    },
    /** A page asks for `permission`: what the shell answers. */
    ask(permission: string): boolean | null {
      let granted: boolean | null = null;
      this.permissionRequest?.(
        {},
        permission,
        (answer) => {
          granted = answer;
        },
        {},
      );
      return granted;
    },
  };

  const dialog = {
    errorBoxes: [] as { title: string; content: string }[],
    messageBoxes: [] as Record<string, unknown>[],
    saveDialogs: [] as Record<string, unknown>[],
    /** The file the clerk picks in the next save dialog; null: 取消. */
    saveAnswer: null as string | null,
    showSaveDialog(
      _window: unknown,
      options: Record<string, unknown>,
    ): Promise<{ canceled: boolean; filePath?: string }> {
      this.saveDialogs.push(options);
      const answer = this.saveAnswer;
      return Promise.resolve(answer === null ? { canceled: true } : { canceled: false, filePath: answer });
    },
    showErrorBox(title: string, content: string): void {
      this.errorBoxes.push({ title, content });
    },
    showMessageBox(
      windowOrOptions: unknown,
      maybeOptions?: Record<string, unknown>,
    ): Promise<{ response: number; checkboxChecked: boolean }> {
      this.messageBoxes.push(maybeOptions ?? (windowOrOptions as Record<string, unknown>));
      return Promise.resolve({ response: 0, checkboxChecked: false });
    },
  };

  interface MenuItem {
    label?: string;
    type?: string;
    role?: string;
    accelerator?: string;
    enabled?: boolean;
    click?: () => void;
    submenu?: MenuItem[];
  }
  const Menu = {
    applicationMenu: null as { template: MenuItem[] } | null,
    buildFromTemplate(template: MenuItem[]): { template: MenuItem[] } {
      return { template };
    },
    setApplicationMenu(menu: { template: MenuItem[] } | null): void {
      this.applicationMenu = menu;
    },
  };

  const contextBridge = {
    exposed: new Map<string, unknown>(),
    exposeInMainWorld(key: string, api: unknown): void {
      if (this.exposed.has(key))
        throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
      this.exposed.set(key, api);
    },
  };

  const ipcRenderer = Object.assign(new EventEmitter(), {
    calls: [] as unknown[][],
    answer: (..._args: unknown[]): Promise<unknown> => Promise.resolve({ ok: true, value: null }),
    invoke(...args: unknown[]): Promise<unknown> {
      this.calls.push(args);
      return this.answer(...args);
    },
    /** The main process's webContents.send(channel, ...args) arriving at this renderer. */
    fromMain(channel: string, ...args: unknown[]): void {
      ipcRenderer.emit(channel, { sender: ipcRenderer, senderId: 0, ports: [] }, ...args);
    },
  });

  return {
    app,
    BrowserWindow,
    ipcMain,
    screen,
    session: { defaultSession },
    dialog,
    Menu,
    contextBridge,
    ipcRenderer,
    safeStorage,
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
