import { MailOutbox } from '../src/notifications/mail-outbox';
import { RoundsService } from '../src/consultations/rounds.service';
import { startSmtp, type ReceivedMail, type TestSmtp } from './support/smtp';
import { expectEveryNotificationReadable } from './support/notification-access';
import { type RequestOptions, TestServer } from './support/test-server';

const DAY = 24 * 60 * 60 * 1000;
const PUBLIC_URL = 'http://commonplan.test';

interface Person {
  userId: string;
  email: string;
  role: string;
}

/**
 * Consultation notifications through a real SMTP server: a round's announcement, opening, last three days and close
 * reach its audience (the members' representatives and/or partners it asks) and the staff, and nobody else; comments
 * assigned and dispositions to approve reach the expert and the coordinators; the published report reaches every
 * submitter who left an address, once per edition, with links to their own comments only; receipts go through the
 * outbox.
 */
describe('consultation notifications: rounds, triage, the report and receipts, by e-mail', () => {
  let smtp: TestSmtp;
  let server: TestServer;
  let ws: string;
  let documentId: string;
  let versionId: string;
  const token: Record<string, string> = {};
  let people: Person[];
  let coordinator2: Person;
  /** The representative who reads e-mail in English. */
  let repEn: Person;
  let repPl: Person;
  let partner: Person;
  let expert: Person;
  let observer: Person;

  const idle = () => server.server.app.get(MailOutbox).idle();
  const by = (email: string) => people.find((p) => p.email === email) as Person;
  const api = (path: string, options: RequestOptions = {}) => server.request(path, options);
  const ok = async (path: string, options: RequestOptions, status = 200) => {
    const response = await api(path, options);
    expect({ path, status: response.status, body: response.status === status ? null : response.body }).toEqual({ path, status, body: null });
    return response.body;
  };
  /** Who received messages whose subject matches, sorted. */
  const recipientsOf = (subject: RegExp): string[] => smtp.received.filter((m) => subject.test(m.subject)).flatMap((m) => m.to).sort();
  const mailTo = (address: string, subject: RegExp): ReceivedMail[] => smtp.to(address).filter((m) => subject.test(m.subject));
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const newRound = async (title: string, audiences: string[], channels = ['online_form'], closesInDays = 5) =>
    (
      await ok(
        `/api/workspaces/${ws}/rounds`,
        {
          token: token.coordinator,
          body: { documentId, versionId, title, audiences, channels, opensAt: new Date(Date.now() - DAY).toISOString(), closesAt: new Date(Date.now() + closesInDays * DAY).toISOString() },
        },
        201,
      )
    ).id as string;
  /** Moves the round's close to the past (time passing), then closes it. */
  const closeRound = async (roundId: string) => {
    await server.db.query(`UPDATE consultation_rounds SET closes_at = now() - interval '1 second' WHERE id = $1`, [roundId]);
    await ok(`/api/rounds/${roundId}/close`, { token: token.coordinator, body: {} });
  };
  const inbox = async (who: string) => (await ok(`/api/workspaces/${ws}/notifications`, { token: token[who] })).items as Array<{ kind: string; link: string; params: Record<string, unknown> }>;

  beforeAll(async () => {
    smtp = await startSmtp();
    server = await TestServer.start({ env: { SMTP_URL: smtp.url, TRUST_PROXY: 'true', PUBLIC_COMMENTS_PER_IP: '1000' } });
    ws = await server.demoWorkspaceId();
    token.coordinator = await server.login('koordynator@som.example');
    // A second coordinator, invited as people are: the first one acts, the second one hears.
    await ok(`/api/workspaces/${ws}/invitations`, { token: token.coordinator, body: { email: 'koordynator2@som.example', role: 'coordinator', displayName: 'Druga Koordynatorka' } }, 201);
    await smtp.waitFor((r) => r.some((m) => m.to.includes('koordynator2@som.example')), 'the invitation');
    const invitation = /\/invitation\?token=([A-Za-z0-9_-]+)/.exec(smtp.to('koordynator2@som.example')[0].text)?.[1] as string;
    token.coordinator2 = (await ok(`/api/invitations/${invitation}/accept`, { body: { password: 'hasło-drugiej-koordynatorki' } })).token;

    people = ((await ok(`/api/workspaces/${ws}/people`, { token: token.coordinator })) as Array<Person & { active: boolean }>).filter((p) => p.active);
    coordinator2 = by('koordynator2@som.example');
    expert = by('ekspert@som.example');
    partner = by('partner@som.example');
    observer = by('obserwator@som.example');
    const representatives = people.filter((p) => p.role === 'representative');
    expect(representatives.length).toBeGreaterThan(5);
    [repEn, repPl] = representatives;
    token.expert = await server.login(expert.email);
    token.partner = await server.login(partner.email);
    token.observer = await server.login(observer.email);
    token.repEn = await server.login(repEn.email);
    token.repPl = await server.login(repPl.email);
    // Staff take rounds in a daily digest by default: here at once, so that their e-mails can be counted; the observer
    // too, to show that being outside the audience (not a preference) keeps them out.
    for (const who of ['coordinator', 'coordinator2', 'expert', 'observer']) {
      await ok('/api/me/notification-preferences', { method: 'PUT', token: token[who], body: { modes: { rounds: 'instant' } } });
    }
    await ok('/api/me/notification-preferences', { method: 'PUT', token: token.repEn, body: { language: 'en' } });
    await ok('/api/me/notification-preferences', { method: 'PUT', token: token.coordinator2, body: { language: 'en' } });

    documentId = (await ok(`/api/workspaces/${ws}/documents`, { token: token.coordinator })).find((d: { kind: string }) => d.kind === 'strategy').id;
    versionId = (await ok(`/api/documents/${documentId}/versions`, { token: token.coordinator, body: { name: 'v1.0 — do konsultacji' } }, 201)).id;
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  it('tells a round asking the members its representatives and the staff of its announcement, opening, last days and close; nobody else', async () => {
    const title = 'Konsultacje planu transportu';
    const roundId = await newRound(title, ['members', 'public']);
    const link = `${PUBLIC_URL}/w/${ws}/rounds/${roundId}`;
    const representatives = people.filter((p) => p.role === 'representative').map((p) => p.email);
    const staff = [coordinator2.email, expert.email];
    const audience = [...representatives, ...staff].sort();
    const t = escape(title);

    // Announced: the audience and the staff, but not the coordinator who announced it, the partner (not asked) or the observer.
    await ok(`/api/rounds/${roundId}/announce`, { token: token.coordinator, body: {} });
    const announced = new RegExp(`^\\[Commonplan\\] (Ogłoszono konsultacje|Consultation announced): ${t}$`);
    await smtp.waitFor((r) => audience.every((a) => r.some((m) => m.to.includes(a) && announced.test(m.subject))), 'the announcement to the whole audience');
    await idle();
    expect(recipientsOf(announced)).toEqual(audience);
    // In each one's language, with the round's page, which each of them may open.
    expect(mailTo(repEn.email, announced).map((m) => m.subject)).toEqual([`[Commonplan] Consultation announced: ${title}`]);
    expect(mailTo(coordinator2.email, announced).map((m) => m.subject)).toEqual([`[Commonplan] Consultation announced: ${title}`]);
    expect(mailTo(repPl.email, announced).map((m) => m.subject)).toEqual([`[Commonplan] Ogłoszono konsultacje: ${title}`]);
    expect(mailTo(repPl.email, announced)[0].text).toContain(`Otwórz: ${link}\n`);
    expect(mailTo(repEn.email, announced)[0].text).toContain(`Open: ${link}\n`);
    for (const who of ['repEn', 'repPl', 'expert', 'coordinator2']) expect((await api(`/api/rounds/${roundId}`, { token: token[who] })).status).toBe(200);
    // The inbox holds the same; nothing for the partner or the observer.
    expect((await inbox('repPl')).filter((n) => n.link === `/w/${ws}/rounds/${roundId}`).map((n) => n.kind)).toEqual(['round_announced']);
    for (const who of ['partner', 'observer', 'coordinator']) expect((await inbox(who)).filter((n) => n.link.includes(roundId))).toEqual([]);

    // Opened (by the coordinator, at or after its opening time): the same people.
    await ok(`/api/rounds/${roundId}/open`, { token: token.coordinator, body: {} });
    const opened = new RegExp(`^\\[Commonplan\\] (Konsultacje otwarte|Consultation open): ${t}$`);
    await smtp.waitFor((r) => audience.every((a) => r.some((m) => m.to.includes(a) && opened.test(m.subject))), 'the opening to the whole audience');
    await idle();
    expect(recipientsOf(opened)).toEqual(audience);
    expect(mailTo(repEn.email, opened)[0].text).toContain(`The consultation “${title}” is open.`);

    // Three days before the close, once, however often (and however concurrently) the sweep runs; not earlier. The
    // reminder has no actor: the coordinator hears of it too.
    const rounds = server.server.app.get(RoundsService);
    await rounds.sweep(new Date());
    const closing = new RegExp(`^\\[Commonplan\\] (Konsultacje kończą się|Consultation closes) .*: ${t}$`);
    const later = new Date(Date.now() + 2.5 * DAY);
    await Promise.all([rounds.sweep(later), rounds.sweep(later)]);
    await rounds.sweep(new Date(later.getTime() + 60_000));
    const closingAudience = [...audience, 'koordynator@som.example'].sort();
    await smtp.waitFor((r) => closingAudience.every((a) => r.some((m) => m.to.includes(a) && closing.test(m.subject))), 'the closing reminder');
    await idle();
    expect(recipientsOf(closing)).toEqual(closingAudience);
    expect(mailTo(repPl.email, closing)[0].text).toContain('Zostały trzy dni');
    expect(mailTo(repEn.email, closing)[0].text).toContain(link);
    const [{ marked }] = await server.db.query(`SELECT closing_notified_at IS NOT NULL AS marked FROM consultation_rounds WHERE id = $1`, [roundId]);
    expect(marked).toBe(true);

    // Closed: the same people as announced and opened.
    await closeRound(roundId);
    const closed = new RegExp(`^\\[Commonplan\\] (Konsultacje zakończone|Consultation closed): ${t}$`);
    await smtp.waitFor((r) => audience.every((a) => r.some((m) => m.to.includes(a) && closed.test(m.subject))), 'the close to the whole audience');
    await idle();
    expect(recipientsOf(closed)).toEqual(audience);
    expect((await inbox('expert')).filter((n) => n.link === `/w/${ws}/rounds/${roundId}`).map((n) => n.kind).sort()).toEqual(['round_announced', 'round_closed', 'round_closing', 'round_opened']);
  });

  it('tells a round asking the partners the partner and the staff, not the representatives; a short round has no reminder', async () => {
    const title = 'Konsultacje koncepcji projektu partnerskiego';
    const roundId = await newRound(title, ['partners'], ['online_form'], 2);
    await ok(`/api/rounds/${roundId}/announce`, { token: token.coordinator, body: {} });
    await ok(`/api/rounds/${roundId}/open`, { token: token.coordinator, body: {} });
    const audience = [partner.email, coordinator2.email, expert.email].sort();
    const t = escape(title);
    const announced = new RegExp(`(Ogłoszono konsultacje|Consultation announced): ${t}$`);
    const opened = new RegExp(`(Konsultacje otwarte|Consultation open): ${t}$`);
    await smtp.waitFor((r) => audience.every((a) => r.some((m) => m.to.includes(a) && opened.test(m.subject))), 'the opening to the partner');
    await idle();
    expect(recipientsOf(announced)).toEqual(audience);
    expect(recipientsOf(opened)).toEqual(audience);
    expect(mailTo(partner.email, opened)[0].text).toContain(`${PUBLIC_URL}/w/${ws}/rounds/${roundId}`);
    expect((await api(`/api/rounds/${roundId}`, { token: token.partner })).status).toBe(200);
    expect((await inbox('repPl')).filter((n) => n.link.includes(roundId))).toEqual([]);

    // Opened with less than three days left: its opening already said when it closes; the sweep adds nothing.
    const rounds = server.server.app.get(RoundsService);
    await rounds.sweep(new Date(Date.now() + DAY));
    await idle();
    expect(recipientsOf(new RegExp(`(kończą się|closes) .*: ${t}$`))).toEqual([]);
  });

  it('tells an expert of the comments assigned to them (a bulk assignment in one e-mail) and the coordinators of dispositions to approve', async () => {
    const title = 'Konsultacje programu rewitalizacji';
    const roundId = await newRound(title, ['public']);
    await ok(`/api/rounds/${roundId}/announce`, { token: token.coordinator, body: {} });
    await ok(`/api/rounds/${roundId}/open`, { token: token.coordinator, body: {} });
    const comments: Array<{ id: string; number: string }> = [];
    for (let i = 0; i < 4; i++) {
      const body = { part: `Rozdział ${i + 1}`, justification: 'Uzasadnienie.', submitter: { kind: 'person', name: `Osoba ${i}`, type: 'resident' } };
      comments.push(await ok(`/api/public/rounds/${roundId}/comments`, { body }, 201));
    }
    const triage = `${PUBLIC_URL}/w/${ws}/rounds/${roundId}/comments`;

    // One comment to the expert: the expert hears, with the triage page, which they may open.
    await ok(`/api/consultation-comments/${comments[0].id}/assignee`, { method: 'PUT', token: token.coordinator, body: { assigneeId: expert.userId } }, 204);
    const assigned = (number: string) => new RegExp(`^\\[Commonplan\\] (Uwaga|Comment) ${escape(number)} (do rozpatrzenia|for you to handle)$`);
    await smtp.waitFor((r) => r.some((m) => m.to.includes(expert.email) && assigned(comments[0].number).test(m.subject)), 'the assignment');
    expect(mailTo(expert.email, assigned(comments[0].number))[0].text).toContain(`Koordynator Biura SSOM przydziela Ci uwagę ${comments[0].number} w konsultacjach „${title}”.`);
    expect(mailTo(expert.email, assigned(comments[0].number))[0].text).toContain(`Otwórz: ${triage}\n`);
    expect((await api(`/api/rounds/${roundId}/triage`, { token: token.expert })).status).toBe(200);

    // Three at once to the second coordinator: one e-mail naming all three, in English.
    const batch = comments.slice(1).map((c) => c.number);
    await ok(`/api/rounds/${roundId}/triage/bulk`, { token: token.coordinator, body: { action: 'assign', commentIds: comments.slice(1).map((c) => c.id), assigneeId: coordinator2.userId } });
    const batchSubject = new RegExp(`^\\[Commonplan\\] 3 comments for you to handle: ${escape(title)}$`);
    await smtp.waitFor((r) => r.some((m) => m.to.includes(coordinator2.email) && batchSubject.test(m.subject)), 'the bulk assignment');
    // Assigning to oneself tells nobody; assigning again to the same person changes nothing and says nothing.
    await ok(`/api/consultation-comments/${comments[3].id}/assignee`, { method: 'PUT', token: token.coordinator, body: { assigneeId: (by('koordynator@som.example') as Person).userId } }, 204);
    await ok(`/api/rounds/${roundId}/triage/bulk`, { token: token.coordinator, body: { action: 'assign', commentIds: [comments[0].id], assigneeId: expert.userId } });
    await idle();
    const anyAssignment = /(do rozpatrzenia|for you to handle)/;
    expect(recipientsOf(anyAssignment)).toEqual([coordinator2.email, expert.email].sort());
    const [batchMail] = mailTo(coordinator2.email, anyAssignment);
    expect(batchMail.text).toContain(`Koordynator Biura SSOM assigned 3 comments of the consultation “${title}” to you:\n\n${batch.join(', ')}\n`);
    expect(batchMail.text).toContain(`Open: ${triage}\n`);
    expect((await api(`/api/rounds/${roundId}/triage`, { token: token.coordinator2 })).status).toBe(200);
    expect((await inbox('coordinator2')).filter((n) => n.kind === 'comment_assigned').map((n) => n.params.number)).toEqual([batch.join(', ')]);

    // The expert decides their comment: both coordinators are asked to approve, each in their language; not the expert.
    await ok(`/api/consultation-comments/${comments[0].id}/disposition`, { method: 'PUT', token: token.expert, body: { disposition: 'accepted', justification: 'Słuszna uwaga.' } }, 204);
    const toApprove = (number: string) => new RegExp(`^\\[Commonplan\\] (Rozstrzygnięcie uwagi|The decision on comment) ${escape(number)} (czeka na zatwierdzenie|awaits approval)$`);
    await smtp.waitFor(
      (r) => ['koordynator@som.example', coordinator2.email].every((a) => r.some((m) => m.to.includes(a) && toApprove(comments[0].number).test(m.subject))),
      'the disposition to approve',
    );
    expect(mailTo('koordynator@som.example', toApprove(comments[0].number))[0].text).toContain(`Ekspert SSOM rozstrzyga uwagę ${comments[0].number} w konsultacjach „${title}” (uwzględniona).`);
    expect(mailTo(coordinator2.email, toApprove(comments[0].number))[0].text).toContain(`Ekspert SSOM decided comment ${comments[0].number} of the consultation “${title}” (accepted).`);
    expect(mailTo(coordinator2.email, toApprove(comments[0].number))[0].text).toContain(`Open: ${triage}\n`);
    // A coordinator's own disposition: the other coordinator is asked, not the one who decided.
    await ok(`/api/consultation-comments/${comments[3].id}/disposition`, { method: 'PUT', token: token.coordinator, body: { disposition: 'rejected', justification: 'Poza zakresem.' } }, 204);
    // The expert changes theirs: it needs approval again, and the coordinators hear again.
    await ok(`/api/consultation-comments/${comments[0].id}/disposition`, { method: 'PUT', token: token.expert, body: { disposition: 'partly_accepted', justification: 'Częściowo.' } }, 204);
    await smtp.waitFor((r) => r.filter((m) => m.to.includes('koordynator@som.example') && toApprove(comments[0].number).test(m.subject)).length === 2, 'the changed disposition');
    await idle();
    expect(recipientsOf(toApprove(comments[3].number))).toEqual([coordinator2.email]);
    expect(recipientsOf(toApprove(comments[0].number))).toEqual(['koordynator@som.example', 'koordynator@som.example', coordinator2.email, coordinator2.email].sort());
    expect(mailTo(coordinator2.email, toApprove(comments[0].number))[1].text).toContain('(partly accepted)');
    expect(recipientsOf(/(czeka na zatwierdzenie|awaits approval)/)).not.toContain(expert.email);
  });

  it('sends receipts through the outbox and the published report to every submitter once, with their own comments only, in their language; unsubscribed addresses get no next edition', async () => {
    const title = 'Konsultacje strategii rozwoju';
    const roundId = await newRound(title, ['members', 'public'], ['online_form', 'post']);
    await ok(`/api/rounds/${roundId}/announce`, { token: token.coordinator, body: {} });
    await ok(`/api/rounds/${roundId}/open`, { token: token.coordinator, body: {} });
    const content = (part: string) => ({ part, justification: 'Uzasadnienie uwagi.' });
    const person = (name: string) => ({ kind: 'person', name, type: 'resident' });
    const publicComment = async (name: string, email: string | undefined, part: string) =>
      (await ok(`/api/public/rounds/${roundId}/comments`, { body: { ...content(part), submitter: person(name), ...(email ? { email } : {}) } }, 201)) as { id: string; number: string; editSecret: string };
    const anna1 = await publicComment('Anna Nowak', 'anna.nowak@example.pl', 'Rozdział 1');
    const bartek = await publicComment('Bartosz Lis', 'bartek@example.net', 'Rozdział 2');
    const anna2 = await publicComment('Anna Nowak', 'Anna.Nowak@Example.pl', 'Rozdział 3');
    const withdrawn = await publicComment('Dorota Wycofana', 'dorota@example.org', 'Rozdział 4');
    const anonymous = await publicComment('Bez Adresu', undefined, 'Rozdział 5');
    const byPost = (await ok(
      `/api/rounds/${roundId}/comments/entered`,
      { token: token.coordinator, body: { ...content('Rozdział 6'), submitter: { kind: 'institution', name: 'Izba Gospodarcza', type: 'other' }, email: 'biuro@izba.example', channel: 'post' } },
      201,
    )) as { id: string; number: string };
    const fromRepresentative = (await ok(`/api/rounds/${roundId}/comments`, { token: token.repEn, body: content('Rozdział 7') }, 201)) as { id: string; number: string };
    expect((await api(`/api/public/consultation-comments/${withdrawn.id}`, { method: 'DELETE', headers: { 'x-comment-secret': withdrawn.editSecret } })).status).toBe(200);

    // Receipts: queued with each comment (the outbox row exists once the response is out) and sent by the outbox,
    // without an unsubscribe link: they are transactional.
    const receipts: Array<{ event_key: string; address: string; kind: string }> = await server.db.query(
      `SELECT event_key, address, kind FROM mail_outbox WHERE kind = 'receipt' AND event_key = ANY($1::text[]) ORDER BY id`,
      [[anna1, bartek, anna2, withdrawn, anonymous, byPost, fromRepresentative].map((c) => `receipt:${c.id}`)],
    );
    expect(receipts.map((r) => r.address)).toEqual(['anna.nowak@example.pl', 'bartek@example.net', 'Anna.Nowak@Example.pl', 'dorota@example.org', 'biuro@izba.example', repEn.email]);
    const receipt = /^Potwierdzenie złożenia uwagi /;
    await smtp.waitFor((r) => r.filter((m) => receipt.test(m.subject) && m.text.includes(title)).length === 6, 'six receipts');
    const [annaReceipt] = smtp.to('anna.nowak@example.pl').filter((m) => receipt.test(m.subject));
    expect(annaReceipt.subject).toBe(`Potwierdzenie złożenia uwagi ${anna1.number}`);
    expect(annaReceipt.text).toContain(`/consultations/${roundId}/comments/${anna1.id}#kod=${anna1.editSecret}`);
    expect(annaReceipt.header('list-unsubscribe')).toBeUndefined();

    await closeRound(roundId);
    for (const c of [anna1, bartek, anna2, anonymous, byPost, fromRepresentative]) {
      await ok(`/api/consultation-comments/${c.id}/disposition`, { method: 'PUT', token: token.coordinator, body: { disposition: c === bartek ? 'rejected' : 'accepted', justification: 'Rozstrzygnięcie.' } }, 204);
      await ok(`/api/consultation-comments/${c.id}/disposition/approve`, { token: token.coordinator, body: {} }, 204);
    }
    await ok(`/api/rounds/${roundId}/report/publish`, { token: token.coordinator, body: {} }, 201);
    const report = new RegExp(`^\\[Commonplan\\] (Sprawozdanie z konsultacji|Consultation report): ${escape(title)}$`);
    const submitters = ['anna.nowak@example.pl', 'bartek@example.net', 'biuro@izba.example', repEn.email].sort();
    await smtp.waitFor((r) => submitters.every((a) => r.some((m) => m.to.includes(a) && report.test(m.subject))), 'the report to every submitter');
    await idle();
    // Once per address (Anna wrote twice, with two spellings of her address); not the one whose only comment was withdrawn.
    expect(recipientsOf(report)).toEqual(submitters);
    const linkTo = (c: { number: string }) => `${PUBLIC_URL}/consultations/${roundId}#uwaga-${c.number.replace(/\//g, '-')}`;
    const [annaMail] = mailTo('anna.nowak@example.pl', report);
    expect(annaMail.text).toContain(`Opublikowano sprawozdanie z konsultacji „${title}”.\n\nRozstrzygnięcia Twoich uwag:\n\n${anna1.number} (uwzględniona): ${linkTo(anna1)}\n${anna2.number} (uwzględniona): ${linkTo(anna2)}\n`);
    const [bartekMail] = mailTo('bartek@example.net', report);
    expect(bartekMail.text).toContain(`Rozstrzygnięcie Twojej uwagi:\n\n${bartek.number} (nieuwzględniona): ${linkTo(bartek)}\n`);
    const [repMail] = mailTo(repEn.email, report);
    expect(repMail.subject).toBe(`[Commonplan] Consultation report: ${title}`);
    expect(repMail.text).toContain(`The answer to your comment:\n\n${fromRepresentative.number} (accepted): ${linkTo(fromRepresentative)}\n`);
    // Nobody's e-mail names another submitter's comment.
    const all = [anna1, bartek, anna2, withdrawn, anonymous, byPost, fromRepresentative];
    const own: Record<string, Array<{ number: string }>> = { 'anna.nowak@example.pl': [anna1, anna2], 'bartek@example.net': [bartek], 'biuro@izba.example': [byPost], [repEn.email]: [fromRepresentative] };
    for (const address of submitters) {
      const [mail] = mailTo(address, report);
      expect({ address, numbers: all.filter((c) => mail.text.includes(c.number)).map((c) => c.number) }).toEqual({ address, numbers: own[address].map((c) => c.number) });
      expect(mail.header('list-unsubscribe')).toMatch(/^<http:\/\/commonplan\.test\/api\/public\/unsubscribe\?token=[^>]+>$/);
    }
    // The links work: the public round page's report holds each comment's disposition, without signing in.
    const published = await ok(`/api/public/rounds/${roundId}/report`, {});
    const annex = Object.fromEntries((published.content.annex as Array<{ number: string; disposition: string }>).map((e) => [e.number, e.disposition]));
    expect([annex[anna1.number], annex[bartek.number], annex[fromRepresentative.number]]).toEqual(['accepted', 'rejected', 'accepted']);
    expect((await api(`/api/public/rounds/${roundId}`)).status).toBe(200);

    // Bartosz unsubscribes with one click (the List-Unsubscribe address, as a mail client posts it).
    const oneClick = /^<(.+)>$/.exec(bartekMail.header('list-unsubscribe') as string)?.[1] as string;
    const path = oneClick.slice(PUBLIC_URL.length);
    expect(path).toMatch(/^\/api\/public\/unsubscribe\?token=/);
    const unsubscribed = await api(path, { body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(unsubscribed.status).toBe(200);

    // A changed disposition, published as edition 2: everyone else hears once more; Bartosz does not.
    await ok(`/api/consultation-comments/${byPost.id}/disposition`, { method: 'PUT', token: token.coordinator, body: { disposition: 'partly_accepted', justification: 'Po ponownym rozpatrzeniu.' } }, 204);
    await ok(`/api/consultation-comments/${byPost.id}/disposition/approve`, { token: token.coordinator, body: {} }, 204);
    await ok(`/api/rounds/${roundId}/report/publish`, { token: token.coordinator, body: {} }, 201);
    const second = new RegExp(`^\\[Commonplan\\] (Sprawozdanie z konsultacji, wydanie 2|Consultation report, edition 2): ${escape(title)}$`);
    const stillSubscribed = submitters.filter((a) => a !== 'bartek@example.net');
    await smtp.waitFor((r) => stillSubscribed.every((a) => r.some((m) => m.to.includes(a) && second.test(m.subject))), 'edition 2');
    await idle();
    expect(recipientsOf(second)).toEqual(stillSubscribed);
    expect(mailTo('biuro@izba.example', second)[0].text).toContain(`${byPost.number} (częściowo uwzględniona): ${linkTo(byPost)}`);
    expect(mailTo('bartek@example.net', /Sprawozdanie|report/)).toHaveLength(1);
  });

  it('links every notification it produced to a page its recipient may open', async () => {
    const kinds = await expectEveryNotificationReadable(server);
    for (const kind of ['round_announced', 'round_opened', 'round_closing', 'round_closed', 'comment_assigned', 'disposition_to_approve']) expect(kinds.has(kind)).toBe(true);
  });
});

/**
 * A round with 2,000 submitters publishes its report, each submitter's e-mail queued in the same transaction (the outbox sends them afterwards; here to the outbox folder).
 */
describe('the report e-mail at scale', () => {
  let server: TestServer;
  afterAll(() => server?.close());

  it('publishes a report with 2,000 submitters and queues one e-mail for each', async () => {
    server = await TestServer.start();
    const ws = await server.demoWorkspaceId();
    const coordinator = await server.login('koordynator@som.example');
    const documentId = (await server.request(`/api/workspaces/${ws}/documents`, { token: coordinator })).body.find((d: { kind: string }) => d.kind === 'strategy').id;
    const versionId = (await server.request(`/api/documents/${documentId}/versions`, { token: coordinator, body: { name: 'v1.0' } })).body.id;
    const roundId = (
      await server.request(`/api/workspaces/${ws}/rounds`, {
        token: coordinator,
        body: { documentId, versionId, title: 'Konsultacje dla wielu', audiences: ['public'], channels: ['online_form'], opensAt: new Date(Date.now() - DAY).toISOString(), closesAt: new Date(Date.now() + DAY).toISOString() },
      })
    ).body.id as string;
    expect((await server.request(`/api/rounds/${roundId}/announce`, { token: coordinator, body: {} })).status).toBe(200);
    expect((await server.request(`/api/rounds/${roundId}/open`, { token: coordinator, body: {} })).status).toBe(200);
    // 2,000 submitters' comments, decided and approved (written directly: the point is the publication).
    await server.db.query(
      `INSERT INTO consultation_comments (round_id, number, part, justification, submitter_kind, submitter_name, submitter_type, email, channel, disposition, disposition_justification, disposition_at, approved_at, created_at)
       SELECT $1, 'U/2099/' || lpad(i::text, 4, '0'), 'Rozdział ' || (i % 7 + 1), 'Uzasadnienie uwagi nr ' || i || '.', 'institution', 'Instytucja ' || i, 'other',
              'zglaszajacy' || i || '@example.org', 'online_form', 'accepted', 'Uwzględniono.', now(), now(), now() + make_interval(secs => i)
       FROM generate_series(1, 2000) AS i`,
      [roundId],
    );
    await server.db.query(`UPDATE consultation_rounds SET closes_at = now() - interval '1 second' WHERE id = $1`, [roundId]);
    expect((await server.request(`/api/rounds/${roundId}/close`, { token: coordinator, body: {} })).status).toBe(200);

    // How fast is measured by `npm run bench:notify` (docs/benchmarks.md), never here: a timed assertion fails on a busy machine.
    const published = await server.request(`/api/rounds/${roundId}/report/publish`, { token: coordinator, body: {} });
    expect(published.status).toBe(201);
    const [{ queued, addresses }] = await server.db.query(
      `SELECT count(*)::int AS queued, count(DISTINCT address)::int AS addresses FROM mail_outbox WHERE event_key = $1`,
      [`report_published:${roundId}:1`],
    );
    expect([queued, addresses]).toEqual([2000, 2000]);
    const [mail] = await server.db.query(`SELECT body FROM mail_outbox WHERE event_key = $1 AND address = 'zglaszajacy1234@example.org'`, [`report_published:${roundId}:1`]);
    expect(mail.body).toContain(`U/2099/1234 (uwzględniona): http://commonplan.test/consultations/${roundId}#uwaga-U-2099-1234`);
    expect(mail.body).not.toContain('U/2099/1235');
  }, 120_000);
});
