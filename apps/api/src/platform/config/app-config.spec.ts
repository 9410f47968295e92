import { ConfigError, DEV_AUTH_SECRET, loadConfig } from './app-config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('runs on defaults in development: embedded database, port 3000, demo data', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseKind).toBe('embedded');
    expect(config.seedDemo).toBe(true);
    expect(config.authSecret).toBe(DEV_AUTH_SECRET);
    expect(config.publicUrl).toBe('http://localhost:3000');
  });

  it('names every bad variable', () => {
    const problems = problemsOf({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SESSION_TTL_HOURS: '0', SEED_DEMO: 'maybe' });
    expect(problems.join('\n')).toMatch(/PORT/);
    expect(problems.join('\n')).toMatch(/DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/);
    expect(problems.join('\n')).toMatch(/SESSION_TTL_HOURS/);
    expect(problems.join('\n')).toMatch(/SEED_DEMO/);
    expect(problems).toHaveLength(4);
  });

  it('refuses production with a missing, default or short secret, and with demo seeding', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      'AUTH_SECRET must be set in production (it is missing or left at its development default)',
    ]);
    expect(problemsOf({ NODE_ENV: 'production', AUTH_SECRET: DEV_AUTH_SECRET })[0]).toMatch(/AUTH_SECRET/);
    expect(problemsOf({ NODE_ENV: 'production', AUTH_SECRET: 'short' })[0]).toMatch(/at least 32/);
    expect(problemsOf({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(40), SEED_DEMO: 'true' })[0]).toMatch(/SEED_DEMO/);
    const ok = loadConfig({ NODE_ENV: 'production', AUTH_SECRET: 'a-long-production-secret-0123456789abcdef' });
    expect(ok.seedDemo).toBe(false);
  });

  it('takes a PostgreSQL server when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/test', PUBLIC_URL: 'https://plan.example/' });
    expect(config.databaseKind).toBe('postgres');
    expect(config.publicUrl).toBe('https://plan.example');
    expect(config.secureCookies).toBe(true);
  });
});

describe('SHUTDOWN_DRAIN_MS', () => {
  const production = { NODE_ENV: 'production', AUTH_SECRET: 'a-long-production-secret-0123456789abcdef' };

  it('is 5 s in production and none in development and tests, unless set', () => {
    expect(loadConfig(production).shutdownDrainMs).toBe(5000);
    expect(loadConfig({}).shutdownDrainMs).toBe(0);
    expect(loadConfig({ NODE_ENV: 'test' }).shutdownDrainMs).toBe(0);
    expect(loadConfig({ ...production, SHUTDOWN_DRAIN_MS: '0' }).shutdownDrainMs).toBe(0);
    expect(loadConfig({ NODE_ENV: 'test', SHUTDOWN_DRAIN_MS: '15000' }).shutdownDrainMs).toBe(15_000);
  });

  it.each(['-1', '2.5', '5s', '300001'])('refuses "%s"', (value) => {
    expect(problemsOf({ SHUTDOWN_DRAIN_MS: value })).toEqual([`SHUTDOWN_DRAIN_MS must be a whole number from 0 to 300000 (got "${value}")`]);
  });
});

describe('the README', () => {
  it('lists every variable the configuration reads, in its configuration table', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { readFileSync } = require('node:fs') as typeof import('node:fs');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { resolve } = require('node:path') as typeof import('node:path');
    const source = readFileSync(resolve(__dirname, 'app-config.ts'), 'utf8');
    const readme = readFileSync(resolve(__dirname, '../../../../../README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1));
    const variables = [...new Set([...source.matchAll(/\b(?:str|int|bool|url)\('([A-Z][A-Z0-9_]+)'/g)].map((m) => m[1]))];
    expect(variables.length).toBeGreaterThan(30);
    const missing = variables.filter((name) => !table.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });
});
