import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { afterCommit } from '../database/after-commit';
import { DrainLoop } from './drain-loop';

/** How often the queue looks for due jobs besides being woken (retries, jobs of other instances). */
const POLL_MS = 5_000;
/** A taken job is another worker's again if its worker has not finished within this (it died). */
const LEASE_SECONDS = 300;
/** Tries before a job is given up (logged, kept with its error for the operator). */
const MAX_ATTEMPTS = 6;

export type JobHandler = (payload: Record<string, unknown>) => Promise<void>;

/**
 * Work that happens after the response: a request records a job (a row in `jobs`, in its own transaction when it
 * passes one) and answers at once; the queue runs the job's handler soon after, on whichever instance takes it first
 * (`FOR UPDATE SKIP LOCKED`), retries a failure with backoff (5 s, 25 s, 2 min…) and deletes the job when done. Used
 * where answering must not wait for slow work or reveal what it found (a password reset answers the same, as fast, for
 * any address). A table of our own rather than a queue library: pg-boss keeps its own connections, which the
 * embedded PostgreSQL (one session) cannot serve beside TypeORM's, and BullMQ needs Redis, which one instance has not.
 */
@Injectable()
export class JobQueue implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly handlers = new Map<string, JobHandler>();
  private readonly loop = new DrainLoop(() => this.drain(), this.logger, 'the job queue');

  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    this.loop.start(POLL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  /** Says what runs the jobs of `kind`. */
  handle(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  /**
   * Records a job (in `manager`'s transaction when given, so it exists only if that commits) and wakes the queue once
   * the caller's work is done.
   */
  async enqueue(kind: string, payload: Record<string, unknown>, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`INSERT INTO jobs (kind, payload) VALUES ($1, $2)`, [kind, JSON.stringify(payload)]);
    afterCommit(manager, () => this.wake());
  }

  /** Runs due jobs until there are none (one runner per instance; a wake during a run makes it look again). */
  wake(): void {
    this.loop.wake();
  }

  /** Resolves once no job is due and none is running here (what tests wait for). */
  async idle(): Promise<void> {
    await this.loop.idle(async () => {
      const [{ due }] = await this.dataSource.query(
        `SELECT count(*)::int AS due FROM jobs WHERE run_at <= now() AND (locked_until IS NULL OR locked_until < now())`,
      );
      return due as number;
    });
  }

  private async drain(): Promise<void> {
    while (!this.loop.isStopped) {
      const [job] = await this.dataSource.query(
        `UPDATE jobs SET locked_until = now() + make_interval(secs => ${LEASE_SECONDS}), attempts = attempts + 1
         WHERE id = (SELECT id FROM jobs WHERE run_at <= now() AND (locked_until IS NULL OR locked_until < now())
                     ORDER BY run_at, id FOR UPDATE SKIP LOCKED LIMIT 1)
         RETURNING id, kind, payload, attempts`,
      ).then((result: [Array<{ id: string; kind: string; payload: Record<string, unknown>; attempts: number }>, number]) => result[0]);
      if (!job) return;
      await this.run(job);
    }
  }

  private async run(job: { id: string; kind: string; payload: Record<string, unknown>; attempts: number }): Promise<void> {
    const handler = this.handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`no handler for jobs of kind ${job.kind}`);
      await handler(job.payload);
      await this.dataSource.query(`DELETE FROM jobs WHERE id = $1`, [job.id]);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (job.attempts >= MAX_ATTEMPTS) {
        this.logger.error(`gave up job ${job.id} (${job.kind}) after ${job.attempts} attempts: ${message}`);
        await this.dataSource.query(`UPDATE jobs SET run_at = 'infinity', locked_until = NULL, last_error = $2 WHERE id = $1`, [job.id, message]);
        return;
      }
      const delaySeconds = 5 * 5 ** (job.attempts - 1);
      this.logger.warn(`job ${job.id} (${job.kind}) failed, again in ${delaySeconds} s: ${message}`);
      await this.dataSource.query(
        `UPDATE jobs SET run_at = now() + make_interval(secs => $2), locked_until = NULL, last_error = $3 WHERE id = $1`,
        [job.id, delaySeconds, message],
      );
    }
  }
}
