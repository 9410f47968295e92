import { TestServer } from './support/test-server';

describe('consultation triage: bulk assignment and approval, all or nothing', () => {
  let server: TestServer;
  let ws: string;
  let coordinator: string;
  let expert: string;
  let partner: string;
  let observer: string;
  let expertId: string;
  let partnerId: string;
  let roundId: string;
  let otherRoundId: string;
  let otherCommentId: string;
  const ids: string[] = [];
  const numbers: string[] = [];

  const DAY = 24 * 60 * 60 * 1000;
  const bulk = (body: unknown, token = coordinator, round = roundId) => server.request(`/api/rounds/${round}/triage/bulk`, { token, body });
  const table = async () => (await server.request(`/api/rounds/${roundId}/triage`, { token: coordinator })).body as Array<Record<string, any>>;
  const byId = async () => new Map((await table()).map((row) => [row.id as string, row]));
  const auditEntries = async (limit: number) =>
    ((await server.request(`/api/workspaces/${ws}/audit?limit=${limit}`, { token: coordinator })).body.entries as Array<{ action: string; details: Record<string, unknown> }>);
  let sent = 0;

  async function openRound(): Promise<string> {
    const documentId = (await server.request(`/api/workspaces/${ws}/documents`, { token: coordinator })).body.find((d: { kind: string }) => d.kind === 'strategy').id;
    const versionId = (await server.request(`/api/documents/${documentId}/versions`, { token: coordinator, body: { name: `v1.${sent}` } })).body.id;
    const id = (await server.request(`/api/workspaces/${ws}/rounds`, { token: coordinator, body: { documentId, versionId, title: 'Konsultacje', audiences: ['partners', 'public'], channels: ['online_form'], opensAt: new Date(Date.now() - DAY).toISOString() } })).body.id;
    await server.request(`/api/rounds/${id}/announce`, { token: coordinator, body: {} });
    await server.request(`/api/rounds/${id}/open`, { token: coordinator, body: {} });
    return id;
  }

  async function send(round: string, part: string): Promise<{ id: string; number: string }> {
    sent += 1;
    const response = await server.request(`/api/public/rounds/${round}/comments`, {
      body: { part, justification: 'Uzasadnienie.', submitter: { kind: 'person', name: `Mieszkaniec ${sent}`, type: 'resident' } },
      headers: { 'x-forwarded-for': `198.51.100.${sent}` },
    });
    expect(response.status).toBe(201);
    return response.body;
  }

  beforeAll(async () => {
    server = await TestServer.start({ env: { TRUST_PROXY: 'true' } });
    ws = await server.demoWorkspaceId();
    coordinator = await server.login('koordynator@som.example');
    expert = await server.login('ekspert@som.example');
    partner = await server.login('partner@som.example');
    observer = await server.login('obserwator@som.example');
    const people = (await server.request(`/api/workspaces/${ws}/people`, { token: coordinator })).body as Array<{ email: string; userId: string }>;
    expertId = people.find((p) => p.email === 'ekspert@som.example')!.userId;
    partnerId = people.find((p) => p.email === 'partner@som.example')!.userId;
    roundId = await openRound();
    for (const part of ['Rozdział 1', 'Rozdział 2', 'Rozdział 3', 'Rozdział 4']) {
      const comment = await send(roundId, part);
      ids.push(comment.id);
      numbers.push(comment.number);
    }
    otherRoundId = await openRound();
    otherCommentId = (await send(otherRoundId, 'Rozdział 9')).id;
  });
  afterAll(() => server?.close());

  it('refuses bad input with a 400 naming the field', async () => {
    const refused = async (body: Record<string, unknown>, field: string) => {
      const response = await bulk(body);
      expect({ body, status: response.status, fields: (response.body.errors ?? []).map((e: { field: string }) => e.field) }).toEqual({ body, status: 400, fields: expect.arrayContaining([field]) });
    };
    await refused({ commentIds: [], action: 'approve' }, 'commentIds');
    await refused({ commentIds: 'all', action: 'approve' }, 'commentIds');
    await refused({ commentIds: [ids[0], ids[0]], action: 'approve' }, 'commentIds');
    await refused({ commentIds: ['U/2026/0001'], action: 'approve' }, 'commentIds');
    await refused({ commentIds: Array.from({ length: 501 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`), action: 'approve' }, 'commentIds');
    await refused({ commentIds: [ids[0]], action: 'delete' }, 'action');
    await refused({ commentIds: [ids[0]], action: 'assign' }, 'assigneeId');
    await refused({ commentIds: [ids[0]], action: 'assign', assigneeId: 'ekspert' }, 'assigneeId');
    await refused({ commentIds: [ids[0]], action: 'approve', assigneeId: expertId }, 'assigneeId');
    // A person who works on no comments (a partner) is no assignee.
    await refused({ commentIds: [ids[0]], action: 'assign', assigneeId: partnerId }, 'assigneeId');
    expect((await table()).every((row) => row.assignee === null)).toBe(true);
  });

  it('lets only the round workspace’s coordinators act on many comments', async () => {
    const body = { commentIds: [ids[0]], action: 'assign', assigneeId: expertId };
    expect((await bulk(body, expert)).status).toBe(403);
    expect((await bulk(body, partner)).status).toBe(403);
    expect((await bulk(body, observer)).status).toBe(403);
    expect((await server.request(`/api/rounds/${roundId}/triage/bulk`, { body })).status).toBe(401);
    expect((await bulk(body, coordinator, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await table())[0].assignee).toBeNull();
  });

  it('assigns many comments in one go, audits each, and reports those already assigned as unchanged', async () => {
    const before = (await auditEntries(1))[0];
    const first = await bulk({ commentIds: [ids[0], ids[1]], action: 'assign', assigneeId: expertId });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ action: 'assign', changed: [{ id: ids[0], number: numbers[0] }, { id: ids[1], number: numbers[1] }], unchanged: [] });
    const second = await bulk({ commentIds: [ids[1], ids[2]], action: 'assign', assigneeId: expertId });
    expect(second.body).toEqual({ action: 'assign', changed: [{ id: ids[2], number: numbers[2] }], unchanged: [{ id: ids[1], number: numbers[1] }] });
    const rows = await byId();
    expect([ids[0], ids[1], ids[2], ids[3]].map((id) => rows.get(id)!.assignee?.id ?? null)).toEqual([expertId, expertId, expertId, null]);

    const entries = await auditEntries(4);
    expect(entries.slice(0, 3).map((e) => [e.action, e.details.number, e.details.assigneeId])).toEqual([
      ['consultation.comment_assigned', numbers[2], expertId],
      ['consultation.comment_assigned', numbers[1], expertId],
      ['consultation.comment_assigned', numbers[0], expertId],
    ]);
    expect(entries[3]).toEqual(before);

    // null unassigns.
    expect((await bulk({ commentIds: [ids[2]], action: 'assign', assigneeId: null })).body.changed).toEqual([{ id: ids[2], number: numbers[2] }]);
    expect((await byId()).get(ids[2])!.assignee).toBeNull();
  });

  it('changes nothing when one id is a comment of another round (404 naming commentIds)', async () => {
    const forged = await bulk({ commentIds: [ids[3], otherCommentId], action: 'assign', assigneeId: expertId });
    expect(forged.status).toBe(404);
    expect(forged.body.errors).toEqual([{ field: 'commentIds', message: `no comment of this round: ${otherCommentId}` }]);
    expect((await byId()).get(ids[3])!.assignee).toBeNull();
    const other = (await server.request(`/api/rounds/${otherRoundId}/triage`, { token: coordinator })).body;
    expect(other[0].assignee).toBeNull();
    const unknown = await bulk({ commentIds: ['00000000-0000-4000-8000-000000000000'], action: 'approve' });
    expect(unknown.status).toBe(404);
  });

  it('approves drafted dispositions all or nothing: a comment without one blocks the rest, listed in the 409', async () => {
    for (const id of [ids[0], ids[1]]) {
      const decided = await server.request(`/api/consultation-comments/${id}/disposition`, { method: 'PUT', token: expert, body: { disposition: 'accepted', justification: 'Słuszna uwaga.' } });
      expect(decided.status).toBe(204);
    }
    const blocked = await bulk({ commentIds: [ids[0], ids[1], ids[3]], action: 'approve' });
    expect(blocked.status).toBe(409);
    expect(blocked.body.code).toBe('triage_bulk_refused');
    expect(blocked.body.comments).toEqual([{ id: ids[3], number: numbers[3], reason: 'there is no disposition to approve yet' }]);
    expect(blocked.body.message).toContain(numbers[3]);
    let rows = await byId();
    expect([rows.get(ids[0])!.approved, rows.get(ids[1])!.approved]).toEqual([false, false]);

    // Experts draft, coordinators approve.
    expect((await bulk({ commentIds: [ids[0], ids[1]], action: 'approve' }, expert)).status).toBe(403);
    const approved = await bulk({ commentIds: [ids[0], ids[1]], action: 'approve' });
    expect(approved.status).toBe(200);
    expect(approved.body.changed.map((c: { number: string }) => c.number)).toEqual([numbers[0], numbers[1]]);
    rows = await byId();
    expect([rows.get(ids[0])!.approved, rows.get(ids[1])!.approved]).toEqual([true, true]);
    const entries = await auditEntries(2);
    expect(entries.map((e) => [e.action, e.details.number, e.details.disposition])).toEqual([
      ['consultation.comment_approved', numbers[1], 'accepted'],
      ['consultation.comment_approved', numbers[0], 'accepted'],
    ]);
    // Approving again changes nothing.
    expect((await bulk({ commentIds: [ids[0]], action: 'approve' })).body).toEqual({ action: 'approve', changed: [], unchanged: [{ id: ids[0], number: numbers[0] }] });
  });

  it('refuses a withdrawn comment in the selection, changing none of the others', async () => {
    const withdrawn = (await server.request(`/api/rounds/${roundId}/comments`, { token: partner, body: { part: 'Rozdział 5', justification: 'Gospodarka morska.' } })).body;
    expect((await server.request(`/api/consultation-comments/${withdrawn.id}`, { method: 'DELETE', token: partner })).body.withdrawn).toBe(true);
    const refused = await bulk({ commentIds: [ids[3], withdrawn.id], action: 'assign', assigneeId: expertId });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'triage_bulk_refused', comments: [{ id: withdrawn.id, number: withdrawn.number, reason: 'the comment was withdrawn' }] });
    expect((await byId()).get(ids[3])!.assignee).toBeNull();
  });
});
