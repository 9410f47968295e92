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
  /** How many messages arrived on held connections (never answered). */
  held(): number;
  /** Messages to one address, in the order received. */
  to(address: string): ReceivedMail[];
  /** Waits until `predicate` holds for the messages received so far (default 15 s). */
  waitFor(predicate: (received: ReceivedMail[]) => boolean, what: string, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real SMTP server (nodemailer's smtp-server) on a free loopback port that keeps what it receives, parsed with
 * mailparser. `holdConnections`: asked when a client connects; when it says true, no message sent on that connection is
 * ever answered (none is accepted), which lets a test kill the sender mid-send. It is decided per connection, not per
 * message: a message the killed sender had sent in full may be read here only after the test has stopped holding, and
 * must still not count as accepted, since the sender never learnt of it.
 */
export async function startSmtp(options: { port?: number; holdConnections?: () => boolean; reject?: (rcpt: string) => boolean } = {}): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  let connections = 0;
  let held = 0;
  const holding = new Set<string>();
  const smtp = new SMTPServer({
    onConnect(session, callback) {
      connections++;
      if (options.holdConnections?.()) holding.add(session.id);
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
        if (holding.has(session.id)) {
          held++;
          return; // never answered: not accepted
        }
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
    held: () => held,
    to: (address) => received.filter((m) => m.to.includes(address)),
    waitFor: (predicate, what, timeoutMs = 15_000) => eventually(() => predicate(received), timeoutMs, what),
    close: () => new Promise((resolve) => smtp.close(() => resolve())),
  };
}
