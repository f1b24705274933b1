// Who is signed in at each caller (an Electron window, the preview, the CLI), and whether the caller's window is
// locked after idle time. Held in memory by the main process only: a restart signs everyone out.
import type { SessionUser } from '../shared/accounts';

export interface Session {
  user: SessionUser;
  lastActive: number;
  locked: boolean;
  /** A trusted local tool (the CLI): never idles out. */
  system: boolean;
}

/** The caller's view of its own session, handed to the auth handlers. */
export interface SessionControl {
  readonly caller: string;
  current(): Session | null;
  signIn(user: SessionUser): void;
  signOut(): void;
  lock(): void;
  unlock(): void;
}

const SYSTEM_USER: SessionUser = {
  id: 0,
  username: 'system',
  displayName: '命令行',
  role: 'admin',
  mustChangePassword: false,
};

export class Sessions {
  private readonly byCaller = new Map<string, Session>();

  constructor(
    private readonly idleMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The caller's session, locked first if it has been idle too long. */
  get(caller: string): Session | null {
    const session = this.byCaller.get(caller) ?? null;
    if (session && !session.system && !session.locked && this.now() - session.lastActive > this.idleMs)
      session.locked = true;
    return session;
  }

  touch(caller: string): void {
    const session = this.byCaller.get(caller);
    if (session && !session.locked) session.lastActive = this.now();
  }

  signInSystem(caller: string): void {
    this.byCaller.set(caller, { user: SYSTEM_USER, lastActive: this.now(), locked: false, system: true });
  }

  /** Drops every session of a user (after a password reset or deactivation). */
  signOutUser(userId: number): void {
    for (const [caller, session] of this.byCaller) if (session.user.id === userId) this.byCaller.delete(caller);
  }

  control(caller: string): SessionControl {
    return {
      caller,
      current: () => this.get(caller),
      signIn: (user) => this.byCaller.set(caller, { user, lastActive: this.now(), locked: false, system: false }),
      signOut: () => void this.byCaller.delete(caller),
      lock: () => {
        const s = this.byCaller.get(caller);
        if (s && !s.system) s.locked = true;
      },
      unlock: () => {
        const s = this.byCaller.get(caller);
        if (s) {
          s.locked = false;
          s.lastActive = this.now();
        }
      },
    };
  }
}
