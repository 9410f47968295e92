import { availableParallelism } from 'node:os';

/**
 * How far the server goes reading a file someone uploaded (a Word or Markdown import, a resolution's attachment):
 * part of the configuration (AppConfig.parsing, from ZIP_* and IMPORT_* variables), with these defaults.
 */
export interface ParsingLimits {
  /** A zip container (.docx, .xlsx, .odt), judged by its central directory before anything is unpacked. */
  zip: {
    /** Most entries a file may list (422 above). */
    maxEntries: number;
    /** Most bytes all entries may unpack to in all, as they declare them (413 above). */
    maxUnpackedBytes: number;
    /** Highest unpacked-to-packed ratio of any one entry larger than `ratioAboveBytes` (413 above). */
    maxRatio: number;
    /** Entries up to this size are not held to `maxRatio` (a small file of repeated XML may pack very well). */
    ratioAboveBytes: number;
  };
  /** Reading a file for import: in worker threads, off the event loop. */
  worker: {
    /** Parses that run at once, each in a worker thread of its own. */
    concurrency: number;
    /** Imports that may wait for a worker; one more is refused with 503 and Retry-After. */
    maxQueued: number;
    /** A parse still running after this long is stopped (422: the file takes too long to read). */
    timeLimitMs: number;
    /** A worker's JavaScript heap (V8's old generation); a parse that needs more is stopped (413). */
    maxHeapMb: number;
    /** The Retry-After of a 503 when every worker is busy and the queue is full. */
    retryAfterSeconds: number;
  };
}

const MiB = 1024 * 1024;

export const DEFAULT_PARSING_LIMITS: ParsingLimits = {
  zip: {
    maxEntries: 2_000,
    maxUnpackedBytes: 50 * MiB,
    maxRatio: 100,
    ratioAboveBytes: 1 * MiB,
  },
  worker: {
    // One core stays with the event loop: on the 2-core reference machine one parse runs at a time.
    concurrency: Math.max(1, Math.min(4, availableParallelism() - 1)),
    maxQueued: 16,
    timeLimitMs: 20_000,
    maxHeapMb: 512,
    retryAfterSeconds: 10,
  },
};
