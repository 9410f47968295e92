import type { Socket } from 'socket.io-client';
import * as Y from 'yjs';
import { encodeUpdate } from '@commonplan/sync';
import { createWorkspace } from '../src/workspaces/create-workspace';
import { TestServer } from './support/test-server';
import { connected, emitAck, eventually, ioClient, textOf } from './support/collab-clients';

/** Sharing a document: grants to people and to whole organisations, their end dates, revoking, who may do it. */
describe('document sharing: people and whole organisations', () => {
  let server: TestServer;
  let ws: string;
  let coordinator: string;
  let police: string; // the representative of Gmina Police
  let dobra: string; // the representative of Gmina Dobra
  let partner: string; // Uniwersytet Szczeciński
  let expert: string;
  let policeId: string;
  let universityId: string;
  let partnerId: string;
  const sockets: Socket[] = [];

  const newDocument = async (title: string) =>
    (await server.request(`/api/workspaces/${ws}/documents`, { token: coordinator, body: { title, kind: 'concept' } })).body.id as string;
  const grantOrganisation = (documentId: string, organisationId: string, body: unknown, token = coordinator) =>
    server.request(`/api/documents/${documentId}/access/organisations/${organisationId}`, { method: 'PUT', token, body });
  const revokeOrganisation = (documentId: string, organisationId: string, token = coordinator) =>
    server.request(`/api/documents/${documentId}/access/organisations/${organisationId}`, { method: 'DELETE', token });
  const accessOf = async (documentId: string, token: string) => {
    const answer = await server.request(`/api/documents/${documentId}`, { token });
    return answer.status === 200 ? (answer.body.access as string) : answer.status;
  };
  const socket = async (token: string) => {
    const s = ioClient(server, token);
    sockets.push(s);
    await connected(s);
    return s;
  };
  /** Sends an edit (a paragraph of its own) on an open connection; the server's answer says whether it was taken. */
  const edit = (s: Socket, documentId: string, text: string) => {
    const doc = new Y.Doc();
    textOf(doc).insert(0, text);
    return emitAck(s, 'msg', documentId, encodeUpdate(Y.encodeStateAsUpdate(doc)));
  };

  beforeAll(async () => {
    server = await TestServer.start();
    ws = await server.demoWorkspaceId();
    coordinator = await server.login('koordynator@som.example');
    police = await server.login('przedstawiciel.police@som.example');
    dobra = await server.login('przedstawiciel.dobra@som.example');
    partner = await server.login('partner@som.example');
    expert = await server.login('ekspert@som.example');
    const organisations = (await server.request(`/api/workspaces/${ws}/organisations`, { token: coordinator })).body as Array<{ id: string; name: string }>;
    policeId = organisations.find((o) => o.name === 'Gmina Police')!.id;
    universityId = organisations.find((o) => o.name === 'Uniwersytet Szczeciński')!.id;
    const people = (await server.request(`/api/workspaces/${ws}/people`, { token: coordinator })).body as Array<{ userId: string; email: string }>;
    partnerId = people.find((p) => p.email === 'partner@som.example')!.userId;
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await server?.close();
  });

  it("gives an organisation's members its access on REST and on open connections, lists it, and takes it away when revoked", async () => {
    const documentId = await newDocument('Koncepcja ścieżek rowerowych');
    expect(await accessOf(documentId, police)).toBe('read');
    const rename = await server.request(`/api/documents/${documentId}`, { method: 'PATCH', token: police, body: { title: 'Koncepcja tras' } });
    expect(rename).toMatchObject({ status: 403, body: { code: 'document_access_insufficient' } });
    const s = await socket(police);
    expect(await emitAck(s, 'join', documentId)).toEqual({ ok: true, access: 'read' });
    expect(await edit(s, documentId, 'przed ')).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const granted = await grantOrganisation(documentId, policeId, { access: 'edit' });
    expect(granted.status).toBe(200);
    expect(granted.body).toMatchObject({
      organisationId: policeId,
      name: 'Gmina Police',
      kind: 'member',
      access: 'edit',
      expiresAt: null,
      expired: false,
      grantedBy: { displayName: 'Koordynator Biura SSOM' },
    });
    expect(granted.body.members).toBeGreaterThanOrEqual(1);
    // The open connection re-reads its access at once: the next edit is taken.
    expect(await edit(s, documentId, 'Gmina Police: ')).toMatchObject({ ok: true });
    expect(await accessOf(documentId, police)).toBe('edit');
    const list = (await server.request(`/api/workspaces/${ws}/documents`, { token: police })).body as Array<{ id: string; access: string }>;
    expect(list.find((d) => d.id === documentId)?.access).toBe('edit');
    // Another municipality's representative still only reads.
    expect(await accessOf(documentId, dobra)).toBe('read');

    const shared = await server.request(`/api/documents/${documentId}/access`, { token: coordinator });
    expect(shared.status).toBe(200);
    expect(shared.body.people).toEqual([]);
    expect(shared.body.organisations).toEqual([expect.objectContaining({ organisationId: policeId, name: 'Gmina Police', access: 'edit' })]);

    // Changing the level applies too.
    expect((await grantOrganisation(documentId, policeId, { access: 'comment' })).body).toMatchObject({ access: 'comment' });
    expect(await accessOf(documentId, police)).toBe('comment');
    expect(await edit(s, documentId, 'komentarz ')).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    expect((await revokeOrganisation(documentId, policeId)).status).toBe(204);
    expect(await accessOf(documentId, police)).toBe('read');
    expect((await server.request(`/api/documents/${documentId}/access`, { token: coordinator })).body.organisations).toEqual([]);
    expect((await revokeOrganisation(documentId, policeId)).status).toBe(404);
    expect((await server.request(`/api/documents/${documentId}/text`, { token: coordinator })).body.text).toBe('Gmina Police: ');

    const audit = (await server.request(`/api/workspaces/${ws}/audit?limit=10`, { token: coordinator })).body.entries as Array<{ action: string; targetId: string; details: Record<string, unknown> }>;
    const mine = audit.filter((e) => e.targetId === documentId).map((e) => [e.action, e.details.organisationName, e.details.access ?? null]);
    expect(mine).toEqual([
      ['document.organisation_access_revoked', 'Gmina Police', null],
      ['document.organisation_access_granted', 'Gmina Police', 'comment'],
      ['document.organisation_access_granted', 'Gmina Police', 'edit'],
      ['document.created', undefined, null],
    ]);
  });

  it("ends an organisation's grant at its end date: the members read again", async () => {
    const documentId = await newDocument('Plan mobilności');
    // An hour ahead, then brought to its end through the database: a grant of a few seconds could end on a loaded
    // machine before the test reads it in force.
    const end = new Date(Date.now() + 3600_000);
    const granted = await grantOrganisation(documentId, policeId, { access: 'edit', expiresAt: end.toISOString() });
    expect(granted.status).toBe(200);
    expect(granted.body).toMatchObject({ access: 'edit', expiresAt: end.toISOString(), expired: false });
    const during = await server.request(`/api/documents/${documentId}`, { token: police });
    expect(during.body).toMatchObject({ access: 'edit', accessUntil: end.toISOString() });
    await server.db.query(`UPDATE document_organisation_access SET expires_at = now() - interval '1 second' WHERE document_id = $1`, [documentId]);
    await eventually(async () => (await accessOf(documentId, police)) === 'read', 10_000, 'the end of the grant');
    expect((await server.request(`/api/documents/${documentId}`, { token: police })).body.accessUntil).toBeNull();
    expect((await server.request(`/api/documents/${documentId}/access`, { token: coordinator })).body.organisations).toEqual([
      expect.objectContaining({ organisationId: policeId, expired: true }),
    ]);
  });

  it('gives the strongest of the personal and the organisation grant; an ended personal grant refuses once nothing else holds', async () => {
    const documentId = await newDocument('Strategia współpracy z uczelniami');
    // An hour ahead, brought to its end through the database once the test has read it in force (see above).
    const end = new Date(Date.now() + 3600_000);
    const personal = await server.request(`/api/documents/${documentId}/access/${partnerId}`, {
      method: 'PUT',
      token: coordinator,
      body: { access: 'edit', expiresAt: end.toISOString() },
    });
    expect(personal.status).toBe(200);
    expect(personal.body).toMatchObject({ userId: partnerId, access: 'edit', grantedBy: { displayName: 'Koordynator Biura SSOM' } });
    expect((await grantOrganisation(documentId, universityId, { access: 'comment' })).status).toBe(200);
    expect(await accessOf(documentId, partner)).toBe('edit');
    // The personal grant ends: the organisation's grant still holds.
    await server.db.query(`UPDATE document_access SET expires_at = now() - interval '1 second' WHERE document_id = $1 AND user_id = $2`, [documentId, partnerId]);
    await eventually(async () => (await accessOf(documentId, partner)) === 'comment', 10_000, 'the end of the personal grant');
    const shared = (await server.request(`/api/documents/${documentId}/access`, { token: coordinator })).body;
    expect(shared.people).toEqual([expect.objectContaining({ userId: partnerId, displayName: expect.any(String), expired: true, active: true })]);
    // Without it, the ended personal grant refuses (the end of an ad-hoc expert's work).
    expect((await revokeOrganisation(documentId, universityId)).status).toBe(204);
    const ended = await server.request(`/api/documents/${documentId}`, { token: partner });
    expect(ended).toMatchObject({ status: 403, body: { code: 'document_access_ended' } });
  });

  it('refuses a status the document cannot move to from the one it has, with a code', async () => {
    const documentId = await newDocument('Koncepcja parkingów buforowych');
    expect((await server.request(`/api/documents/${documentId}/archive`, { method: 'POST', token: coordinator })).body).toMatchObject({ status: 'archived' });
    const adopted = await server.request(`/api/documents/${documentId}`, { method: 'PATCH', token: coordinator, body: { status: 'adopted' } });
    expect(adopted).toMatchObject({ status: 409, body: { code: 'document_status_not_allowed' } });
    expect((await server.request(`/api/documents/${documentId}`, { token: coordinator })).body.status).toBe('archived');
  });

  it('refuses bad input, organisations of other workspaces, and everyone but coordinators', async () => {
    const documentId = await newDocument('Dokument do testów odmowy');
    const bad = await grantOrganisation(documentId, policeId, { access: 'write' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/access/);
    const badDate = await grantOrganisation(documentId, policeId, { access: 'read', expiresAt: 'jutro' });
    expect(badDate.status).toBe(400);
    expect(JSON.stringify(badDate.body)).toMatch(/expiresAt/);
    const past = await grantOrganisation(documentId, policeId, { access: 'read', expiresAt: new Date(Date.now() - 60_000).toISOString() });
    expect(past.status).toBe(422);
    expect(past.body.errors).toEqual([expect.objectContaining({ field: 'expiresAt' })]);
    expect((await server.request(`/api/documents/${documentId}/access/organisations/not-a-uuid`, { method: 'PUT', token: coordinator, body: { access: 'read' } })).status).toBe(400);

    const other = await createWorkspace(server.db, server.config, {
      slug: 'kof-sharing',
      name: 'Stowarzyszenie Koszalińskiego Obszaru Funkcjonalnego',
      shortName: 'KOF',
      coordinatorEmail: 'biuro@kof-sharing.example',
      coordinatorName: 'Koordynator KOF',
    });
    const [foreign] = await server.db.query(
      `INSERT INTO organisations (workspace_id, kind, type, name, vote_weight) VALUES ($1, 'member', 'gmina_miejska', 'Gmina Miasto Koszalin', 1) RETURNING id`,
      [other.workspaceId],
    );
    expect((await grantOrganisation(documentId, foreign.id, { access: 'read' })).status).toBe(404);
    expect((await revokeOrganisation(documentId, foreign.id)).status).toBe(404);
    expect((await grantOrganisation(documentId, '00000000-0000-4000-8000-000000000000', { access: 'read' })).status).toBe(404);
    expect((await grantOrganisation('00000000-0000-4000-8000-000000000000', policeId, { access: 'read' })).status).toBe(404);

    for (const token of [expert, police]) {
      expect((await grantOrganisation(documentId, policeId, { access: 'edit' }, token)).status).toBe(403);
      expect((await revokeOrganisation(documentId, policeId, token)).status).toBe(403);
      expect((await server.request(`/api/documents/${documentId}/access`, { token })).status).toBe(403);
    }
    expect((await server.request(`/api/documents/${documentId}/access/organisations/${policeId}`, { method: 'PUT', body: { access: 'read' } })).status).toBe(401);
    // Nothing was granted by any of it.
    expect((await server.request(`/api/documents/${documentId}/access`, { token: coordinator })).body).toEqual({ people: [], organisations: [] });
  });
});
