import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends e-mail through SMTP_URL when it is set. Without SMTP (development), each message is written to the log and to
 * DATA_DIR/outbox/ as an .eml file, so that a developer can follow the invitation or reset link.
 */
@Injectable()
export class MailService {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter | null;

  constructor(private readonly config: AppConfig) {
    this.transport = config.smtpUrl ? createTransport(config.smtpUrl) : null;
  }

  get outboxDir(): string {
    return join(this.config.dataDir, 'outbox');
  }

  async send(message: MailMessage): Promise<void> {
    if (this.transport) {
      await this.transport.sendMail({ from: this.config.mailFrom, to: message.to, subject: message.subject, text: message.text });
      this.logger.log(`sent "${message.subject}" to ${message.to}`);
      return;
    }
    await mkdir(this.outboxDir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const file = join(this.outboxDir, `${stamp}-${message.to.replace(/[^a-z0-9@._-]/gi, '_')}.eml`);
    const eml = [
      `From: ${this.config.mailFrom}`,
      `To: ${message.to}`,
      `Subject: ${encodeHeader(message.subject)}`,
      `Date: ${new Date().toUTCString()}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      message.text,
    ].join('\r\n');
    await writeFile(file, eml, 'utf8');
    this.logger.log(`no SMTP_URL: "${message.subject}" to ${message.to} written to ${file}\n${message.text}`);
  }
}

/** RFC 2047 encoding for a subject with non-ASCII characters (Polish). */
function encodeHeader(value: string): string {
  return /^[\x20-\x7e]*$/.test(value) ? value : `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;
}
