import { initProseMirrorDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { anchorPassage, editorSchema, RICH_TEXT_FIELD } from '@commonplan/editor';
import { MailOutbox } from '../src/notifications/mail-outbox';
import { eventually, plain, stockProvider, whenSynced, type StockProvider } from './support/collab-clients';
import { type ReceivedMail, type TestSmtp, startSmtp } from './support/smtp';
import { expectEveryNotificationReadable } from './support/notification-access';
import { TestServer } from './support/test-server';

const SITE = 'http://commonplan.test';

/**
 * The co-drafting notifications with a real SMTP server: a reply in a thread, a document shared with a person or their
 * organisation, a version frozen of a document one edits, a comment's passage deleted. Each reaches exactly the people
 * it concerns (never the one who acted, never someone who may not read the document), in their language, with a link
 * to a page they can open, and lands in their inbox.
 */
describe('co-drafting notifications', () => {
  let smtp: TestSmtp;
  let server: TestServer;
  let ws: string;
  const token: Record<string, string> = {};
  const id: Record<string, string> = {};
  const email: Record<string, string> = {
    coordinator: 'koordynator@som.example',
    expert: 'ekspert@som.example',
    partner: 'partner@som.example',
    observer: 'obserwator@som.example',
    police: 'przedstawiciel.police@som.example',
    dobra: 'przedstawiciel.dobra@som.example',
  };
  let universityId: string;
  const providers: StockProvider[] = [];

  const outbox = () => server.server.app.get(MailOutbox);
  const api = (path: string, as: string, body?: unknown, method?: string) => server.request(`/api${path}`, { token: token[as], body, method });
  const newDocument = async (title: string) => {
    const created = await api(`/workspaces/${ws}/documents`, 'coordinator', { title, kind: 'concept' });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  const grant = async (documentId: string, who: string, body: { access: string; expiresAt?: string }) =>
    expect((await api(`/documents/${documentId}/access/${id[who]}`, 'coordinator', body, 'PUT')).status).toBe(200);
  const grantOrganisation = async (documentId: string, organisationId: string, access: string) =>
    expect((await api(`/documents/${documentId}/access/organisations/${organisationId}`, 'coordinator', { access }, 'PUT')).status).toBe(200);
  /** Who was sent a message whose subject matches (and whose text holds `text`), once everything queued is sent. */
  const delivered = async (subject: RegExp, text?: string): Promise<string[]> => {
    await outbox().idle();
    return mails(subject, text)
      .flatMap((m) => m.to)
      .sort();
  };
  const mails = (subject: RegExp, text?: string): ReceivedMail[] => smtp.received.filter((m) => subject.test(m.subject) && (!text || m.text.includes(text)));
  const addresses = (...who: string[]) => who.map((w) => email[w]).sort();
  const whoIs = (address: string) => Object.keys(email).find((w) => email[w] === address) as string;
  /** The page a message links to, which its recipient can open: the document (and the version) answer 200. */
  const expectWorkingLink = async (mail: ReceivedMail, expected: RegExp) => {
    const link = new RegExp(`${SITE.replace(/\./g, '\\.')}(/w/\\S+)`).exec(mail.text)?.[1];
    expect(link).toMatch(expected);
    const [, workspaceId, documentId, versionId] = /^\/w\/([0-9a-f-]{36})\/d\/([0-9a-f-]{36})(?:\/v\/([0-9a-f-]{36}))?/.exec(link as string) ?? [];
    expect(workspaceId).toBe(ws);
    const reader = whoIs(mail.to[0]);
    expect((await api(`/documents/${documentId}`, reader)).status).toBe(200);
    if (versionId) expect((await api(`/documents/${documentId}/versions/${versionId}`, reader)).status).toBe(200);
  };
  const inbox = async (who: string, kind: string) =>
    (await api(`/workspaces/${ws}/notifications?kind=${kind}`, who)).body.items as Array<{
      kind: string;
      link: string;
      threadId: string | null;
      document: { id: string } | null;
      actor: { displayName: string } | null;
      params: Record<string, unknown>;
    }>;
  const open = async (documentId: string, who: string) => {
    const provider = stockProvider(server, documentId, token[who], 1);
    providers.push(provider);
    await whenSynced(provider);
    return provider;
  };
  const serverText = async (documentId: string) => (await api(`/documents/${documentId}/text`, 'coordinator')).body.text as string;
  const paragraph = (text: string) => {
    const element = new Y.XmlElement('paragraph');
    const content = new Y.XmlText();
    content.insert(0, text);
    element.insert(0, [content]);
    return element;
  };
  /** The anchor of `words` in the `index`-th paragraph of the provider's document, as the editor makes it. */
  const anchorOf = (doc: Y.Doc, index: number, words: string) => {
    const fragment = doc.getXmlFragment(RICH_TEXT_FIELD);
    const { doc: pm, mapping } = initProseMirrorDoc(fragment, editorSchema());
    let from = -1;
    pm.forEach((node, offset, i) => {
      if (i === index) from = offset + 1 + node.textContent.indexOf(words);
    });
    return anchorPassage(fragment, from, from + words.length, mapping);
  };
  const paragraphText = (doc: Y.Doc, index: number) => (doc.getXmlFragment(RICH_TEXT_FIELD).get(index) as Y.XmlElement).get(0) as Y.XmlText;

  beforeAll(async () => {
    smtp = await startSmtp();
    server = await TestServer.start({ env: { SMTP_URL: smtp.url } });
    ws = await server.demoWorkspaceId();
    for (const [who, address] of Object.entries(email)) token[who] = await server.login(address);
    const people = (await api(`/workspaces/${ws}/people`, 'coordinator')).body as Array<{ userId: string; membershipId: string; email: string }>;
    const membership: Record<string, string> = {};
    for (const [who, address] of Object.entries(email)) {
      const person = people.find((p) => p.email === address)!;
      id[who] = person.userId;
      membership[who] = person.membershipId;
    }
    const organisations = (await api(`/workspaces/${ws}/organisations`, 'coordinator')).body as Array<{ id: string; name: string }>;
    universityId = organisations.find((o) => o.name === 'Uniwersytet Szczeciński')!.id;
    // The University gets two more people: the observer, and Dobra's former representative, whose membership then ends.
    for (const who of ['observer', 'dobra']) {
      expect((await api(`/workspaces/${ws}/people/${membership[who]}`, 'coordinator', { role: 'partner', organisationId: universityId }, 'PATCH')).status).toBe(200);
    }
    expect((await api(`/workspaces/${ws}/people/${membership.dobra}/deactivate`, 'coordinator', {})).status).toBe(200);
    // Everyone takes documents at once (by default they come in the daily digest); the expert reads English.
    for (const who of Object.keys(email)) {
      if (who === 'dobra') continue;
      expect((await api('/me/notification-preferences', who, { modes: { documents: 'instant' } }, 'PUT')).status).toBe(200);
    }
    expect((await api('/me/notification-preferences', 'expert', { language: 'en' }, 'PUT')).status).toBe(200);
  });
  afterEach(() => {
    for (const provider of providers.splice(0)) {
      provider.destroy();
      provider.doc.destroy();
    }
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  it('tells everyone who took part in a thread of a reply: not the replier, not whom it mentions, not who may no longer read', async () => {
    const documentId = await newDocument('Plan zieleni miejskiej');
    for (const who of ['expert', 'partner', 'police']) await grant(documentId, who, { access: 'comment' });
    const editor = await open(documentId, 'coordinator');
    editor.doc.getXmlFragment(RICH_TEXT_FIELD).insert(0, [paragraph('Cel 3. Zielona infrastruktura.')]);
    await eventually(async () => (await serverText(documentId)) === 'Cel 3. Zielona infrastruktura.', 10_000, 'the stored text');
    const comments = (path: string, who: string, body: unknown) => api(`/documents/${documentId}/comments${path}`, who, body);

    const thread = await comments('', 'expert', { anchor: anchorOf(editor.doc, 0, 'Zielona infrastruktura'), quote: 'Zielona infrastruktura', body: 'Czy to obejmuje parki?' });
    expect(thread.status).toBe(201);
    const threadId = thread.body.id as string;
    const reply = /odpowiada w wątku w dokumencie „Plan zieleni miejskiej”|replied in a thread of “Plan zieleni miejskiej”/;

    // The partner replies: the thread's creator hears of it, in English.
    expect((await comments(`/${threadId}/replies`, 'partner', { body: 'Tak, także skwery.' })).status).toBe(201);
    expect(await delivered(reply, 'Tak, także skwery.')).toEqual(addresses('expert'));
    const [english] = mails(reply, 'Tak, także skwery.');
    expect(english.subject).toBe('[Commonplan] Partner – Uniwersytet Szczeciński replied in a thread of “Plan zieleni miejskiej”');
    expect(english.text).toContain('replied in a thread you took part in');
    await expectWorkingLink(english, new RegExp(`^/w/${ws}/d/${documentId}#thread-${threadId}$`));

    // A reply that mentions the partner: the partner is told of the mention only, the expert of the reply.
    const mentioning = await comments(`/${threadId}/replies`, 'police', { body: 'Proszę Uczelnię o opinię.', mentions: [id.partner] });
    expect(mentioning.status).toBe(201);
    expect(await delivered(reply, 'Proszę Uczelnię o opinię.')).toEqual(addresses('expert'));
    expect(await delivered(/wspomina o Tobie|mentioned you/, 'Proszę Uczelnię o opinię.')).toEqual(addresses('partner'));

    // The coordinator's first word in the thread reaches everyone in it, the coordinator excepted.
    expect((await comments(`/${threadId}/replies`, 'coordinator', { body: 'Dziękuję za uwagi.' })).status).toBe(201);
    expect(await delivered(reply, 'Dziękuję za uwagi.')).toEqual(addresses('expert', 'partner', 'police'));
    const polish = mails(reply, 'Dziękuję za uwagi.').find((m) => m.to.includes(email.police))!;
    expect(polish.subject).toBe('[Commonplan] Koordynator Biura SSOM odpowiada w wątku w dokumencie „Plan zieleni miejskiej”');
    for (const mail of mails(reply, 'Dziękuję za uwagi.')) await expectWorkingLink(mail, new RegExp(`^/w/${ws}/d/${documentId}#thread-${threadId}$`));

    // The expert's access ends: later replies no longer reach the expert.
    await grant(documentId, 'expert', { access: 'comment', expiresAt: new Date(Date.now() + 1_000).toISOString() });
    await eventually(async () => (await api(`/documents/${documentId}`, 'expert')).status === 403, 10_000, "the end of the expert's access");
    expect((await comments(`/${threadId}/replies`, 'partner', { body: 'Ostatnia uwaga.' })).status).toBe(201);
    expect(await delivered(reply, 'Ostatnia uwaga.')).toEqual(addresses('coordinator', 'police'));

    // The inbox lists the replies (the expert's three, each with its thread) whatever came by e-mail.
    const expertReplies = await inbox('expert', 'reply');
    expect(expertReplies.map((n) => n.actor?.displayName).sort()).toEqual(['Koordynator Biura SSOM', 'Partner – Uniwersytet Szczeciński', 'Przedstawiciel – Gmina Police'].sort());
    for (const n of expertReplies) expect(n).toMatchObject({ kind: 'reply', threadId, document: { id: documentId }, link: `/w/${ws}/d/${documentId}#thread-${threadId}` });
    expect((await inbox('coordinator', 'reply')).map((n) => n.params.excerpt)).toEqual(['Ostatnia uwaga.']);
    expect((await inbox('partner', 'reply')).map((n) => n.params.excerpt)).toEqual(['Dziękuję za uwagi.']);
    expect(await inbox('observer', 'reply')).toEqual([]);
  });

  it("tells a person and an organisation's active members of a document shared with them, when a grant is new or stronger", async () => {
    const documentId = await newDocument('Strategia rozwoju turystyki');
    const shared = /udostępnia Ci dokument „Strategia rozwoju turystyki”|shared “Strategia rozwoju turystyki” with you/;

    await grant(documentId, 'expert', { access: 'comment' });
    expect(await delivered(shared)).toEqual(addresses('expert'));
    const [english] = mails(shared);
    expect(english.subject).toBe('[Commonplan] Koordynator Biura SSOM shared “Strategia rozwoju turystyki” with you');
    expect(english.text).toContain('You may now comment on “Strategia rozwoju turystyki”.');
    await expectWorkingLink(english, new RegExp(`^/w/${ws}/d/${documentId}$`));
    // Given again (a retried request), lowered, or taken away: nothing to tell.
    await grant(documentId, 'expert', { access: 'comment' });
    await grant(documentId, 'expert', { access: 'read' });
    expect((await api(`/documents/${documentId}/access/${id.expert}`, 'coordinator', undefined, 'DELETE')).status).toBe(204);
    expect(await delivered(shared)).toEqual(addresses('expert'));
    // Stronger than before, and new again after it was taken away: told each time.
    await grant(documentId, 'expert', { access: 'edit' });
    expect((await api(`/documents/${documentId}/access/${id.expert}`, 'coordinator', undefined, 'DELETE')).status).toBe(204);
    await grant(documentId, 'expert', { access: 'comment' });
    expect(await delivered(shared)).toEqual(addresses('expert', 'expert', 'expert'));
    expect((await inbox('expert', 'document_shared')).filter((n) => n.document?.id === documentId).map((n) => n.params.access)).toEqual(['comment', 'edit', 'comment']);

    // A whole organisation: its active members hear of it (not the one whose membership ended, nor anyone else).
    await grantOrganisation(documentId, universityId, 'read');
    expect((await delivered(shared)).filter((a) => a !== email.expert)).toEqual(addresses('observer', 'partner'));
    await grantOrganisation(documentId, universityId, 'read');
    await grantOrganisation(documentId, universityId, 'comment');
    await grantOrganisation(documentId, universityId, 'read');
    expect((await delivered(shared)).filter((a) => a !== email.expert)).toEqual(addresses('observer', 'observer', 'partner', 'partner'));
    const toPartner = mails(shared).filter((m) => m.to.includes(email.partner));
    expect(toPartner.map((m) => m.text.includes('Możesz teraz komentować dokument „Strategia rozwoju turystyki”.'))).toEqual([false, true]);
    for (const mail of toPartner) await expectWorkingLink(mail, new RegExp(`^/w/${ws}/d/${documentId}$`));
    expect((await inbox('partner', 'document_shared')).filter((n) => n.document?.id === documentId)).toEqual([
      expect.objectContaining({ link: `/w/${ws}/d/${documentId}`, actor: { id: id.coordinator, displayName: 'Koordynator Biura SSOM' }, params: expect.objectContaining({ access: 'comment' }) }),
      expect.objectContaining({ params: expect.objectContaining({ access: 'read' }) }),
    ]);
    expect((await server.db.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND kind = 'document_shared'`, [id.dobra]))[0].n).toBe(0);
  });

  it('tells the people who edit a document of a version frozen, but not of the text frozen as a vote opens', async () => {
    const documentId = await newDocument('Program ochrony powietrza');
    await grant(documentId, 'expert', { access: 'edit' });
    await grant(documentId, 'police', { access: 'comment' });
    await grantOrganisation(documentId, universityId, 'edit');
    const frozen = (version: string) => new RegExp(`Nowa wersja dokumentu „Program ochrony powietrza”: ${version}$|New version of “Program ochrony powietrza”: ${version}$`);

    const first = await api(`/documents/${documentId}/versions`, 'coordinator', { name: 'v1' });
    expect(first.status).toBe(201);
    expect(await delivered(frozen('v1'))).toEqual(addresses('expert', 'observer', 'partner'));
    const english = mails(frozen('v1')).find((m) => m.to.includes(email.expert))!;
    expect(english.subject).toBe('[Commonplan] New version of “Program ochrony powietrza”: v1');
    for (const mail of mails(frozen('v1'))) await expectWorkingLink(mail, new RegExp(`^/w/${ws}/d/${documentId}/v/${first.body.id}$`));

    // Frozen by the expert: the document's creator hears of it, the expert does not.
    const second = await api(`/documents/${documentId}/versions`, 'expert', { name: 'v2' });
    expect(second.status).toBe(201);
    expect(await delivered(frozen('v2'))).toEqual(addresses('coordinator', 'observer', 'partner'));
    const polish = mails(frozen('v2')).find((m) => m.to.includes(email.coordinator))!;
    expect(polish.subject).toBe('[Commonplan] Nowa wersja dokumentu „Program ochrony powietrza”: v2');
    expect(polish.text).toContain('Ekspert SSOM zamraża wersję nr 2 „v2” dokumentu, który edytujesz.');
    await expectWorkingLink(polish, new RegExp(`^/w/${ws}/d/${documentId}/v/${second.body.id}$`));
    expect(await inbox('coordinator', 'version_frozen')).toEqual([
      expect.objectContaining({ document: { id: documentId, title: 'Program ochrony powietrza' }, params: { actor: 'Ekspert SSOM', document: 'Program ochrony powietrza', version: 'v2', number: 2 } }),
    ]);

    // A resolution's text: frozen by hand, its editors hear of it; frozen as its vote opens, the vote is the news.
    const assemblyId = (await api(`/workspaces/${ws}/bodies`, 'coordinator')).body.find((b: { kind: string }) => b.kind === 'general_assembly').id;
    const resolution = await api(`/workspaces/${ws}/resolutions`, 'coordinator', { bodyId: assemblyId, kind: 'ordinary', title: 'w sprawie programu ochrony powietrza' });
    expect(resolution.status).toBe(201);
    await grant(resolution.body.documentId, 'expert', { access: 'edit' });
    expect((await api(`/documents/${resolution.body.documentId}/versions`, 'coordinator', { name: 'projekt' })).status).toBe(201);
    const vote = await api(`/resolutions/${resolution.body.id}/votes`, 'coordinator', { closesAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect(vote.status).toBe(201);
    expect((await api(`/documents/${resolution.body.documentId}/versions`, 'coordinator')).body).toHaveLength(2);
    await outbox().idle();
    const resolutionVersions = (await inbox('expert', 'version_frozen')).filter((n) => n.document?.id === resolution.body.documentId);
    expect(resolutionVersions.map((n) => n.params.version)).toEqual(['projekt']);
  });

  it("tells a thread's participants once when its passage is deleted by editing, not the one who deleted it", async () => {
    expect((await api('/me/notification-preferences', 'police', { language: 'en' }, 'PUT')).status).toBe(200);
    const documentId = await newDocument('Plan gospodarki odpadami');
    await grant(documentId, 'expert', { access: 'edit' });
    for (const who of ['partner', 'police']) await grant(documentId, who, { access: 'comment' });
    const coordinatorEditor = await open(documentId, 'coordinator');
    coordinatorEditor.doc.getXmlFragment(RICH_TEXT_FIELD).insert(0, [paragraph('Cel 1. Selektywna zbiórka.'), paragraph('Cel 2. Recykling gruzu.')]);
    await eventually(async () => (await serverText(documentId)) === 'Cel 1. Selektywna zbiórka.\nCel 2. Recykling gruzu.', 10_000, 'the stored text');
    const comments = (path: string, who: string, body: unknown) => api(`/documents/${documentId}/comments${path}`, who, body);
    const start = async (who: string, index: number, words: string) => {
      const created = await comments('', who, { anchor: anchorOf(coordinatorEditor.doc, index, words), quote: words, body: `Uwaga do: ${words}` });
      expect(created.status).toBe(201);
      return created.body.id as string;
    };
    const first = await start('partner', 0, 'Selektywna zbiórka');
    for (const who of ['expert', 'police']) expect((await comments(`/${first}/replies`, who, { body: `Zgoda (${who}).` })).status).toBe(201);
    const second = await start('partner', 1, 'Recykling gruzu');
    expect((await comments(`/${second}/replies`, 'police', { body: 'Także odpady zielone?' })).status).toBe(201);
    // A resolved thread on the same passage is not watched.
    const resolved = await start('police', 0, 'Selektywna zbiórka');
    expect((await comments(`/${resolved}/resolve`, 'police', {})).status).toBe(200);
    const deleted = /Usunięto fragment, do którego odnosi się komentarz \(„Plan gospodarki odpadami”\)|The passage of a comment was deleted \(“Plan gospodarki odpadami”\)/;

    // The expert deletes the first passage while editing: its thread's other participants are told, once.
    const expertEditor = await open(documentId, 'expert');
    const firstText = paragraphText(expertEditor.doc, 0);
    firstText.delete(firstText.toString().indexOf('Selektywna zbiórka'), 'Selektywna zbiórka'.length);
    firstText.insert(firstText.length, ' Do 2030 r.');
    await eventually(async () => (await serverText(documentId)) === 'Cel 1. . Do 2030 r.\nCel 2. Recykling gruzu.', 10_000, 'the stored deletion');
    await smtp.waitFor((r) => r.filter((m) => deleted.test(m.subject)).length >= 2, 'the passage-deleted e-mails');
    expect(await delivered(deleted)).toEqual(addresses('partner', 'police'));
    const english = mails(deleted).find((m) => m.to.includes(email.police))!;
    expect(english.subject).toBe('[Commonplan] The passage of a comment was deleted (“Plan gospodarki odpadami”)');
    expect(english.text).toContain('> Selektywna zbiórka');
    for (const mail of mails(deleted)) await expectWorkingLink(mail, new RegExp(`^/w/${ws}/d/${documentId}#thread-${first}$`));
    const marks = await server.db.query(`SELECT id, passage_deleted_at IS NOT NULL AS marked FROM comment_threads WHERE document_id = $1`, [documentId]);
    expect(Object.fromEntries(marks.map((t: { id: string; marked: boolean }) => [t.id, t.marked]))).toEqual({ [first]: true, [second]: false, [resolved]: false });

    // The coordinator deletes the second passage (the whole paragraph): its participants are told of it, and nobody is
    // told of the first one again.
    coordinatorEditor.doc.getXmlFragment(RICH_TEXT_FIELD).delete(1, 1);
    await eventually(async () => (await serverText(documentId)) === 'Cel 1. . Do 2030 r.', 10_000, 'the stored deletion');
    await smtp.waitFor((r) => r.filter((m) => deleted.test(m.subject)).length >= 4, 'the second passage-deleted e-mails');
    expect(await delivered(deleted)).toEqual(addresses('partner', 'partner', 'police', 'police'));
    expect(mails(deleted).filter((m) => m.text.includes(`#thread-${first}`)).flatMap((m) => m.to).sort()).toEqual(addresses('partner', 'police'));
    expect(mails(deleted).filter((m) => m.text.includes(`#thread-${second}`)).flatMap((m) => m.to).sort()).toEqual(addresses('partner', 'police'));
    const partnerInbox = await inbox('partner', 'passage_deleted');
    expect(partnerInbox.map((n) => [n.threadId, n.params.quote]).sort()).toEqual(
      [
        [first, 'Selektywna zbiórka'],
        [second, 'Recykling gruzu'],
      ].sort(),
    );
    expect(partnerInbox.find((n) => n.threadId === first)).toMatchObject({ actor: { displayName: 'Ekspert SSOM' }, link: `/w/${ws}/d/${documentId}#thread-${first}` });
    expect(await inbox('expert', 'passage_deleted')).toEqual([]);
    expect(await inbox('coordinator', 'passage_deleted')).toEqual([]);
    expect(plain(expertEditor.doc)).toBe('Cel 1. . Do 2030 r.');
  });

  it('links every notification it produced to a page its recipient may open', async () => {
    // The expert's comment access to the reply test's document was ended on purpose after they were notified.
    const [ended] = await server.db.query(`SELECT id FROM documents WHERE title = 'Plan zieleni miejskiej'`);
    const kinds = await expectEveryNotificationReadable(server, (row) => row.email === 'ekspert@som.example' && row.link.includes(ended.id));
    for (const kind of ['document_shared', 'passage_deleted', 'reply', 'version_frozen']) expect(kinds.has(kind)).toBe(true);
  });
});
