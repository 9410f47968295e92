import { checkWithin, readinessOf } from './health-checks';

describe('checkWithin', () => {
  it('is ok when the check answers in time', async () => {
    await expect(checkWithin(async () => [{ '?column?': 1 }], 1_000)).resolves.toBe('ok');
    await expect(checkWithin(async () => true, 1_000)).resolves.toBe('ok');
  });

  it('is an error when the check fails, says false, or throws before it even starts waiting', async () => {
    await expect(checkWithin(async () => Promise.reject(new Error('connection refused')), 1_000)).resolves.toBe('error');
    await expect(checkWithin(async () => false, 1_000)).resolves.toBe('error');
    await expect(
      checkWithin(() => {
        throw new Error('not connected');
      }, 1_000),
    ).resolves.toBe('error');
  });

  it('is an error when the check never answers, and a late failure of it goes nowhere', async () => {
    let fail: (error: Error) => void = () => undefined;
    const hanging = new Promise<never>((_resolve, reject) => (fail = reject));
    await expect(checkWithin(() => hanging, 10)).resolves.toBe('error');
    fail(new Error('too late'));
    await expect(hanging).rejects.toThrow('too late');
  });
});

describe('readinessOf', () => {
  it('is ready with the database, and with Redis or without one', () => {
    expect(readinessOf('ok', 'off', false)).toEqual({ status: 'ok', database: 'ok', redis: 'off', shuttingDown: false });
    expect(readinessOf('ok', 'ok', false)).toEqual({ status: 'ok', database: 'ok', redis: 'ok', shuttingDown: false });
  });

  it('is not ready when a dependency fails, or once shutting down', () => {
    expect(readinessOf('error', 'off', false).status).toBe('error');
    expect(readinessOf('ok', 'error', false)).toEqual({ status: 'error', database: 'ok', redis: 'error', shuttingDown: false });
    expect(readinessOf('ok', 'ok', true)).toEqual({ status: 'error', database: 'ok', redis: 'ok', shuttingDown: true });
  });
});
