import { Injectable } from '@nestjs/common';
import type { DocEvent } from '@commonplan/sync';

/**
 * News between features that must not import each other, heard on every instance: `publish` tells this instance's
 * listeners at once and hands the news to the relay (Redis, when the app runs on several instances: RedisRelay),
 * which `deliver`s it to the listeners of the other instances. News carry ids only, never secrets.
 */
export abstract class Topic<T> {
  /** The topic's name on the wire (the relay's messages carry it). */
  abstract readonly name: string;
  private readonly listeners = new Set<(news: T) => void>();
  /** Set by the relay: sends what is published here to the other instances. */
  relay: ((news: T) => void) | null = null;

  subscribe(listener: (news: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(news: T): void {
    this.deliver(news);
    this.relay?.(news);
  }

  /** Tells this instance's listeners only (what the relay does with news from another instance). */
  deliver(news: T): void {
    for (const listener of this.listeners) listener(news);
  }
}

/**
 * Something changed who may open which document: a membership (role, deactivation) or a document's grants or status.
 * Listeners (the co-drafting engine) re-check the affected open connections at once. Undefined fields mean "any".
 */
export interface AccessChange {
  workspaceId?: string;
  documentId?: string;
  userId?: string;
}

@Injectable()
export class AccessEvents extends Topic<AccessChange> {
  readonly name = 'access';
}

/**
 * Sessions that have ended (signed out, ended from another device, every session of a person at a password reset):
 * their open sockets close at once (LiveConnections).
 */
export type SessionEnd = { sessionIds: string[] } | { userId: string };

@Injectable()
export class SessionEvents extends Topic<SessionEnd> {
  readonly name = 'session';
}

/**
 * Something about a document outside its text changed (its comments, its versions): every instance tells the sockets
 * it holds in that document (CollabEngine.announce), which passed the document's access check when they joined and
 * are re-checked on every AccessEvents change. Clients then fetch what changed through the API, which checks access.
 */
export interface DocumentNews {
  documentId: string;
  event: DocEvent;
}

@Injectable()
export class DocumentEvents extends Topic<DocumentNews> {
  readonly name = 'document';
}

/**
 * A person's inbox in a workspace changed (a notification arrived, or some were marked read): every instance tells
 * that person's open pages (InboxGateway), which read the count again through the API.
 */
export interface InboxNews {
  userId: string;
  workspaceId: string;
}

@Injectable()
export class InboxEvents extends Topic<InboxNews> {
  readonly name = 'inbox';
}
