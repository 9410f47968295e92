import * as Y from 'yjs';
import { documentFromJson, RICH_TEXT_FIELD } from '@commonplan/editor';
import { TestServer } from './support/test-server';
import { stockProvider, whenSynced, eventually, type StockProvider } from './support/collab-clients';

/** Where `words` stand in a ProseMirror document given as JSON. */
function passageOf(content: Record<string, unknown>, words: string): { from: number; to: number } {
  let from = -1;
  documentFromJson(content).descendants((node, pos) => {
    if (from < 0 && node.isText && node.text?.includes(words)) from = pos + node.text.indexOf(words);
  });
  if (from < 0) throw new Error(`"${words}" is not in the document`);
  return { from, to: from + words.length };
}

describe('proposed wording → draft: an accepted comment’s wording applied to the live document at its passage', () => {
  let server: TestServer;
  let coordinator: string;
  let expert: string;
  let partner: string;
  let expertId: string;
  let documentId: string;
  let roundId: string;
  let provider: StockProvider;
  const ids: Record<string, string> = {};
  const DAY = 24 * 60 * 60 * 1000;

  const text = async () => (await server.request(`/api/documents/${documentId}/text`, { token: coordinator })).body.text as string;
  const decide = async (key: string, disposition: string) => {
    expect((await server.request(`/api/consultation-comments/${ids[key]}/disposition`, { token: coordinator, method: 'PUT', body: { disposition, justification: 'Zgodnie z diagnozą.' } })).status).toBe(204);
  };
  const proposal = (key: string, token = coordinator) => server.request(`/api/consultation-comments/${ids[key]}/proposal`, { token });
  const apply = (key: string, body: unknown, token = coordinator) => server.request(`/api/consultation-comments/${ids[key]}/proposal/apply`, { token, body });

  beforeAll(async () => {
    server = await TestServer.start();
    const ws = await server.demoWorkspaceId();
    coordinator = await server.login('koordynator@som.example');
    expert = await server.login('ekspert@som.example');
    partner = await server.login('partner@som.example');
    const people = (await server.request(`/api/workspaces/${ws}/people`, { token: coordinator })).body as Array<{ email: string; userId: string }>;
    expertId = people.find((p) => p.email === 'ekspert@som.example')!.userId;
    documentId = (await server.request(`/api/workspaces/${ws}/documents`, { token: coordinator, body: { title: 'Strategia transportu', kind: 'strategy' } })).body.id;
    provider = stockProvider(server, documentId, coordinator, 1);
    await whenSynced(provider);
    const fragment = provider.doc.getXmlFragment(RICH_TEXT_FIELD);
    for (const words of ['Cel 1. Transport publiczny w całym obszarze.', 'Cel 2. Czyste powietrze.', 'Cel 3. Gospodarka morska.']) {
      const paragraph = new Y.XmlElement('paragraph');
      const run = new Y.XmlText();
      run.insert(0, words);
      paragraph.insert(0, [run]);
      fragment.insert(fragment.length, [paragraph]);
    }
    await eventually(async () => (await text()).includes('Gospodarka morska'), 5_000, 'the text stored');
    const version = (await server.request(`/api/documents/${documentId}/versions`, { token: coordinator, body: { name: 'Projekt do konsultacji' } })).body;
    const content = (await server.request(`/api/documents/${documentId}/versions/${version.id}`, { token: coordinator })).body.content;
    roundId = (await server.request(`/api/workspaces/${ws}/rounds`, { token: coordinator, body: { documentId, versionId: version.id, title: 'Konsultacje strategii transportu', audiences: ['public'], channels: ['online_form'], opensAt: new Date(Date.now() - DAY).toISOString() } })).body.id;
    await server.request(`/api/rounds/${roundId}/announce`, { token: coordinator, body: {} });
    await server.request(`/api/rounds/${roundId}/open`, { token: coordinator, body: {} });
    const send = async (key: string, words: string | null, proposedWording: string) => {
      const body = { part: 'Cele', ...(words ? { passage: passageOf(content, words), currentWording: words } : {}), proposedWording, justification: 'Uzasadnienie.', submitter: { kind: 'person', name: 'Jan Kowalski', type: 'resident' } };
      const response = await server.request(`/api/public/rounds/${roundId}/comments`, { body });
      expect(response.status).toBe(201);
      ids[key] = response.body.id;
    };
    await send('transport', 'Transport publiczny', 'Kolej metropolitalna i autobusy');
    await send('air', 'Czyste powietrze', 'Czyste powietrze bez smogu');
    await send('sea', 'Gospodarka morska', 'Porty i logistyka');
    await send('general', null, 'Więcej o kulturze.');
  });
  afterAll(async () => {
    provider?.destroy();
    provider?.doc.destroy();
    await server?.close();
  });

  it('shows the passage where it is now after edits, applies the edited wording there, and records it in the comment and the audit trail', async () => {
    // The draft moves on after the version: a new first paragraph and words inside the passage.
    const fragment = provider.doc.getXmlFragment(RICH_TEXT_FIELD);
    const intro = new Y.XmlElement('paragraph');
    const introText = new Y.XmlText();
    introText.insert(0, 'Wstęp po konsultacjach.');
    intro.insert(0, [introText]);
    fragment.insert(0, [intro]);
    ((fragment.get(1) as Y.XmlElement).get(0) as Y.XmlText).insert('Cel 1. Transport'.length, ' zbiorowy i');
    await eventually(async () => (await text()).includes('zbiorowy i'), 5_000, 'the edit stored');

    await decide('transport', 'accepted');
    const before = await proposal('transport');
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ documentId, disposition: 'accepted', currentWording: 'Transport publiczny', proposedWording: 'Kolej metropolitalna i autobusy', applied: null });
    expect(before.body.live.text).toBe('Transport zbiorowy i publiczny');

    const applied = await apply('transport', { text: 'Kolej metropolitalna i autobusy miejskie', expectedText: before.body.live.text });
    expect(applied.status).toBe(200);
    expect(applied.body.applied).toMatchObject({ text: 'Kolej metropolitalna i autobusy miejskie', by: 'Koordynator Biura SSOM' });
    expect(await text()).toContain('Cel 1. Kolej metropolitalna i autobusy miejskie w całym obszarze.');
    // Everyone editing gets the change like any other edit.
    await eventually(() => fragment.toString().includes('autobusy miejskie'), 5_000, 'the change reaching an open editor');

    const row = (await server.request(`/api/rounds/${roundId}/triage`, { token: coordinator })).body.find((r: { id: string }) => r.id === ids['transport']);
    expect(row.applied).toMatchObject({ text: 'Kolej metropolitalna i autobusy miejskie' });
    const again = await apply('transport', { text: 'Inaczej', expectedText: 'Kolej metropolitalna i autobusy miejskie' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('proposal_already_applied');
    const audit = (await server.request(`/api/workspaces/${await server.demoWorkspaceId()}/audit?limit=50`, { token: coordinator })).body;
    const entries = (Array.isArray(audit) ? audit : audit.entries) as Array<{ action: string; targetId: string; details: Record<string, unknown> }>;
    expect(entries.filter((e) => e.action === 'document.proposal_applied' && e.targetId === documentId && e.details['commentId'] === ids['transport'])).toHaveLength(1);
  });

  it('writes nothing when the passage changed since it was opened, and refuses what is not accepted, has no passage or is not theirs', async () => {
    await decide('air', 'partly_accepted');
    const seen = (await proposal('air')).body.live.text;
    expect(seen).toBe('Czyste powietrze');
    const stale = await apply('air', { text: 'Powietrze', expectedText: 'Czyste powietrze w miastach' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('passage_changed');
    expect(await text()).toContain('Cel 2. Czyste powietrze.');

    await decide('sea', 'rejected');
    expect((await apply('sea', { text: 'x', expectedText: 'Gospodarka morska' })).body).toMatchObject({ status: 409, code: 'proposal_not_accepted' });
    await decide('general', 'accepted');
    expect((await apply('general', { text: 'x', expectedText: '' })).status).toBe(422);

    expect((await proposal('air', partner)).status).toBe(403);
    expect((await apply('air', { text: 'x', expectedText: seen }, expert)).status).toBe(403);
    // Assigned to the expert, who may then work on it (experts need edit access to the document to change it).
    await server.request(`/api/consultation-comments/${ids['air']}/assignee`, { token: coordinator, method: 'PUT', body: { assigneeId: expertId } });
    expect((await proposal('air', expert)).status).toBe(200);
    expect((await apply('air', { text: 'x', expectedText: seen }, expert)).status).toBe(403);
    expect((await apply('air', { text: 5, expectedText: seen })).status).toBe(400);
    expect(await text()).toContain('Cel 2. Czyste powietrze.');
  });

  it('is refused when the passage was deleted from the draft', async () => {
    const fragment = provider.doc.getXmlFragment(RICH_TEXT_FIELD);
    const index = fragment.toArray().findIndex((node) => node.toString().includes('Czyste powietrze'));
    fragment.delete(index, 1);
    await eventually(async () => !(await text()).includes('Czyste powietrze'), 5_000, 'the deletion stored');
    const view = await proposal('air');
    expect(view.body.live).toBeNull();
    expect((await apply('air', { text: 'Powietrze', expectedText: 'Czyste powietrze' })).status).toBe(409);
  });
});
