import { Injectable } from '@nestjs/common';

/**
 * Something changed who may open which document: a membership (role, deactivation) or a document's grants or status.
 * Listeners (the co-drafting engine) re-check the affected open connections at once. Undefined fields mean "any".
 */
export interface AccessChange {
  workspaceId?: string;
  documentId?: string;
  userId?: string;
}

/**
 * In-process notifications between features that must not import each other. With several instances, each publishes
 * here and to Redis, and relays what the others publish (docs/architecture.md).
 */
@Injectable()
export class AccessEvents {
  private readonly listeners = new Set<(change: AccessChange) => void>();

  subscribe(listener: (change: AccessChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(change: AccessChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
