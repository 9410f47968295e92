import { MailOutbox } from '../src/notifications/mail-outbox';
import { warsawDateTime } from '../src/platform/warsaw-time';
import { TestServer } from './support/test-server';

describe('consultation comments: public form, members and partners, staff entries, numbers, receipts, limits', () => {
  let server: TestServer;
  let ws: string;
  let coordinator: string;
  let partner: string;
  let representative: string;
  let observer: string;
  let documentId: string;
  let versionId: string;
  let roundId: string;

  const DAY = 24 * 60 * 60 * 1000;
  const comment = (extra: Record<string, unknown> = {}) => ({
    part: 'Rozdział 2. Cele strategiczne',
    passage: { from: 10, to: 42 },
    currentWording: 'Cel 1. Spójny system transportu publicznego.',
    proposedWording: 'Cel 1. Spójny i dostępny system transportu zbiorowego.',
    justification: 'Dostępność dla osób z niepełnosprawnościami.',
    ...extra,
  });
  const publicComment = (extra: Record<string, unknown> = {}) =>
    comment({ submitter: { kind: 'person', name: 'Jan Kowalski', type: 'resident' }, email: 'jan.kowalski@example.com', ...extra });
  const post = (path: string, body: unknown, options: { token?: string; ip?: string } = {}) =>
    server.request(path, { token: options.token, body, headers: options.ip ? { 'x-forwarded-for': options.ip } : {} });
  const newRound = async (body: Record<string, unknown>) => {
    const id = (await server.request(`/api/workspaces/${ws}/rounds`, { token: coordinator, body: { documentId, versionId, title: 'Konsultacje strategii', audiences: ['members', 'partners', 'public'], channels: ['online_form', 'email', 'post'], ...body } })).body.id as string;
    await server.request(`/api/rounds/${id}/announce`, { token: coordinator, body: {} });
    return id;
  };

  beforeAll(async () => {
    server = await TestServer.start({ env: { TRUST_PROXY: 'true', PUBLIC_COMMENTS_PER_IP: '20' } });
    ws = await server.demoWorkspaceId();
    coordinator = await server.login('koordynator@som.example');
    partner = await server.login('partner@som.example');
    observer = await server.login('obserwator@som.example');
    const people = (await server.request(`/api/workspaces/${ws}/people`, { token: coordinator })).body as Array<{ email: string; role: string }>;
    representative = await server.login(people.find((p) => p.role === 'representative')!.email);
    documentId = (await server.request(`/api/workspaces/${ws}/documents`, { token: coordinator })).body.find((d: { kind: string }) => d.kind === 'strategy').id;
    versionId = (await server.request(`/api/documents/${documentId}/versions`, { token: coordinator, body: { name: 'v1.0 — do konsultacji' } })).body.id;
    roundId = await newRound({ opensAt: new Date(Date.now() - DAY).toISOString() });
    await server.request(`/api/rounds/${roundId}/open`, { token: coordinator, body: {} });
  });
  afterAll(() => server?.close());

  it('numbers comments from the public, a partner, a representative and staff in one series, with receipts', async () => {
    const year = new Date().getUTCFullYear();
    const fromPublic = await post(`/api/public/rounds/${roundId}/comments`, publicComment(), { ip: '198.51.100.1' });
    expect(fromPublic.status).toBe(201);
    expect(fromPublic.body).toMatchObject({ number: `U/${year}/0001`, roundTitle: 'Konsultacje strategii' });
    expect(fromPublic.body.editSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The receipt is queued with the comment and sent by the mail outbox after the commit.
    await server.server.app.get(MailOutbox).idle();
    const receipt = server.outbox().find((m) => m.to === 'jan.kowalski@example.com')!;
    expect(receipt.subject).toBe(`Potwierdzenie złożenia uwagi U/${year}/0001`);
    // The receipt links to the comment's own page, the secret in the fragment.
    expect(receipt.text).toContain(`/consultations/${roundId}/comments/${fromPublic.body.id}#kod=${fromPublic.body.editSecret}`);

    const fromPartner = await post(`/api/rounds/${roundId}/comments`, comment(), { token: partner });
    expect(fromPartner.status).toBe(201);
    expect(fromPartner.body.number).toBe(`U/${year}/0002`);
    const fromRepresentative = await post(`/api/rounds/${roundId}/comments`, comment({ part: 'Rozdział 3' }), { token: representative });
    expect(fromRepresentative.body.number).toBe(`U/${year}/0003`);
    const byPost = await post(`/api/rounds/${roundId}/comments/entered`, publicComment({ channel: 'post', submitter: { kind: 'institution', name: 'Zachodniopomorska Izba Rzemieślnicza', type: 'other' }, email: undefined }), { token: coordinator });
    expect(byPost.body.number).toBe(`U/${year}/0004`);

    const list = await server.request(`/api/rounds/${roundId}/comments`, { token: coordinator });
    expect(list.body.map((c: { number: string; submitter: { kind: string; name: string; type: string }; channel: string }) => [c.number, c.submitter.type, c.channel])).toEqual([
      [`U/${year}/0001`, 'resident', 'online_form'],
      [`U/${year}/0002`, 'partner_organisation', 'online_form'],
      [`U/${year}/0003`, 'member_jst', 'online_form'],
      [`U/${year}/0004`, 'other', 'post'],
    ]);
    // Signed-in members comment in their organisation's name; no e-mail address is in any comment view.
    expect(list.body[1].submitter).toMatchObject({ kind: 'institution' });
    // The receipt gives the time the comment was stored, as Warsaw reads its clocks ("6 grudnia 2026, 00:26"), not UTC.
    expect(receipt.text).toContain(`wpłynęła ${warsawDateTime(list.body[0].createdAt)}.`);
    expect(receipt.text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|\d{2}:\d{2}:\d{2}(\.\d+)?Z/);
    expect(JSON.stringify(list.body)).not.toContain('@');
    // A partner sees only their own.
    const own = await server.request(`/api/rounds/${roundId}/comments`, { token: partner });
    expect(own.body.map((c: { number: string }) => c.number)).toEqual([`U/${year}/0002`]);
    expect((await server.request(`/api/rounds/${roundId}`, { token: coordinator })).body.commentCount).toBe(4);

    // The public submitter edits with the receipt's secret, then withdraws; a wrong secret finds nothing.
    const id = fromPublic.body.id;
    const read = await server.request(`/api/public/consultation-comments/${id}`, { headers: { 'x-comment-secret': fromPublic.body.editSecret } });
    expect(read.body).toMatchObject({ id, roundId, number: `U/${year}/0001`, editable: true, withdrawn: false });
    expect(JSON.stringify(read.body)).not.toContain('@');
    expect((await server.request(`/api/public/consultation-comments/${id}`, { headers: { 'x-comment-secret': 'A'.repeat(43) } })).status).toBe(404);
    expect((await server.request(`/api/public/consultation-comments/${id}`)).status).toBe(404);
    const edited = await server.request(`/api/public/consultation-comments/${id}`, { method: 'PATCH', body: comment({ justification: 'Poprawione uzasadnienie.' }), headers: { 'x-comment-secret': fromPublic.body.editSecret } });
    expect(edited.status).toBe(200);
    expect(edited.body.justification).toBe('Poprawione uzasadnienie.');
    expect((await server.request(`/api/public/consultation-comments/${id}`, { method: 'PATCH', body: comment(), headers: { 'x-comment-secret': 'A'.repeat(43) } })).status).toBe(404);
    const withdrawn = await server.request(`/api/public/consultation-comments/${id}`, { method: 'DELETE', headers: { 'x-comment-secret': fromPublic.body.editSecret } });
    expect(withdrawn.body.withdrawn).toBe(true);
    expect((await server.request(`/api/public/consultation-comments/${id}`, { headers: { 'x-comment-secret': fromPublic.body.editSecret } })).body).toMatchObject({ withdrawn: true, editable: false });
    expect((await server.request(`/api/rounds/${roundId}`, { token: coordinator })).body.commentCount).toBe(3);
    // The partner edits its own through its session.
    expect((await server.request(`/api/consultation-comments/${fromPartner.body.id}`, { method: 'PATCH', token: partner, body: comment({ part: 'Rozdział 4' }) })).body.part).toBe('Rozdział 4');
    expect((await server.request(`/api/consultation-comments/${fromPartner.body.id}`, { method: 'PATCH', token: representative, body: comment() })).status).toBe(404);
  });

  it('accepts nothing before the opening or after the close, and nothing from those the round does not ask', async () => {
    const closed = await newRound({ opensAt: new Date(Date.now() - 3 * DAY).toISOString(), closesAt: new Date(Date.now() - DAY).toISOString() });
    await server.request(`/api/rounds/${closed}/open`, { token: coordinator, body: {} });
    // Open by state, but past its closing time: a late comment is refused.
    const late = await post(`/api/public/rounds/${closed}/comments`, publicComment(), { ip: '198.51.100.2' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('round_not_accepting_comments');
    await server.request(`/api/rounds/${closed}/close`, { token: coordinator, body: {} });
    expect((await post(`/api/rounds/${closed}/comments`, comment(), { token: partner })).status).toBe(409);
    const notYet = await newRound({ opensAt: new Date(Date.now() + DAY).toISOString() });
    expect((await post(`/api/public/rounds/${notYet}/comments`, publicComment(), { ip: '198.51.100.3' })).status).toBe(409);

    const membersOnly = await newRound({ opensAt: new Date(Date.now() - DAY).toISOString(), audiences: ['members'] });
    await server.request(`/api/rounds/${membersOnly}/open`, { token: coordinator, body: {} });
    expect((await post(`/api/public/rounds/${membersOnly}/comments`, publicComment(), { ip: '198.51.100.4' })).status).toBe(403);
    expect((await post(`/api/rounds/${membersOnly}/comments`, comment(), { token: partner })).status).toBe(403);
    expect((await post(`/api/rounds/${membersOnly}/comments`, comment(), { token: representative })).status).toBe(201);
    expect((await post(`/api/rounds/${roundId}/comments`, comment(), { token: observer })).status).toBe(403);
    expect((await post(`/api/rounds/${roundId}/comments/entered`, publicComment({ channel: 'post' }), { token: partner })).status).toBe(403);
    expect((await post(`/api/rounds/${roundId}/comments/entered`, publicComment({ channel: 'epuap' }), { token: coordinator })).body).toMatchObject({ status: 409, code: 'round_channel_not_taken' });
  });

  it('refuses malformed and oversized comments, drops honeypot ones in silence, and limits each address alone', async () => {
    const bad = async (body: unknown) => {
      const response = await post(`/api/public/rounds/${roundId}/comments`, body, { ip: '203.0.113.9' });
      return [response.status, JSON.stringify(response.body)] as const;
    };
    let [status, text] = await bad(publicComment({ justification: '' }));
    expect([status, text.includes('justification')]).toEqual([400, true]);
    [status, text] = await bad(publicComment({ submitter: { kind: 'robot', name: 'x', type: 'resident' } }));
    expect([status, text.includes('submitter.kind')]).toEqual([400, true]);
    [status, text] = await bad(publicComment({ email: 'not-an-address' }));
    expect([status, text.includes('email')]).toEqual([400, true]);
    [status, text] = await bad(publicComment({ proposedWording: 'x'.repeat(20_001) }));
    expect([status, text.includes('proposedWording')]).toEqual([400, true]);
    [status] = await bad(publicComment({ passage: { from: 30, to: 10 } }));
    expect(status).toBe(400);
    [status] = await bad('{"part":');
    expect(status).toBe(400);

    const before = (await server.request(`/api/rounds/${roundId}`, { token: coordinator })).body.commentCount;
    const trap = await post(`/api/public/rounds/${roundId}/comments`, publicComment({ website: 'http://spam.example' }), { ip: '203.0.113.10' });
    expect(trap.status).toBe(201);
    expect(trap.body).toEqual({ accepted: true });
    expect((await server.request(`/api/rounds/${roundId}`, { token: coordinator })).body.commentCount).toBe(before);

    // A burst of 500 from one address: the first 20 go through, the rest are refused with Retry-After; another
    // address is not affected.
    const statuses: number[] = [];
    for (let i = 0; i < 500; i++) statuses.push((await post(`/api/public/rounds/${roundId}/comments`, publicComment({ email: undefined }), { ip: '192.0.2.77' })).status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(480);
    expect(statuses.slice(0, 20).every((s) => s === 201)).toBe(true);
    const limited = await post(`/api/public/rounds/${roundId}/comments`, publicComment(), { ip: '192.0.2.77' });
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await post(`/api/public/rounds/${roundId}/comments`, publicComment(), { ip: '192.0.2.78' })).status).toBe(201);
  });
});
