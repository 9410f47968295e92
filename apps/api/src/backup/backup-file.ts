import { createHash, type Hash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, openSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGzip, createGunzip, type Gzip } from 'node:zlib';
import { BackupRefusal } from './backup-refusal';

/**
 * The backup file: gzip'ed JSON lines. A header line, then one line per row (`{"t": table, "v": [values]}`) with the
 * tables in foreign-key order, then a trailer with the row counts and the SHA-256 of every byte before it
 * (uncompressed), which a restore checks before it writes anything.
 */
export const BACKUP_FORMAT = 'commonplan-backup';
export const BACKUP_FORMAT_VERSION = 1;

export type BackupScope = { kind: 'database' } | { kind: 'workspace'; id: string; slug: string };

/** A table as the header lists it: its columns in order, each with its PostgreSQL type (format_type). */
export interface BackupTable {
  name: string;
  columns: [name: string, type: string][];
}

export interface BackupHeader {
  type: typeof BACKUP_FORMAT;
  format: number;
  /** The last migration applied to the database the backup was taken from: a restore needs the same. */
  migration: string;
  createdAt: string;
  scope: BackupScope;
  tables: BackupTable[];
  /** Tables of the schema that the scope leaves out (a workspace's backup holds no sessions, for one). */
  leftOut: string[];
}

export interface BackupTrailer {
  type: 'end';
  rows: Record<string, number>;
  sha256: string;
}

export interface RowLine {
  t: string;
  v: unknown[];
}

/** Writes the lines of a backup through gzip to a file, hashing them as written. */
export class BackupWriter {
  private readonly hash: Hash = createHash('sha256');
  private readonly gzip: Gzip = createGzip();
  private readonly done: Promise<void>;

  /**
   * Opens `file` at once (so that a missing folder is told before any row is read), readable by its owner only: a
   * backup holds password hashes. `name`: the file as the operator named it (`file` is where it is written first).
   */
  constructor(file: string, name = file) {
    let fd: number;
    try {
      fd = openSync(file, 'w', 0o600);
    } catch (error) {
      throw new BackupRefusal(`cannot write ${name}: ${describeFsError(error)}`);
    }
    this.done = pipeline(this.gzip, createWriteStream(file, { fd }));
    // The pipeline's promise reports the failure; this keeps an early one from going unhandled meanwhile.
    this.done.catch(() => undefined);
  }

  async line(value: unknown): Promise<void> {
    const bytes = Buffer.from(`${JSON.stringify(value)}\n`, 'utf8');
    this.hash.update(bytes);
    if (!this.gzip.write(bytes)) await Promise.race([once(this.gzip, 'drain'), this.done]);
  }

  /** Writes the trailer (counts and the hash of everything before it) and waits until the file is complete. */
  async finish(rows: Record<string, number>): Promise<void> {
    const trailer: BackupTrailer = { type: 'end', rows, sha256: this.hash.digest('hex') };
    this.gzip.end(`${JSON.stringify(trailer)}\n`);
    await this.done;
  }

  /** Stops writing after a failure. */
  async abort(): Promise<void> {
    this.gzip.destroy();
    await this.done.catch(() => undefined);
  }
}

/**
 * The lines of a backup file, uncompressed, without their newlines. Damage that gzip itself detects (a bad header, a
 * corrupt block, a truncated stream) is a refusal naming the file.
 */
export async function* backupLines(file: string): AsyncGenerator<Buffer> {
  const source = createReadStream(file);
  const gunzip = createGunzip();
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  let pending: Buffer[] = [];
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      let start = 0;
      for (let end = chunk.indexOf(10); end !== -1; end = chunk.indexOf(10, start)) {
        const part = chunk.subarray(start, end);
        yield pending.length ? Buffer.concat([...pending, part]) : part;
        pending = [];
        start = end + 1;
      }
      if (start < chunk.length) pending.push(chunk.subarray(start));
    }
  } catch (error) {
    throw readRefusal(file, error);
  } finally {
    source.destroy();
    gunzip.destroy();
  }
  // Every line, the trailer too, ends with a newline: bytes after the last one are a damaged end.
  if (pending.length) throw new BackupRefusal(`${file} ends in the middle of a line: it is truncated or damaged`);
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'there is no such file or folder';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  throw error;
}

function readRefusal(file: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES' || code === 'EPERM') return new BackupRefusal(`cannot read ${file}: ${describeFsError(error)}`);
  if (typeof code === 'string' && code.startsWith('Z_')) {
    return new BackupRefusal(`${file} is damaged or is not a Commonplan backup (gzip: ${(error as Error).message})`);
  }
  return error as Error;
}

export interface VerifiedBackup {
  file: string;
  header: BackupHeader;
  trailer: BackupTrailer;
}

/**
 * Reads the whole file and checks it before anything is written: it is a backup of this format, its SHA-256 matches
 * the trailer's, and the rows of each table are where the header's order puts them, as many as the trailer counts.
 */
export async function verifyBackupFile(file: string): Promise<VerifiedBackup> {
  const hash = createHash('sha256');
  let header: BackupHeader | null = null;
  let tableIndex = new Map<string, number>();
  let lines = 0;
  let previous: Buffer | null = null;
  let lastTable = 0;
  const counts: Record<string, number> = {};
  // A damaged line can look like anything: what is wrong with the header or the rows is told only once the file has
  // been read to its end and its checksum matched (a damaged file is called damaged, not "not a backup").
  let problem: string | null = null;
  for await (const line of backupLines(file)) {
    if (previous) {
      // A line that another one follows is content, not the trailer.
      hash.update(previous).update('\n');
      if (lines === 1) {
        const parsed = readHeader(file, previous);
        if (typeof parsed === 'string') problem = parsed;
        else {
          header = parsed;
          tableIndex = new Map(header.tables.map((t, i) => [t.name, i]));
        }
      } else if (header) {
        const table = rowTable(previous);
        const index = table === null ? undefined : tableIndex.get(table);
        if (index === undefined) problem ??= `${file} holds a line that is neither a row of a listed table nor the trailer`;
        else if (index < lastTable) problem ??= `${file} lists the rows of ${table} out of order`;
        else {
          lastTable = index;
          counts[table as string] = (counts[table as string] ?? 0) + 1;
        }
      }
    }
    previous = Buffer.from(line);
    lines += 1;
  }
  if (!previous) throw new BackupRefusal(`${file} is empty`);
  if (lines === 1) {
    const parsed = readHeader(file, previous);
    throw new BackupRefusal(typeof parsed === 'string' ? parsed : `${file} ends after its header: it is truncated`);
  }
  const trailer = parseJson(previous) as BackupTrailer | null;
  if (!trailer || trailer.type !== 'end' || typeof trailer.sha256 !== 'string' || typeof trailer.rows !== 'object' || trailer.rows === null) {
    throw new BackupRefusal(header ? `${file} has no trailer: it is truncated or damaged` : (problem as string));
  }
  if (hash.digest('hex') !== trailer.sha256) {
    throw new BackupRefusal(`${file} does not match its checksum: it was changed or damaged; nothing was restored`);
  }
  if (problem || !header) throw new BackupRefusal(problem ?? `${file} has a damaged header`);
  for (const table of header.tables) {
    if ((counts[table.name] ?? 0) !== (trailer.rows[table.name] ?? 0)) {
      throw new BackupRefusal(`${file} holds ${counts[table.name] ?? 0} rows of ${table.name}, its trailer says ${trailer.rows[table.name] ?? 0}`);
    }
  }
  return { file, header, trailer };
}

/** The header, or what is wrong with it. */
function readHeader(file: string, line: Buffer): BackupHeader | string {
  const header = parseJson(line) as BackupHeader | null;
  if (!header || header.type !== BACKUP_FORMAT) return `${file} is not a Commonplan backup`;
  if (header.format !== BACKUP_FORMAT_VERSION) {
    return `${file} is a backup of format ${header.format}; this version of Commonplan reads format ${BACKUP_FORMAT_VERSION}`;
  }
  if (typeof header.migration !== 'string' || !Array.isArray(header.tables) || !header.scope) return `${file} has a damaged header`;
  return header;
}

function parseJson(line: Buffer): unknown {
  try {
    return JSON.parse(line.toString('utf8'));
  } catch {
    return null;
  }
}

/** The table a row line names, read from its start (`{"t":"name",`) without parsing the values. */
function rowTable(line: Buffer): string | null {
  const match = /^\{"t":("(?:[^"\\]|\\.)*"),"v":\[/.exec(line.subarray(0, 400).toString('utf8'));
  return match ? (parseJson(Buffer.from(match[1])) as string | null) : null;
}
