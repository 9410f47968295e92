import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';

/** Seconds, from a millisecond to a minute: requests and commits. */
const LATENCY_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/** The `queue` label of the mail outbox in job_queue_depth; the jobs table's queues are named by their kind. */
export const MAIL_QUEUE = 'mail_outbox';

/** The `queue` label of the records waiting for the search indexer (search/search-indexer.ts). */
export const SEARCH_QUEUE = 'search_index';

/** What job_queue_depth counts, read at each scrape (see the migrations of `jobs`, `mail_outbox` and `search_pending`). */
const QUEUE_DEPTH_SQL = `
  SELECT kind AS queue, count(*)::int AS depth FROM jobs WHERE run_at <> 'infinity' GROUP BY kind
  UNION ALL
  SELECT '${MAIL_QUEUE}', count(*)::int FROM mail_outbox WHERE status IN ('pending', 'sending')
  UNION ALL
  SELECT '${SEARCH_QUEUE}', count(*)::int FROM search_pending`;

let processRegistry: Registry | null = null;

/**
 * The process's own metrics (CPU, memory, event loop, GC: prom-client's default metrics), collected once per process:
 * they describe the process, not an app, and each collection starts an event-loop monitor and a GC observer that
 * cannot be stopped, which tests starting many servers in one process would pile up.
 */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/**
 * The Prometheus metrics of this instance of the app (GET /metrics), in a registry of its own rather than
 * prom-client's global one, so that several servers in one process (tests) keep theirs apart. Labels never name a
 * person or a document: routes are patterns (/api/documents/:documentId), queues are job kinds.
 *
 * The co-drafting engine feeds the collab_* metrics through the methods below; HTTP timings come from
 * HttpMetricsMiddleware, job_queue_depth is read from the database at each scrape.
 */
@Injectable()
export class Metrics {
  private readonly registry = new Registry();
  private readonly httpDuration: Histogram<'method' | 'route' | 'status_code'>;
  private readonly collabUpdates: Counter;
  private readonly collabCommit: Histogram;
  private readonly collabOpenDocuments: Gauge;
  private readonly collabConnections: Gauge;
  private readonly collabFanoutLag: Histogram;
  /** Queues seen at earlier scrapes: one that has drained reports 0 rather than vanishing from the series. */
  private readonly queues = new Set<string>([MAIL_QUEUE, SEARCH_QUEUE]);

  constructor(private readonly dataSource: DataSource) {
    // Started now, so that the first scrape has the event loop's delays since the start.
    processMetrics();
    const registers = [this.registry];
    this.httpDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time from the request reaching the API to its response being sent, by method, route pattern and status code',
      labelNames: ['method', 'route', 'status_code'] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.collabUpdates = new Counter({ name: 'collab_updates_total', help: 'Co-drafting updates applied to documents', registers });
    this.collabCommit = new Histogram({
      name: 'collab_commit_seconds',
      help: 'Duration of one group commit of co-drafting updates to the database',
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.collabOpenDocuments = new Gauge({ name: 'collab_open_documents', help: 'Documents held open in memory by the co-drafting engine', registers });
    this.collabConnections = new Gauge({ name: 'collab_connections', help: 'Open co-drafting connections (socket.io and y-websocket)', registers });
    this.collabFanoutLag = new Histogram({
      name: 'collab_fanout_lag_seconds',
      help: 'Time from an update being received to its being sent to the other participants',
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    const depth: Gauge<'queue'> = new Gauge({
      name: 'job_queue_depth',
      help: `Work waiting or running: jobs by kind (not given up), e-mails queued in the outbox (queue="${MAIL_QUEUE}") and records waiting for the search index (queue="${SEARCH_QUEUE}")`,
      labelNames: ['queue'] as const,
      registers,
      collect: () => this.readQueueDepth(depth),
    });
  }

  /** The media type of render()'s text (the Prometheus text exposition format). */
  get contentType(): string {
    return this.registry.contentType;
  }

  /** Every metric, of the process and of this app, in the text exposition format. */
  async render(): Promise<string> {
    const [ofProcess, ofApp] = await Promise.all([processMetrics().metrics(), this.registry.metrics()]);
    return `${ofProcess.trimEnd()}\n${ofApp}`;
  }

  /** One HTTP request answered: `route` is the route's pattern, or "unmatched". */
  observeHttpRequest(method: string, route: string, statusCode: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status_code: String(statusCode) }, seconds);
  }

  /** Co-drafting updates applied (to any document). */
  countCollabUpdates(count = 1): void {
    this.collabUpdates.inc(count);
  }

  /** One group commit of co-drafting updates took `seconds`. */
  observeCollabCommit(seconds: number): void {
    this.collabCommit.observe(seconds);
  }

  /** The number of documents the co-drafting engine holds open now. */
  setCollabOpenDocuments(count: number): void {
    this.collabOpenDocuments.set(count);
  }

  /** The number of open co-drafting connections now. */
  setCollabConnections(count: number): void {
    this.collabConnections.set(count);
  }

  /** An update reached the other participants `seconds` after it was received. */
  observeCollabFanoutLag(seconds: number): void {
    this.collabFanoutLag.observe(seconds);
  }

  private async readQueueDepth(gauge: Gauge<'queue'>): Promise<void> {
    let rows: Array<{ queue: string; depth: number }>;
    try {
      rows = await this.dataSource.query(QUEUE_DEPTH_SQL);
    } catch {
      // No number rather than a stale one: the scrape still answers, and readiness tells that the database is down.
      gauge.reset();
      return;
    }
    for (const { queue } of rows) this.queues.add(queue);
    const depths = new Map(rows.map((row) => [row.queue, row.depth]));
    for (const queue of this.queues) gauge.set({ queue }, depths.get(queue) ?? 0);
  }
}
