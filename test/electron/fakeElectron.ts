// A stand-in for the `electron` module (the real one cannot run here): it records what the shell asks of it, and
// lets a test play Chromium, the renderer and the clerk — navigations, network requests, IPC calls, quitting.
// Only what electron/main.ts and electron/preload.ts use, behaving as Electron documents it.
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';

let nextId = 1;

/** Electron's preventable events: a listener calls preventDefault(). */
export class FakeEvent {
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

export interface InvokeEvent {
  sender: FakeWebContents;
  senderFrame: FakeFrame | null;
  processId: number;
  frameId: number;
  type: 'frame';
}

type IpcHandler = (event: InvokeEvent, ...args: unknown[]) => unknown;

export interface FakeElectronOptions {
  appPath: string;
  userData: string;
  isPackaged?: boolean;
  /** What requestSingleInstanceLock answers: false plays a second instance. */
  gotLock?: boolean;
}

export function createFakeElectron({ appPath, userData, isPackaged = false, gotLock = true }: FakeElectronOptions) {
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
    focused = false;

    constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
      super();
      BrowserWindow.all.push(this);
      app.emit('web-contents-created', new FakeEvent(), this.webContents);
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
      return false;
    }
  }

  const ipcMain = {
    handlers: new Map<string, IpcHandler>(),
    handle(channel: string, handler: IpcHandler): void {
      // As Electron: a second handler on one channel is an error.
      if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      this.handlers.set(channel, handler);
    },
    /** A renderer's ipcRenderer.invoke(channel, ...args) arriving from `frame` of `sender`. */
    async invokeFrom(sender: FakeWebContents, frame: FakeFrame | null, channel: string, ...args: unknown[]): Promise<unknown> {
      const handler = this.handlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      const event: InvokeEvent = { sender, senderFrame: frame, processId: frame?.processId ?? 0, frameId: frame?.routingId ?? 0, type: 'frame' };
      return handler(event, ...args);
    },
  };

  type BeforeRequest = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;
  type HeadersReceived = (
    details: { url: string; responseHeaders?: Record<string, string | string[]> },
    callback: (response: { responseHeaders?: Record<string, string | string[]> }) => void,
  ) => void;
  type PermissionRequest = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;

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
      this.permissionRequest?.({}, permission, (answer) => {
        granted = answer;
      }, {});
      return granted;
    },
  };

  const dialog = {
    errorBoxes: [] as { title: string; content: string }[],
    messageBoxes: [] as Record<string, unknown>[],
    showErrorBox(title: string, content: string): void {
      this.errorBoxes.push({ title, content });
    },
    showMessageBox(windowOrOptions: unknown, maybeOptions?: Record<string, unknown>): Promise<{ response: number; checkboxChecked: boolean }> {
      this.messageBoxes.push(maybeOptions ?? (windowOrOptions as Record<string, unknown>));
      return Promise.resolve({ response: 0, checkboxChecked: false });
    },
  };

  interface MenuItem {
    label?: string;
    role?: string;
    accelerator?: string;
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
      if (this.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
      this.exposed.set(key, api);
    },
  };

  const ipcRenderer = {
    calls: [] as unknown[][],
    answer: (..._args: unknown[]): Promise<unknown> => Promise.resolve({ ok: true, value: null }),
    invoke(...args: unknown[]): Promise<unknown> {
      this.calls.push(args);
      return this.answer(...args);
    },
  };

  return { app, BrowserWindow, ipcMain, session: { defaultSession }, dialog, Menu, contextBridge, ipcRenderer };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
