import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';

/**
 * Secrets handed to people (session tokens, invitation and reset links) are 256 random bits; the database keeps only
 * their HMAC under AUTH_SECRET, so a copy of the database cannot be used to sign in.
 */
@Injectable()
export class TokenService {
  constructor(private readonly config: AppConfig) {}

  issue(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: this.hash(token) };
  }

  hash(token: string): string {
    return createHmac('sha256', this.config.authSecret).update(token).digest('hex');
  }

  /** A well-formed token: what issue() produces. Anything else is refused before touching the database. */
  static isWellFormed(token: unknown): token is string {
    return typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token);
  }

  static equal(a: string, b: string): boolean {
    const left = Buffer.from(a);
    const right = Buffer.from(b);
    return left.length === right.length && timingSafeEqual(left, right);
  }
}
