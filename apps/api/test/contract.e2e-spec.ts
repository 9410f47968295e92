import { TestServer } from './support/test-server';

describe('the API contract', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await TestServer.start({ seedDemo: false });
  });
  afterAll(() => server?.close());

  it('reports health with the kind of database it runs on', async () => {
    const health = await server.request('/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok', database: process.env.DATABASE_URL ? 'postgres' : 'embedded' });
  });

  it('serves OpenAPI, and every documented route except the public ones refuses an anonymous caller', async () => {
    const docs = await server.request('/api/docs-json');
    expect(docs.status).toBe(200);
    expect(docs.body.openapi).toMatch(/^3\./);
    const publicRoutes = new Set([
      'GET /api/health',
      'GET /api/health/live',
      'GET /api/health/ready',
      'POST /api/auth/login',
      'POST /api/auth/password-reset',
      'POST /api/auth/password-reset/confirm',
      'GET /api/invitations/{token}',
      'POST /api/invitations/{token}/accept',
      // A consultation's public announcement and form, and the public submitter's edit and withdrawal (by secret).
      'GET /api/public/rounds/{roundId}',
      'POST /api/public/rounds/{roundId}/comments',
      'GET /api/public/consultation-comments/{commentId}',
      'PATCH /api/public/consultation-comments/{commentId}',
      'DELETE /api/public/consultation-comments/{commentId}',
      // A consultation's published report (latest or ?edition=N) and its files.
      'GET /api/public/rounds/{roundId}/report',
      'GET /api/public/rounds/{roundId}/report.{format}',
      // The decision register as published: the list, each entry with its text, adopted document and minutes.
      'GET /api/public/registers/{slug}',
      'GET /api/public/registers/{slug}/entries/{position}',
      'GET /api/public/registers/{slug}/entries/{position}/text.pdf',
      'GET /api/public/registers/{slug}/entries/{position}/adopted.pdf',
      'GET /api/public/registers/{slug}/entries/{position}/adopted.docx',
      'GET /api/public/registers/{slug}/entries/{position}/minutes.{format}',
      // The association's public site: its front, feed, accessibility statement, records' metadata, exports and files.
      'GET /api/public/sites/{slug}',
      'GET /api/public/sites/{slug}/feed.atom',
      'GET /api/public/sites/{slug}/accessibility',
      'GET /api/public/sites/{slug}/records/{kind}/{key}',
      'GET /api/public/sites/{slug}/records/{kind}/{key}/export.zip',
      'GET /api/public/sites/{slug}/records/consultation/{roundId}/document.pdf',
      // A person's calendar feed, read by calendar applications by the secret in its address.
      'GET /api/public/calendar/{token}.ics',
      // One-click unsubscribe from e-mails (RFC 8058), by the signed token in the link.
      'GET /api/public/unsubscribe',
      'POST /api/public/unsubscribe',
    ]);
    const id = '00000000-0000-4000-8000-000000000000';
    let checked = 0;
    for (const [path, operations] of Object.entries<Record<string, unknown>>(docs.body.paths)) {
      for (const method of Object.keys(operations)) {
        const route = `${method.toUpperCase()} ${path}`;
        if (publicRoutes.has(route)) continue;
        const response = await server.request(path.replace(/\{[^}]+\}/g, id), { method: method.toUpperCase(), body: method === 'get' ? undefined : {} });
        expect({ route, status: response.status }).toEqual({ route, status: 401 });
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(17);
    expect((await server.request('/api/docs')).status).toBe(200);
  });

  it('sets security headers and answers unknown API paths with a JSON 404', async () => {
    const response = await server.request('/api/health');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('x-powered-by')).toBeNull();
    const missing = await server.request('/api/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body.statusCode).toBe(404);
  });

  it('starts empty without the demo when SEED_DEMO is false', async () => {
    const [{ count }] = await server.db.query(`SELECT count(*)::int AS count FROM workspaces`);
    expect(count).toBe(0);
    expect((await server.request('/api/auth/login', { body: { email: 'koordynator@som.example', password: 'demo-ssom-2026' } })).status).toBe(401);
  });
});
