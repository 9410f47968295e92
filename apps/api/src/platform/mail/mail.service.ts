import { mkdir, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type SendMailOptions, type Transporter } from 'nodemailer';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import { AppConfig } from '../config/app-config';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** A stable Message-ID (`<…@…>`): a message sent again after a crash is recognisably the same one. */
  messageId?: string;
  /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058). */
  headers?: Record<string, string>;
  /** An iCalendar object sent as the invitation (text/calendar with its METHOD) and as an .ics attachment. */
  calendar?: { method: 'REQUEST' | 'CANCEL' | 'PUBLISH'; content: string };
}

/** Why a message was not sent: `permanent` when the server refused it for good (a bounce: retrying cannot help). */
export class MailError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/**
 * Sends e-mail through SMTP_URL (nodemailer, a pool of connections) when it is set. Without SMTP (development), each
 * message is composed exactly as it would be sent and written to DATA_DIR/outbox/ as an .eml file (and logged), so
 * that a developer can follow the links.
 */
/**
 * How long SMTP waits for a connection, the greeting or a reply: a third of the outbox's lease (1 to 60 s), so that it
 * gives up well before the lease ends and a message is never sent twice by two workers.
 */
export function smtpTimeoutMs(leaseSeconds: number): number {
  return Math.max(1000, Math.min(60_000, (leaseSeconds * 1000) / 3));
}

@Injectable()
export class MailService implements OnApplicationShutdown {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter | null;
  private readonly composer: Transporter;

  constructor(private readonly config: AppConfig) {
    const timeout = smtpTimeoutMs(config.mail.leaseSeconds);
    // The URL's parts spread into the options: given `url`, nodemailer would ignore every other option (pool, timeouts).
    this.transport = config.smtpUrl
      ? createTransport({
          ...parseConnectionUrl(config.smtpUrl),
          pool: true,
          maxConnections: config.mail.concurrency,
          connectionTimeout: timeout,
          greetingTimeout: timeout,
          socketTimeout: timeout,
          // Each plain connection with TCP_NODELAY: nodemailer writes a message in several small chunks, and Nagle's
          // algorithm holds each next one until the server's delayed ACK, ~40 ms per message (npm run bench:notify).
          getSocket: (options: { host: string; port: number; secure?: boolean }, callback: (error: Error | null, socket?: unknown) => void) => {
            if (options.secure) return callback(null, false);
            const socket = connect({ host: options.host, port: options.port });
            const fail = (error: Error) => {
              clearTimeout(timer);
              callback(error);
            };
            const timer = setTimeout(() => socket.destroy(new Error('SMTP connection timeout')), timeout);
            socket.once('error', fail);
            socket.once('connect', () => {
              clearTimeout(timer);
              socket.off('error', fail);
              socket.setNoDelay(true);
              callback(null, { connection: socket });
            });
          },
        } as never)
      : null;
    this.composer = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  }

  get outboxDir(): string {
    return join(this.config.dataDir, 'outbox');
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }

  async send(message: MailMessage): Promise<void> {
    const options = this.options(message);
    if (this.transport) {
      try {
        await this.transport.sendMail(options);
      } catch (error) {
        throw asMailError(error);
      }
      // No address and no subject in the log: both may name a person.
      this.logger.log('sent a message');
      return;
    }
    const composed = (await this.composer.sendMail(options)) as { message: Buffer };
    await mkdir(this.outboxDir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const file = join(this.outboxDir, `${stamp}-${message.to.replace(/[^a-z0-9@._-]/gi, '_')}.eml`);
    await writeFile(file, composed.message);
    // Without SMTP (a developer's machine) the message is shown; a production log never names anyone.
    if (this.config.isProduction) this.logger.log('no SMTP_URL: a message was written to the outbox in DATA_DIR');
    else this.logger.log(`no SMTP_URL: "${message.subject}" to ${message.to} written to ${file}\n${message.text}`);
  }

  private options(message: MailMessage): SendMailOptions {
    return {
      from: this.config.mailFrom,
      to: message.to,
      subject: message.subject,
      text: message.text,
      // Quoted-printable rather than base64 for Polish text: a message's source stays readable.
      textEncoding: 'quoted-printable',
      messageId: message.messageId,
      headers: message.headers,
      icalEvent: message.calendar ? { method: message.calendar.method, filename: 'zaproszenie.ics', content: message.calendar.content } : undefined,
    };
  }
}

/** An SMTP refusal with a 5xx code (or every recipient rejected) is permanent; anything else may pass on a retry. */
function asMailError(error: unknown): MailError {
  const { responseCode, code, message } = (error ?? {}) as { responseCode?: number; code?: string; message?: string };
  const permanent = (typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600) || code === 'EENVELOPE';
  return new MailError(message ?? String(error), permanent);
}
