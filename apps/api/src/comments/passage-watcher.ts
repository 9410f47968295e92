import { type BeforeApplicationShutdown, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { initProseMirrorDoc } from '@tiptap/y-tiptap';
import { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { decodeAnchorEnd, editorSchema, type PassageAnchor, resolvePassage, RICH_TEXT_FIELD } from '@commonplan/editor';
import { CollabEngine, type DocumentObserver } from '../collab/collab-engine';
import { peopleWithAccess } from '../documents/document-audience';
import { Notifier } from '../notifications/notifier';

/** A document is checked this long after its last change ... */
export const PASSAGE_CHECK_QUIET_MS = 2_000;
/** ... and at the latest this long after the first change not yet checked (while people keep typing). */
export const PASSAGE_CHECK_MAX_WAIT_MS = 30_000;

/** Updates kept per document between two checks, to tell who deleted a passage (beyond it, that stays unknown). */
const MAX_KEPT_BYTES = 4 * 1024 * 1024;

interface Change {
  userId: string | null;
  update: Uint8Array;
}

/** What happened to a document since it was last checked. */
interface Changes {
  /** The updates applied, oldest first, with who sent them. */
  changes: Change[];
  bytes: number;
  /** More changed than is kept: who deleted what is not known. */
  overflow: boolean;
}

interface Watch extends Changes {
  timer: NodeJS.Timeout | null;
  since: number;
}

interface Due extends Changes {
  /** The document's state taken as it was unloaded (null: read it from the engine). */
  state: Uint8Array | null;
}

interface WatchedThread {
  id: string;
  document_id: string;
  anchor_start: string;
  anchor_end: string;
  quote: string;
  workspace_id: string;
  title: string;
}

/**
 * Tells the people of a comment thread when the passage it is about has been deleted from the document. The server
 * keeps anchors as opaque Yjs relative positions; after a document's updates are applied (a few seconds after the last
 * change, and when the document is unloaded) this resolves the anchors of its open threads against the document —
 * a copy of its state, so the live document is only read, never edited or held — and marks each thread whose passage
 * is gone (`comment_threads.passage_deleted_at`), notifying its participants once. Documents without open threads
 * cost one indexed query; every document that became due meanwhile is checked in the same batch.
 */
@Injectable()
export class PassageWatcher implements OnModuleInit, BeforeApplicationShutdown, DocumentObserver {
  private readonly logger = new Logger('PassageWatcher');
  private readonly watching = new Map<string, Watch>();
  private readonly due = new Map<string, Due>();
  private running: Promise<void> | null = null;
  private stopObserving: (() => void) | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly engine: CollabEngine,
    private readonly notifier: Notifier,
  ) {}

  onModuleInit(): void {
    this.stopObserving = this.engine.observe(this);
  }

  /** Checks what is waiting (the documents are still loaded), before the engine lets go of them. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopObserving?.();
    for (const documentId of [...this.watching.keys()]) this.makeDue(documentId, null);
    while (this.running) await this.running;
  }

  changed(documentId: string, changes: ReadonlyArray<Change>): void {
    let watch = this.watching.get(documentId);
    if (!watch) {
      watch = { timer: null, since: Date.now(), changes: [], bytes: 0, overflow: false };
      this.watching.set(documentId, watch);
    }
    keep(watch, changes);
    if (watch.timer) clearTimeout(watch.timer);
    const wait = Math.max(0, Math.min(PASSAGE_CHECK_QUIET_MS, watch.since + PASSAGE_CHECK_MAX_WAIT_MS - Date.now()));
    watch.timer = setTimeout(() => this.makeDue(documentId, null), wait);
    watch.timer.unref();
  }

  unloading(documentId: string, state: () => Uint8Array): void {
    if (this.watching.has(documentId) || this.due.has(documentId)) this.makeDue(documentId, state());
  }

  private makeDue(documentId: string, state: Uint8Array | null): void {
    const watch = this.watching.get(documentId);
    if (watch?.timer) clearTimeout(watch.timer);
    this.watching.delete(documentId);
    const due = this.due.get(documentId) ?? { changes: [], bytes: 0, overflow: false, state: null };
    if (watch) {
      keep(due, watch.changes);
      due.overflow ||= watch.overflow;
    }
    if (state) due.state = state;
    this.due.set(documentId, due);
    this.kick();
  }

  /** Starts checking unless a check is running (which takes what became due meanwhile). */
  private kick(): void {
    this.running ??= this.drain().finally(() => {
      this.running = null;
      if (this.due.size > 0) this.kick();
    });
  }

  /** Checks the due documents in batches until none is left. */
  private async drain(): Promise<void> {
    // Whatever else becomes due in this turn joins the batch.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.due.size > 0) {
      const batch = new Map(this.due);
      this.due.clear();
      try {
        await this.check(batch);
      } catch (error) {
        this.logger.error(`checking the comment passages of ${batch.size} documents failed: ${String(error)}`);
      }
    }
  }

  private async check(batch: Map<string, Due>): Promise<void> {
    const threads: WatchedThread[] = await this.dataSource.query(
      `SELECT t.id, t.document_id, t.anchor_start, t.anchor_end, t.quote, d.workspace_id, d.title
       FROM comment_threads t JOIN documents d ON d.id = t.document_id
       WHERE t.document_id = ANY($1::uuid[]) AND t.status = 'open' AND t.passage_deleted_at IS NULL
       ORDER BY t.document_id, t.created_at`,
      [[...batch.keys()]],
    );
    const byDocument = new Map<string, WatchedThread[]>();
    for (const thread of threads) byDocument.set(thread.document_id, [...(byDocument.get(thread.document_id) ?? []), thread]);
    for (const [documentId, open] of byDocument) {
      const due = batch.get(documentId) as Due;
      // Read after the threads: every listed thread's anchor was made on a state this one follows, or is not known yet.
      const state = due.state ?? (await this.engine.read(documentId, (doc) => Y.encodeStateAsUpdate(doc)));
      if (!state) continue;
      const gone = deletedPassages(state, open);
      if (gone.length > 0) await this.announce(documentId, gone, due);
    }
  }

  /** Marks the threads whose passage is gone and tells each one's participants who may still read the document. */
  private async announce(documentId: string, gone: WatchedThread[], due: Changes): Promise<void> {
    // Who deleted each passage is not told of their own act.
    const deleters = deletersOf(gone, due);
    await this.dataSource.transaction(async (manager) => {
      const [marked]: [Array<{ id: string }>, number] = await manager.query(
        `UPDATE comment_threads SET passage_deleted_at = now() WHERE id = ANY($1::uuid[]) AND status = 'open' AND passage_deleted_at IS NULL RETURNING id`,
        [gone.map((t) => t.id)],
      );
      if (marked.length === 0) return;
      const ids = marked.map((t) => t.id);
      const participants: Array<{ thread_id: string; user_id: string }> = await manager.query(
        `SELECT id AS thread_id, created_by AS user_id FROM comment_threads WHERE id = ANY($1::uuid[]) AND created_by IS NOT NULL
         UNION SELECT thread_id, author_id FROM comments WHERE thread_id = ANY($1::uuid[]) AND author_id IS NOT NULL`,
        [ids],
      );
      const readers = new Set(await peopleWithAccess(manager, documentId, participants.map((p) => p.user_id), 'read'));
      for (const thread of gone.filter((t) => ids.includes(t.id))) {
        const recipients = participants.filter((p) => p.thread_id === thread.id && readers.has(p.user_id)).map((p) => p.user_id);
        await this.notifier.notify(manager, {
          kind: 'passage_deleted',
          workspaceId: thread.workspace_id,
          key: `passage_deleted:${thread.id}`,
          recipients,
          actorId: deleters.get(thread.id) ?? null,
          link: `/w/${thread.workspace_id}/d/${documentId}#thread-${thread.id}`,
          params: { document: thread.title, quote: thread.quote },
          documentId,
          threadId: thread.id,
        });
      }
    });
  }
}

/**
 * The threads whose passage resolves to nothing in the document of `state` (deleted entirely), resolved as the editor
 * resolves them (libs/editor resolvePassage) on a copy of the document. An anchor naming an item the document has not
 * got yet (its thread was started on text still on its way to the server) is not taken for deleted.
 */
export function deletedPassages<T extends { anchor_start: string; anchor_end: string }>(state: Uint8Array, threads: T[]): T[] {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    const fragment = doc.getXmlFragment(RICH_TEXT_FIELD);
    const { mapping } = initProseMirrorDoc(fragment, editorSchema());
    const known = (encoded: string) => {
      const position = decodeAnchorEnd(encoded);
      if (!position) return false;
      const id = position.item ?? position.type;
      return id === null || id.clock < Y.getState(doc.store, id.client);
    };
    return threads.filter((thread) => {
      const anchor: PassageAnchor = { start: thread.anchor_start, end: thread.anchor_end };
      return known(anchor.start) && known(anchor.end) && resolvePassage(doc, fragment, anchor, mapping) === null;
    });
  } finally {
    doc.destroy();
  }
}

type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds'];

/** Adds changes to what is kept of a document, or gives up keeping them past MAX_KEPT_BYTES. */
function keep(into: Changes, changes: ReadonlyArray<Change>): void {
  if (into.overflow) return;
  for (const change of changes) {
    into.bytes += change.update.byteLength;
    into.changes.push(change);
  }
  if (into.bytes > MAX_KEPT_BYTES) {
    into.changes = [];
    into.bytes = 0;
    into.overflow = true;
  }
}

/**
 * Who deleted each thread's passage: the sender of the last update whose deletions take a character of the passage
 * its anchor names. Updates are decoded only here, for documents where a passage was found gone.
 */
function deletersOf(threads: Array<{ id: string; anchor_start: string; anchor_end: string }>, due: Changes): Map<string, string> {
  const found = new Map<string, string>();
  if (due.overflow) return found;
  const deletions = due.changes.map((change) => {
    let ds: DeleteSet | null = null;
    return {
      userId: change.userId,
      deletes: (id: Y.ID) => {
        ds ??= Y.decodeUpdate(change.update).ds;
        return (ds.clients.get(id.client) ?? []).some((range: { clock: number; len: number }) => id.clock >= range.clock && id.clock < range.clock + range.len);
      },
    };
  });
  for (const thread of threads) {
    const inside = passageItems(thread);
    if (inside.length === 0) continue;
    const deletion = deletions.findLast((d) => d.userId !== null && inside.some((id) => d.deletes(id)));
    if (deletion?.userId) found.set(thread.id, deletion.userId);
  }
  return found;
}

/**
 * The characters of a passage its anchor names: an end associated with what follows it (assoc >= 0) names the
 * character after it, one associated with what precedes it (y-prosemirror's -1) the character before it — for the
 * start the first of the passage in the first case, for the end the last of it in the second.
 */
function passageItems(anchor: { anchor_start: string; anchor_end: string }): Y.ID[] {
  const start = decodeAnchorEnd(anchor.anchor_start);
  const end = decodeAnchorEnd(anchor.anchor_end);
  return [start && start.assoc >= 0 ? start.item : null, end && end.assoc < 0 ? end.item : null].filter((id): id is Y.ID => id !== null);
}
