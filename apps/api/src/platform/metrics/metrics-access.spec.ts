import { ConfigError, loadConfig } from '../config/app-config';
import { isLoopback, metricsAccess } from './metrics-access';

const TOKEN = 'scrape-token-0123456789';
const local = { authorization: undefined, remoteAddress: '127.0.0.1', headers: {} };

describe('isLoopback', () => {
  it.each(['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1', '::FFFF:127.0.0.1'])('takes %s for this host', (address) => {
    expect(isLoopback(address)).toBe(true);
  });

  it.each(['10.0.0.1', '192.168.1.127', '::ffff:10.0.0.1', '2001:db8::1', '::', '0.0.0.0', '127.example', 'localhost', '', undefined])(
    'does not take %s for this host',
    (address) => {
      expect(isLoopback(address)).toBe(false);
    },
  );
});

describe('metricsAccess', () => {
  it('without a token: serves direct requests from this host only, and hides itself from everyone else', () => {
    expect(metricsAccess(local, null)).toBe('allowed');
    expect(metricsAccess({ ...local, remoteAddress: '::1' }, null)).toBe('allowed');
    expect(metricsAccess({ ...local, remoteAddress: '203.0.113.7' }, null)).toBe('hidden');
    expect(metricsAccess({ ...local, remoteAddress: undefined }, null)).toBe('hidden');
    // Relayed by a proxy on this host, or claiming to be local in a header: not direct.
    expect(metricsAccess({ ...local, headers: { 'x-forwarded-for': '203.0.113.7' } }, null)).toBe('hidden');
    expect(metricsAccess({ ...local, headers: { 'x-forwarded-for': '127.0.0.1' } }, null)).toBe('hidden');
    expect(metricsAccess({ ...local, headers: { forwarded: 'for=127.0.0.1' } }, null)).toBe('hidden');
    expect(metricsAccess({ ...local, headers: { 'x-real-ip': '::1' } }, null)).toBe('hidden');
  });

  it('with a token: serves whoever sends it as a bearer token, from anywhere, and no one else, not even this host', () => {
    expect(metricsAccess({ ...local, remoteAddress: '203.0.113.7', authorization: `Bearer ${TOKEN}` }, TOKEN)).toBe('allowed');
    expect(metricsAccess({ ...local, authorization: `bearer ${TOKEN}`, headers: { 'x-forwarded-for': '203.0.113.7' } }, TOKEN)).toBe('allowed');
    expect(metricsAccess(local, TOKEN)).toBe('unauthorized');
    for (const authorization of [`Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(1)}`, TOKEN, `Basic ${TOKEN}`, `Bearer ${TOKEN} extra`, 'Bearer ', '']) {
      expect({ authorization, access: metricsAccess({ ...local, authorization }, TOKEN) }).toEqual({ authorization, access: 'unauthorized' });
    }
  });
});

describe('METRICS_TOKEN', () => {
  it('is optional, and read when set', () => {
    expect(loadConfig({}).metricsToken).toBeNull();
    expect(loadConfig({ METRICS_TOKEN: ` ${TOKEN} ` }).metricsToken).toBe(TOKEN);
  });

  it.each(['short', 'has spaces in the middle of it', 'ąęść-not-ascii-0123456789', 'x'.repeat(257)])('refuses "%s" without repeating it', (value) => {
    let error: unknown;
    try {
      loadConfig({ METRICS_TOKEN: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([expect.stringMatching(/^METRICS_TOKEN must be 16 to 256 characters/)]);
    expect((error as ConfigError).message).not.toContain(value);
  });
});
