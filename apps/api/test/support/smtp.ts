import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { eventually } from './collab-clients';

/** A message as the test SMTP server received it: the envelope, the raw source and the parsed message. */
export interface ReceivedMail {
  to: string[];
  raw: string;
  parsed: ParsedMail;
  /** The text part with quoted-printable undone (what a reader sees). */
  text: string;
  subject: string;
  header(name: string): string | undefined;
  /** The iCalendar part (text/calendar), if any. */
  calendar: string | null;
}

export interface TestSmtp {
  url: string;
  port: number;
  received: ReceivedMail[];
  /** How many SMTP connections clients opened. */
  connections(): number;
  /** Messages to one address, in the order received. */
  to(address: string): ReceivedMail[];
  /** Waits until `predicate` holds for the messages received so far (default 15 s). */
  waitFor(predicate: (received: ReceivedMail[]) => boolean, what: string, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real SMTP server (nodemailer's smtp-server) on a free loopback port that keeps what it receives, parsed with
 * mailparser. `hold`: when it returns true for a message, the server never answers its DATA (the message is not
 * accepted), which lets a test kill the sender mid-send.
 */
export async function startSmtp(options: { port?: number; hold?: (raw: string) => boolean; reject?: (rcpt: string) => boolean } = {}): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  let connections = 0;
  const smtp = new SMTPServer({
    onConnect(_session, callback) {
      connections++;
      callback();
    },
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // close() ends the connections clients keep open (the app's mail pool) after this long, not after 30 s.
    closeTimeout: 200,
    size: 50 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      if (options.reject?.(address.address)) {
        const error = new Error('550 5.1.1 mailbox unavailable') as Error & { responseCode: number };
        error.responseCode = 550;
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        if (options.hold?.(raw)) return; // never answered: not accepted
        simpleParser(raw).then(
          (parsed) => {
            const calendarPart = parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'));
            received.push({
              to: session.envelope.rcptTo.map((r) => r.address),
              raw,
              parsed,
              text: parsed.text ?? '',
              subject: parsed.subject ?? '',
              header: (name) => {
                const line = parsed.headerLines.find((h) => h.key === name.toLowerCase())?.line;
                return line === undefined ? undefined : line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim();
              },
              calendar: calendarPart ? calendarPart.content.toString('utf8') : (/BEGIN:VCALENDAR[\s\S]*END:VCALENDAR/.exec(raw.replace(/=\r\n/g, ''))?.[0] ?? null),
            });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(options.port ?? 0, '127.0.0.1', () => resolve()));
  const port = (smtp.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    connections: () => connections,
    to: (address) => received.filter((m) => m.to.includes(address)),
    waitFor: (predicate, what, timeoutMs = 15_000) => eventually(() => predicate(received), timeoutMs, what),
    close: () => new Promise((resolve) => smtp.close(() => resolve())),
  };
}
