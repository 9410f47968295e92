import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { type SessionEnd, SessionEvents } from '../platform/events';
import type { Principal } from './request-context';
import { SessionStore } from './session-store';

/** How often open connections' sessions are checked (ended elsewhere, expired, idle) and kept from going idle. */
export const SESSION_SWEEP_MS = 60_000;

interface Connection {
  principal: Principal;
  close(): void;
}

/**
 * Every open socket of the server (socket.io in every namespace, y-websocket), by the session that opened it, so that
 * a session's sockets close at once when it ends: at sign-out, when its owner ends it, at a password reset (news from
 * any instance, SessionEvents), and at its absolute or idle lifetime (the sweep). The sweep also marks the sessions of
 * open connections as used: a page left open keeps its session from going idle, but never past its lifetime.
 */
@Injectable()
export class LiveConnections implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('LiveConnections');
  private readonly bySession = new Map<string, Set<Connection>>();
  private unsubscribe: (() => void) | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly sessions: SessionStore,
    private readonly events: SessionEvents,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.events.subscribe((end) => this.ended(end));
    this.timer = setInterval(() => void this.sweep().catch((error: Error) => this.logger.warn(`session sweep failed: ${error.message}`)), SESSION_SWEEP_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
    if (this.timer) clearInterval(this.timer);
  }

  /** Registers an open connection; returns what to call when it closes by itself. */
  add(principal: Principal, close: () => void): () => void {
    const connection: Connection = { principal, close };
    let set = this.bySession.get(principal.sessionId);
    if (!set) this.bySession.set(principal.sessionId, (set = new Set()));
    set.add(connection);
    return () => this.forget(connection);
  }

  /** Closes the connections of sessions that have ended and keeps the others in use. */
  async sweep(): Promise<void> {
    const ended = await this.sessions.sweep([...this.bySession.keys()]);
    this.close((connection) => ended.includes(connection.principal.sessionId));
  }

  private ended(end: SessionEnd): void {
    if ('sessionIds' in end) {
      const ids = new Set(Array.isArray(end.sessionIds) ? end.sessionIds : []);
      this.close((connection) => ids.has(connection.principal.sessionId));
    } else {
      this.close((connection) => connection.principal.userId === end.userId);
    }
  }

  private close(which: (connection: Connection) => boolean): void {
    for (const set of [...this.bySession.values()]) {
      for (const connection of [...set]) {
        if (!which(connection)) continue;
        this.forget(connection);
        try {
          connection.close();
        } catch (error) {
          this.logger.warn(`could not close a connection: ${String(error)}`);
        }
      }
    }
  }

  private forget(connection: Connection): void {
    const set = this.bySession.get(connection.principal.sessionId);
    if (!set) return;
    set.delete(connection);
    if (set.size === 0) this.bySession.delete(connection.principal.sessionId);
  }
}
