import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit, PayloadTooLargeException, UnprocessableEntityException } from '@nestjs/common';
import { fieldError } from '../platform/http/field-error';
import { ServerBusyException } from '../platform/http/server-busy';
import { AppConfig } from '../platform/config/app-config';
import type { ParsingLimits } from '../platform/parsing/limits';
import type { ImportFormat, ParseReply, ParseRequest, WorkerMessage } from './parse-protocol';
import { parseWorker } from './parse-worker-file';

export interface ParsedFile {
  title: string | null;
  state: Uint8Array;
  blocks: number;
}

const UNREADABLE: Record<ImportFormat, string> = { docx: 'not a readable Word (.docx) document', md: 'not a readable Markdown file' };

/**
 * Reads imported files off the event loop: each parse runs in a worker thread of its own (a fresh heap, limited to
 * `maxHeapMb`, stopped after `timeLimitMs`), at most `concurrency` at once; further imports wait in a queue of
 * `maxQueued`, and beyond that are refused with 503 and Retry-After. The worker sends back the document's Yjs state
 * (transferred, not copied), built through the editor's schema there, so nothing of the file's size is left for the
 * event loop. A worker per parse rather than a pool of long-lived ones (piscina): each parse starts from an empty heap
 * and gives all of it back when it ends, a parse that is stopped takes nothing with it, and the time limit counts the
 * parse alone; starting a worker costs about 0.2-0.3 s, small beside reading a real document.
 */
@Injectable()
export class ImportParser implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Import');
  readonly limits: ParsingLimits;
  private readonly file = parseWorker.file;
  private running = 0;
  private readonly queue: Array<() => void> = [];
  private readonly workers = new Set<Worker>();
  private closed = false;

  constructor(config: AppConfig) {
    this.limits = config.parsing;
  }

  onModuleInit(): void {
    if (!existsSync(this.file)) throw new Error(`the import worker is missing (${this.file}): build the API with tools/build-api.mjs`);
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.workers].map((worker) => worker.terminate()));
  }

  /**
   * A file as the first Yjs state of a shared document, with its title (if it names one) and its number of top-level
   * blocks; an HTTP error naming `file` when it cannot be read within the limits.
   */
  async parse(format: ImportFormat, bytes: Buffer): Promise<ParsedFile> {
    await this.slot();
    let reply: ParseReply;
    try {
      reply = await this.run(format, bytes);
    } finally {
      this.release();
    }
    if (!reply.ok) {
      if (reply.detail) this.logger.warn(`${format} import refused (${reply.message}): ${reply.detail}`);
      throw fieldError('file', reply.message, reply.status === 413 ? PayloadTooLargeException : UnprocessableEntityException);
    }
    return { title: reply.title, state: reply.state, blocks: reply.blocks };
  }

  private slot(): Promise<void> {
    const { concurrency, maxQueued, retryAfterSeconds } = this.limits.worker;
    if (this.closed) throw new ServerBusyException('the server is stopping; try again shortly', retryAfterSeconds);
    if (this.running < concurrency) {
      this.running++;
      return Promise.resolve();
    }
    if (this.queue.length >= maxQueued) {
      this.logger.warn(`import refused: ${this.running} files are being read and ${this.queue.length} wait`);
      throw new ServerBusyException('too many files are being imported right now; try again shortly', retryAfterSeconds);
    }
    return new Promise((resolveSlot) => this.queue.push(resolveSlot));
  }

  /** The slot passes to the next in the queue, if any. */
  private release(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.running--;
  }

  private run(format: ImportFormat, bytes: Buffer): Promise<ParseReply> {
    if (this.closed) return Promise.resolve({ ok: false, status: 422, message: UNREADABLE[format], detail: 'the server is stopping' });
    const { timeLimitMs, maxHeapMb } = this.limits.worker;
    // A copy of exactly the file's bytes (a small upload may sit in a pool shared with others), handed over, not cloned.
    const copy = new Uint8Array(bytes);
    const request: ParseRequest = { format, bytes: copy, zip: this.limits.zip };
    return new Promise((resolveReply) => {
      const worker = new Worker(this.file, { workerData: request, transferList: [copy.buffer], resourceLimits: { maxOldGenerationSizeMb: maxHeapMb } });
      this.workers.add(worker);
      let timer: NodeJS.Timeout | undefined;
      let settled = false;
      const settle = (reply: ParseReply) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolveReply(reply);
        void worker.terminate();
      };
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'started') {
          timer = setTimeout(() => settle({ ok: false, status: 422, message: 'the file takes too long to read' }), timeLimitMs);
        } else {
          settle(message.reply);
        }
      });
      worker.on('error', (error: Error & { code?: string }) => {
        settle(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? { ok: false, status: 413, message: 'the file needs more memory to read than is allowed' }
            : { ok: false, status: 422, message: UNREADABLE[format], detail: String(error) },
        );
      });
      worker.on('exit', (code) => {
        this.workers.delete(worker);
        settle({ ok: false, status: 422, message: UNREADABLE[format], detail: `the worker stopped (exit code ${code})` });
      });
    });
  }
}
