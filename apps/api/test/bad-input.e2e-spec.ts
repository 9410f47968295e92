import { request as httpRequest } from 'node:http';
import { TestServer } from './support/test-server';

/**
 * Bad input of every kind gets a clear 4xx naming what is wrong, never a 500: control characters, JSON nested
 * thousands deep, numbers and dates outside what can be stored, malformed paths. One mechanism covers every route; a
 * sample of routes of every kind is tried here (the API fuzz test tries them all).
 */
describe('bad input never answers 500', () => {
  let server: TestServer;
  let ws: string;
  let coordinator: string;
  let documentId: string;
  let roundId: string;
  const NUL = '\u0000';
  const DAY = 24 * 60 * 60 * 1000;

  beforeAll(async () => {
    server = await TestServer.start();
    ws = await server.demoWorkspaceId();
    coordinator = await server.login('koordynator@som.example');
    const documents = (await server.request(`/api/workspaces/${ws}/documents`, { token: coordinator })).body as Array<{ id: string; kind: string }>;
    documentId = documents.find((d) => d.kind === 'strategy')!.id;
    const versionId = (await server.request(`/api/documents/${documentId}/versions`, { token: coordinator, body: { name: 'v1' } })).body.id;
    const round = await server.request(`/api/workspaces/${ws}/rounds`, {
      token: coordinator,
      body: { documentId, versionId, title: 'Konsultacje', audiences: ['public'], channels: ['online_form'], opensAt: new Date(Date.now() - DAY).toISOString(), closesAt: new Date(Date.now() + 40 * DAY).toISOString() },
    });
    roundId = round.body.id;
    await server.request(`/api/rounds/${roundId}/announce`, { token: coordinator, body: {} });
    await server.request(`/api/rounds/${roundId}/open`, { token: coordinator, body: {} });
  });
  afterAll(() => server?.close());

  const expectFieldError = (response: { status: number; body: any }, field: string) => {
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  };

  it('refuses a NUL character in any text field with a 400 naming the field', async () => {
    const cases: Array<[string, Record<string, unknown>, string, string?]> = [
      [`/api/workspaces/${ws}/documents`, { title: `Strategia${NUL}`, kind: 'strategy' }, 'title'],
      [`/api/documents/${documentId}/versions`, { name: `v${NUL}2` }, 'name'],
      [`/api/workspaces/${ws}/organisations`, { name: `Gmina${NUL}`, type: 'municipality' }, 'name'],
      [`/api/workspaces/${ws}/invitations`, { email: 'nowy@som.example', role: 'expert', displayName: `Jan${NUL}` }, 'displayName'],
      [`/api/documents/${documentId}`, { title: `T${NUL}` }, 'title', 'PATCH'],
    ];
    for (const [path, body, field, method] of cases) {
      expectFieldError(await server.request(path, { token: coordinator, body, method }), field);
    }
    // Anonymously, in the public comment form, nested.
    const publicComment = await server.request(`/api/public/rounds/${roundId}/comments`, {
      body: { part: 'Rozdział 1', justification: 'ok', submitter: { kind: 'person', name: `Anna${NUL}`, type: 'resident' } },
    });
    expectFieldError(publicComment, 'submitter.name');
  });

  it('refuses a NUL in a multipart field, and strips it from a name taken from inside an uploaded file', async () => {
    const upload = async (fields: Record<string, string>, content: string) => {
      const form = new FormData();
      for (const [key, value] of Object.entries(fields)) form.append(key, value);
      form.append('file', new Blob([content]), 'plik.md');
      const response = await fetch(`${server.url}/api/workspaces/${ws}/documents/import`, { method: 'POST', headers: { authorization: `Bearer ${coordinator}` }, body: form });
      return { status: response.status, body: (await response.json()) as { title?: string; errors?: unknown } };
    };
    const field = await upload({ kind: 'other', title: `Tytuł${NUL}` }, '# Treść');
    expectFieldError(field, 'title');
    // The front matter's title, a JSON string, may spell a NUL as an escape.
    const inside = await upload({ kind: 'other' }, '---\ntitle: "Tytuł\\u0000 z pliku"\n---\n\nTreść.');
    expect(inside.status).toBe(201);
    expect(inside.body.title).toBe('Tytuł z pliku');
  });

  it('refuses control characters in the address (path and query) before any route runs', async () => {
    expect((await server.request('/api/public/registers/%00')).status).toBe(400);
    expect((await server.request(`/api/rounds/${roundId}/triage?q=a%00b`, { token: coordinator })).status).toBe(400);
    expect((await server.request(`/api/rounds/${roundId}/triage?q=${encodeURIComponent('przystanek\tautobusowy')}`, { token: coordinator })).status).toBe(200);
  });

  it('still accepts tabs and line breaks in text', async () => {
    const created = await server.request(`/api/documents/${documentId}/versions`, { token: coordinator, body: { name: 'v2\twersja' } });
    expect(created.status).toBe(201);
  });

  it('refuses JSON nested thousands of levels deep, even anonymously on sign-in', async () => {
    const deep = '['.repeat(3000) + ']'.repeat(3000);
    const login = await server.request('/api/auth/login', { body: `{"email":"a@b.pl","password":${deep}}` });
    expect(login.status).toBe(400);
    expect(login.body.message).toMatch(/nested/);
    const deepObject = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
    expect((await server.request(`/api/public/rounds/${roundId}/comments`, { body: deepObject })).status).toBe(400);
  });

  it('validates the range of numbers and dates instead of failing in the database', async () => {
    const comment = await server.request(`/api/public/rounds/${roundId}/comments`, {
      body: { part: 'Rozdział 1', justification: 'ok', passage: { from: 1e15, to: 1e15 + 5 }, submitter: { kind: 'person', name: 'Anna', type: 'resident' } },
    });
    expectFieldError(comment, 'passage.from');
    const versionId = (await server.request(`/api/documents/${documentId}/versions`, { token: coordinator })).body[0].id;
    const round = await server.request(`/api/workspaces/${ws}/rounds`, {
      token: coordinator,
      body: { documentId, versionId, title: 'Daleka przeszłość', audiences: ['public'], channels: ['online_form'], opensAt: '-271821-04-20T00:00:00.000Z' },
    });
    expectFieldError(round, 'opensAt');
    const future = await server.request(`/api/workspaces/${ws}/rounds`, {
      token: coordinator,
      body: { documentId, versionId, title: 'Daleka przyszłość', audiences: ['public'], channels: ['online_form'], opensAt: new Date(Date.now() + DAY).toISOString(), closesAt: '+275760-09-13T00:00:00.000Z' },
    });
    expectFieldError(future, 'closesAt');
    // A vote weight JavaScript writes with an exponent (1e-7) once crashed class-validator's decimal-places check.
    const organisations = (await server.request(`/api/workspaces/${ws}/organisations?kind=member`, { token: coordinator })).body as Array<{ id: string }>;
    for (const voteWeight of [1e-7, 5e-324, 1.23456]) {
      const changed = await server.request(`/api/workspaces/${ws}/organisations/${organisations[0].id}`, { token: coordinator, method: 'PATCH', body: { voteWeight } });
      expectFieldError(changed, 'voteWeight');
    }
    const created = await server.request(`/api/workspaces/${ws}/organisations`, { token: coordinator, body: { kind: 'member', type: 'gmina_wiejska', name: 'Gmina Próbna', voteWeight: 1e-7 } });
    expectFieldError(created, 'voteWeight');
  });

  it('refuses a nested object that is missing or a list with a 400 naming it', async () => {
    const submitter = { kind: 'person', name: 'Anna', type: 'resident' };
    for (const body of [{}, { submitter: [] }, { submitter: [submitter] }]) {
      expectFieldError(await server.request(`/api/public/rounds/${roundId}/comments`, { body: { part: 'Rozdział 1', justification: 'ok', ...body } }), 'submitter');
    }
    const withPassage = await server.request(`/api/public/rounds/${roundId}/comments`, { body: { part: 'Rozdział 1', justification: 'ok', submitter, passage: [{ from: 1, to: 2 }] } });
    expectFieldError(withPassage, 'passage');
    for (const anchor of [undefined, [], [{ start: 'AA==', end: 'AA==' }]]) {
      expectFieldError(await server.request(`/api/documents/${documentId}/comments`, { token: coordinator, body: { body: 'Uwaga', quote: 'Cel', anchor } }), 'anchor');
    }
  });

  it('refuses null for a field a change cannot leave empty, with a 400 naming it', async () => {
    for (const field of ['title', 'kind', 'status']) {
      expectFieldError(await server.request(`/api/documents/${documentId}`, { token: coordinator, method: 'PATCH', body: { [field]: null } }), field);
    }
    const [organisation] = (await server.request(`/api/workspaces/${ws}/organisations?kind=member`, { token: coordinator })).body as Array<{ id: string }>;
    for (const field of ['name', 'type', 'voteWeight']) {
      expectFieldError(await server.request(`/api/workspaces/${ws}/organisations/${organisation.id}`, { token: coordinator, method: 'PATCH', body: { [field]: null } }), field);
    }
    // Where null means "not known", it still clears the field.
    const cleared = await server.request(`/api/workspaces/${ws}/organisations/${organisation.id}`, { token: coordinator, method: 'PATCH', body: { population: null } });
    expect(cleared.status).toBe(200);
    expect(cleared.body.population).toBeNull();
  });

  it('answers a body that does not decode as its Content-Encoding says with 400, before any route runs', async () => {
    for (const encoding of ['gzip', 'deflate', 'br']) {
      const response = await server.request('/api/auth/login', { body: '{"email":"a@b.pl","password":"x"}', headers: { 'content-encoding': encoding } });
      expect({ encoding, status: response.status }).toEqual({ encoding, status: 400 });
      expect(response.body.message).toMatch(/could not be decoded/);
    }
    expect((await server.request('/api/auth/login', { body: '{}', headers: { 'content-encoding': 'compress' } })).status).toBe(415);
  });

  it('answers a malformed y-websocket path with 400, not 503', async () => {
    const token = coordinator;
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(server.url);
      const req = httpRequest({
        host: url.hostname,
        port: url.port,
        path: `/collab/%E0%A4%A?token=${token}`,
        headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==' },
      });
      req.on('response', (res) => {
        resolve(res.statusCode ?? 0);
        res.resume();
      });
      req.on('upgrade', () => reject(new Error('upgraded')));
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(400);
  });
});
