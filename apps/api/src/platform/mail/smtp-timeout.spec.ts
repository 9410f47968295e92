import { smtpTimeoutMs } from './mail.service';

describe('the SMTP timeout', () => {
  it('is a third of the outbox lease, at least a second and at most a minute', () => {
    expect(smtpTimeoutMs(3)).toBe(1000);
    expect(smtpTimeoutMs(90)).toBe(30_000);
    expect(smtpTimeoutMs(1)).toBe(1000);
    expect(smtpTimeoutMs(3600)).toBe(60_000);
  });
});
