import { resolve } from 'node:path';
import { DEFAULT_PARSING_LIMITS, type ParsingLimits } from '../parsing/limits';

const MiB = 1024 * 1024;

/** The development default of AUTH_SECRET; production refuses to start with it. */
export const DEV_AUTH_SECRET = 'commonplan-development-secret-do-not-use-in-production';

export type NodeEnv = 'development' | 'production' | 'test';

/**
 * Everything the server reads from its environment, read and validated once at boot (loadConfig). Nothing else in
 * the server reads process.env.
 */
/** How the mail outbox sends (notifications/mail-outbox.ts). */
export interface MailLimits {
  /** A message taken for sending is another worker's again after this long (its worker died); SMTP times out sooner. */
  leaseSeconds: number;
  /** Messages sent at once (SMTP connections in the pool). */
  concurrency: number;
  /** Tries before a message is given up as failed. */
  maxAttempts: number;
  /** The Warsaw hour of the daily and weekly digests. */
  digestHour: number;
}

export const DEFAULT_MAIL_LIMITS: MailLimits = { leaseSeconds: 120, concurrency: 4, maxAttempts: 8, digestHour: 7 };

export class AppConfig {
  constructor(
    readonly nodeEnv: NodeEnv,
    readonly host: string,
    readonly port: number,
    /** PostgreSQL server URL; null means the embedded PGlite under dataDir. */
    readonly databaseUrl: string | null,
    readonly dataDir: string,
    /** Key for the HMAC under which session, invitation and reset tokens are stored. */
    readonly authSecret: string,
    /** The address people use to reach the app; links in e-mails start with it. */
    readonly publicUrl: string,
    readonly smtpUrl: string | null,
    readonly mailFrom: string,
    /** A session's absolute lifetime: it ends this long after sign-in, however much it is used. */
    readonly sessionTtlHours: number,
    readonly invitationTtlHours: number,
    readonly passwordResetTtlMinutes: number,
    readonly loginLimitPerAccount: number,
    readonly loginLimitPerIp: number,
    readonly loginLimitWindowSeconds: number,
    readonly seedDemo: boolean,
    readonly trustProxy: boolean,
    /** Folder with the built web app (index.html); null when not served. */
    readonly webDist: string | null,
    readonly redisUrl: string | null,
    readonly collab: CollabLimits,
    /** Comments from the public form: at most `perIp` from one address per window (shared by the instances with REDIS_URL). */
    readonly publicComments: { perIp: number; windowMs: number },
    /** A session nobody used for this long (no request, no open live connection) has ended. */
    readonly sessionIdleMinutes: number,
    /** Reading uploaded files: zip containers' limits, and the import's worker threads. */
    readonly parsing: ParsingLimits,
    /** The mail outbox: see notifications/mail-outbox.ts. */
    readonly mail: MailLimits = DEFAULT_MAIL_LIMITS,
    /** The bearer token GET /metrics asks for; null: /metrics answers only direct requests from this host. */
    readonly metricsToken: string | null = null,
    /** Log lines as JSON objects (one per line, with the request id) or as text for a terminal. */
    readonly logFormat: 'json' | 'text' = 'text',
    /**
     * On SIGTERM, how long readiness answers 503 while the server still serves everything, before it closes (main.ts):
     * the time a balancer needs to notice and send new requests elsewhere.
     */
    readonly shutdownDrainMs: number = 0,
    /** Search: text rows matched per word index before ranking (search/search.service.ts). */
    readonly searchTextCandidates: number = 1000,
    /** The public site: BIP exports (each renders every file of a record) one address may ask for per window. */
    readonly publicExports: { perIp: number; windowMs: number } = { perIp: 30, windowMs: 600_000 },
  ) {}

  get isProduction(): boolean {
    return this.nodeEnv === 'production';
  }

  get databaseKind(): 'embedded' | 'postgres' {
    return this.databaseUrl ? 'postgres' : 'embedded';
  }

  /** Cookies carry the Secure flag when the public address is https. */
  get secureCookies(): boolean {
    return this.publicUrl.startsWith('https://');
  }
}

/** The co-drafting engine's limits and timings (see docs/sync-protocol.md). */
export interface CollabLimits {
  /** Largest accepted sync message; larger ones are refused. */
  maxMessageBytes: number;
  /** A document with no connections is unloaded from memory after this, once everything is stored. */
  idleUnloadMs: number;
  /** How often an open connection's document access is re-read from the database. */
  accessRecheckMs: number;
  /** The update log of a document is merged into its snapshot when it holds this many rows ... */
  compactRows: number;
  /** ... or this many bytes. */
  compactBytes: number;
  /**
   * A group commit waits this long for more updates before it writes (PostgreSQL's commit_delay, for the same
   * reason): one transaction for all keystrokes of that window instead of one each. Acknowledgements wait with it.
   */
  commitDelayMs: number;
  /**
   * With several instances (REDIS_URL): how often each tells the others its last update in the documents it serves;
   * one not heard for a few of these is taken as gone (collab-relay.ts).
   */
  relayHeartbeatMs: number;
  /** Presence: the largest state and the most client ids one connection may set in a document. */
  awareness: { maxStateBytes: number; maxClientsPerConnection: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Reads and validates the configuration; throws a ConfigError naming every bad variable. */
export function loadConfig(env: Env, defaults: { webDist?: string | null } = {}): AppConfig {
  const problems: string[] = [];
  const str = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = str(name);
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return Number(raw);
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = str(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  };
  const url = (name: string, protocols: string[]): string | null => {
    const raw = str(name);
    if (raw === undefined) return null;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) {
        problems.push(`${name} must be a ${protocols.map((p) => p.replace(':', '://')).join(' or ')} URL`);
      }
    } catch {
      problems.push(`${name} is not a valid URL`);
    }
    return raw;
  };

  const nodeEnvRaw = str('NODE_ENV') ?? 'development';
  let nodeEnv: NodeEnv = 'development';
  if (nodeEnvRaw === 'development' || nodeEnvRaw === 'production' || nodeEnvRaw === 'test') nodeEnv = nodeEnvRaw;
  else problems.push(`NODE_ENV must be development, production or test (got "${nodeEnvRaw}")`);
  const production = nodeEnv === 'production';

  const port = int('PORT', 3000, 0, 65535);
  const host = str('HOST') ?? '0.0.0.0';
  const databaseUrl = url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const dataDir = resolve(str('DATA_DIR') ?? '.data');

  const authSecret = str('AUTH_SECRET') ?? DEV_AUTH_SECRET;
  if (production && authSecret === DEV_AUTH_SECRET) {
    problems.push('AUTH_SECRET must be set in production (it is missing or left at its development default)');
  } else if (production && authSecret.length < 32) {
    problems.push('AUTH_SECRET must be at least 32 characters long in production');
  }

  const publicUrl = (url('PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`).replace(/\/+$/, '');
  const smtpUrl = url('SMTP_URL', ['smtp:', 'smtps:']);
  const mailFrom = str('MAIL_FROM') ?? 'Commonplan <no-reply@commonplan.invalid>';

  const metricsToken = str('METRICS_TOKEN') ?? null;
  if (metricsToken !== null && !/^[A-Za-z0-9._~+/=-]{16,256}$/.test(metricsToken)) {
    problems.push('METRICS_TOKEN must be 16 to 256 characters of letters, digits and ._~+/=- (a bearer token)');
  }

  const logFormat = str('LOG_FORMAT') ?? (production ? 'json' : 'text');
  if (logFormat !== 'json' && logFormat !== 'text') problems.push(`LOG_FORMAT must be json or text (got "${logFormat}")`);

  const shutdownDrainMs = int('SHUTDOWN_DRAIN_MS', production ? 5000 : 0, 0, 300_000);

  const seedDemo = bool('SEED_DEMO', !production);
  if (production && seedDemo) problems.push('SEED_DEMO cannot be true in production: production never seeds demo accounts');

  const config = new AppConfig(
    nodeEnv,
    host,
    port,
    databaseUrl,
    dataDir,
    authSecret,
    publicUrl,
    smtpUrl,
    mailFrom,
    int('SESSION_TTL_HOURS', 12, 1, 24 * 30),
    int('INVITATION_TTL_HOURS', 24 * 7, 1, 24 * 60),
    int('PASSWORD_RESET_TTL_MINUTES', 60, 5, 24 * 60),
    int('LOGIN_LIMIT_PER_ACCOUNT', 5, 1, 10_000),
    int('LOGIN_LIMIT_PER_IP', 50, 1, 100_000),
    int('LOGIN_LIMIT_WINDOW_SECONDS', 900, 1, 86_400),
    seedDemo,
    bool('TRUST_PROXY', false),
    str('WEB_DIST') ? resolve(str('WEB_DIST') as string) : (defaults.webDist ?? null),
    url('REDIS_URL', ['redis:', 'rediss:']),
    {
      maxMessageBytes: int('COLLAB_MAX_MESSAGE_BYTES', 2 * 1024 * 1024, 1024, 64 * 1024 * 1024),
      idleUnloadMs: int('COLLAB_IDLE_UNLOAD_SECONDS', 30, 0, 86_400) * 1000,
      accessRecheckMs: int('COLLAB_ACCESS_RECHECK_SECONDS', 30, 1, 3600) * 1000,
      compactRows: int('COLLAB_COMPACT_ROWS', 500, 2, 1_000_000),
      compactBytes: int('COLLAB_COMPACT_BYTES', 4 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
      commitDelayMs: int('COLLAB_COMMIT_DELAY_MS', 50, 0, 1000),
      relayHeartbeatMs: int('COLLAB_RELAY_HEARTBEAT_MS', 2000, 100, 60_000),
      awareness: {
        maxStateBytes: int('COLLAB_AWARENESS_MAX_BYTES', 4096, 256, 1024 * 1024),
        maxClientsPerConnection: int('COLLAB_AWARENESS_MAX_CLIENTS', 4, 1, 100),
      },
    },
    {
      perIp: int('PUBLIC_COMMENTS_PER_IP', 20, 1, 100_000),
      windowMs: int('PUBLIC_COMMENTS_WINDOW_SECONDS', 3600, 1, 86_400) * 1000,
    },
    int('SESSION_IDLE_MINUTES', 60, 1, 24 * 60 * 30),
    {
      zip: {
        maxEntries: int('ZIP_MAX_ENTRIES', DEFAULT_PARSING_LIMITS.zip.maxEntries, 10, 1_000_000),
        maxUnpackedBytes: int('ZIP_MAX_UNPACKED_MB', DEFAULT_PARSING_LIMITS.zip.maxUnpackedBytes / MiB, 1, 4096) * MiB,
        maxRatio: int('ZIP_MAX_RATIO', DEFAULT_PARSING_LIMITS.zip.maxRatio, 2, 100_000),
        ratioAboveBytes: int('ZIP_RATIO_ABOVE_KB', DEFAULT_PARSING_LIMITS.zip.ratioAboveBytes / 1024, 0, 1024 * 1024) * 1024,
      },
      worker: {
        concurrency: int('IMPORT_WORKERS', DEFAULT_PARSING_LIMITS.worker.concurrency, 1, 64),
        maxQueued: int('IMPORT_QUEUE', DEFAULT_PARSING_LIMITS.worker.maxQueued, 0, 10_000),
        timeLimitMs: int('IMPORT_TIME_LIMIT_MS', DEFAULT_PARSING_LIMITS.worker.timeLimitMs, 100, 600_000),
        maxHeapMb: int('IMPORT_WORKER_HEAP_MB', DEFAULT_PARSING_LIMITS.worker.maxHeapMb, 32, 16_384),
        retryAfterSeconds: int('IMPORT_RETRY_AFTER_SECONDS', DEFAULT_PARSING_LIMITS.worker.retryAfterSeconds, 1, 3600),
      },
    },
    {
      leaseSeconds: int('MAIL_LEASE_SECONDS', DEFAULT_MAIL_LIMITS.leaseSeconds, 2, 3600),
      concurrency: int('MAIL_CONCURRENCY', DEFAULT_MAIL_LIMITS.concurrency, 1, 64),
      maxAttempts: int('MAIL_MAX_ATTEMPTS', DEFAULT_MAIL_LIMITS.maxAttempts, 1, 50),
      digestHour: int('DIGEST_HOUR', DEFAULT_MAIL_LIMITS.digestHour, 0, 23),
    },
    metricsToken,
    logFormat as 'json' | 'text',
    shutdownDrainMs,
    int('SEARCH_TEXT_CANDIDATES', 1000, 1, 100_000),
    { perIp: int('PUBLIC_EXPORTS_PER_IP', 30, 1, 100_000), windowMs: int('PUBLIC_EXPORTS_WINDOW_SECONDS', 600, 1, 86_400) * 1000 },
  );
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
