import { Injectable } from '@nestjs/common';
import { AppConfig } from '../platform/config/app-config';
import { TooManyRequestsException } from '../platform/http/too-many-requests';
import { SlidingWindowCounter } from '../platform/rate-limit';

/**
 * Limits sign-in attempts: every attempt counts against the client's address, failed ones against the account, so
 * that neither one address trying many accounts nor many addresses trying one account gets far. Reset e-mails are
 * limited the same way, so the form cannot be used to flood someone's mailbox.
 */
@Injectable()
export class LoginThrottle {
  private readonly perIp: SlidingWindowCounter;
  private readonly failuresPerAccount: SlidingWindowCounter;
  private readonly resetsPerAccount: SlidingWindowCounter;

  constructor(config: AppConfig) {
    const windowMs = config.loginLimitWindowSeconds * 1000;
    this.perIp = new SlidingWindowCounter(config.loginLimitPerIp, windowMs);
    this.failuresPerAccount = new SlidingWindowCounter(config.loginLimitPerAccount, windowMs);
    this.resetsPerAccount = new SlidingWindowCounter(config.loginLimitPerAccount, windowMs);
  }

  /** Counts an attempt from `ip` for `email`, or throws 429 when either is over its limit. */
  attempt(ip: string, email: string): void {
    const wait = Math.max(this.perIp.retryAfter(ip), this.failuresPerAccount.retryAfter(email));
    if (wait > 0) throw new TooManyRequestsException(`too many sign-in attempts; try again in ${wait} s`, wait);
    this.perIp.record(ip);
  }

  failed(email: string): void {
    this.failuresPerAccount.record(email);
  }

  succeeded(email: string): void {
    this.failuresPerAccount.reset(email);
  }

  resetRequested(ip: string, email: string): void {
    const wait = Math.max(this.perIp.retryAfter(ip), this.resetsPerAccount.retryAfter(email));
    if (wait > 0) throw new TooManyRequestsException(`too many requests; try again in ${wait} s`, wait);
    this.perIp.record(ip);
    this.resetsPerAccount.record(email);
  }
}
