import { Injectable } from '@nestjs/common';
import { AppConfig } from '../platform/config/app-config';
import { TooManyRequestsException } from '../platform/http/too-many-requests';
import type { RateCounter } from '../platform/rate-limit';
import { RateLimits } from '../platform/rate-limits';

/**
 * Limits sign-in attempts: every attempt counts against the client's address, failed ones against the account, so
 * that neither one address trying many accounts nor many addresses trying one account gets far. Reset e-mails are
 * limited the same way, so the form cannot be used to flood someone's mailbox. The counts are shared by every
 * instance when there is Redis (RateLimits).
 */
@Injectable()
export class LoginThrottle {
  private readonly perIp: RateCounter;
  private readonly failuresPerAccount: RateCounter;
  private readonly resetsPerAccount: RateCounter;

  constructor(config: AppConfig, limits: RateLimits) {
    const windowMs = config.loginLimitWindowSeconds * 1000;
    this.perIp = limits.counter('login-ip', config.loginLimitPerIp, windowMs);
    this.failuresPerAccount = limits.counter('login-failures', config.loginLimitPerAccount, windowMs);
    this.resetsPerAccount = limits.counter('reset-account', config.loginLimitPerAccount, windowMs);
  }

  /** Counts an attempt from `ip` for `email`, or throws 429 when either is over its limit. */
  async attempt(ip: string, email: string): Promise<void> {
    const refused = (wait: number) => new TooManyRequestsException(`too many sign-in attempts; try again in ${wait} s`, wait);
    const accountWait = await this.failuresPerAccount.retryAfter(email);
    if (accountWait > 0) throw refused(Math.max(accountWait, await this.perIp.retryAfter(ip)));
    // Checked and counted in one step: concurrent attempts on several instances never pass the limit together.
    const ipWait = await this.perIp.hit(ip);
    if (ipWait > 0) throw refused(ipWait);
  }

  async failed(email: string): Promise<void> {
    await this.failuresPerAccount.record(email);
  }

  async succeeded(email: string): Promise<void> {
    await this.failuresPerAccount.reset(email);
  }

  /** Counts a reset request from `ip` for `email`, or throws 429 when either is over its limit. */
  async resetRequested(ip: string, email: string): Promise<void> {
    const refused = (wait: number) => new TooManyRequestsException(`too many requests; try again in ${wait} s`, wait);
    const [ipWait, accountWait] = await Promise.all([this.perIp.retryAfter(ip), this.resetsPerAccount.retryAfter(email)]);
    if (ipWait > 0 || accountWait > 0) throw refused(Math.max(ipWait, accountWait));
    // Another instance may have counted in between: each count is checked again as it is taken.
    const [ipLate, accountLate] = await Promise.all([this.perIp.hit(ip), this.resetsPerAccount.hit(email)]);
    if (ipLate > 0 || accountLate > 0) throw refused(Math.max(ipLate, accountLate));
  }
}
