import type { ZipLimits } from '../platform/parsing/zip-check';

/** What the import worker (parse-worker.ts) and the server (import-parser.ts) say to each other. */
export type ImportFormat = 'docx' | 'md';

/** The worker's `workerData`: one file to read. */
export interface ParseRequest {
  format: ImportFormat;
  bytes: Uint8Array;
  zip: ZipLimits;
}

/**
 * The file as the first Yjs state of a shared document (its content built through the editor's schema, as
 * documentFromJson repairs it) with its title and number of top-level blocks, or why it cannot be read.
 */
export type ParseReply =
  | { ok: true; title: string | null; state: Uint8Array; blocks: number }
  | { ok: false; status: 413 | 422; message: string; /** for the log: what the reader threw */ detail?: string };

/** `started` once the worker has loaded and begins reading (the time limit counts from then), then `done`. */
export type WorkerMessage = { type: 'started' } | { type: 'done'; reply: ParseReply };
