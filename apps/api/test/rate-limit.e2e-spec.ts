import { TestServer } from './support/test-server';

describe('sign-in rate limits', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await TestServer.start({ env: { LOGIN_LIMIT_PER_ACCOUNT: '3', LOGIN_LIMIT_PER_IP: '12' } });
  });
  afterAll(() => server?.close());

  it('locks an account after repeated failures, even against the right password, and says how long to wait', async () => {
    for (let i = 0; i < 3; i++) {
      const failed = await server.request('/api/auth/login', { body: { email: 'ekspert@som.example', password: `guess-number-${i}` } });
      expect(failed.status).toBe(401);
    }
    const locked = await server.request('/api/auth/login', { body: { email: 'ekspert@som.example', password: 'demo-ssom-2026' } });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another account from the same address is not locked by it.
    expect((await server.request('/api/auth/login', { body: { email: 'partner@som.example', password: 'demo-ssom-2026' } })).status).toBe(200);
  });

  it('limits all attempts from one address across accounts', async () => {
    // 4 attempts were used above; 8 more reach the limit of 12.
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) {
      const response = await server.request('/api/auth/login', { body: { email: `someone${i}@som.example`, password: 'wrong-password' } });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 8)).toEqual(Array(8).fill(401));
    expect(statuses[8]).toBe(429);
  });
});
