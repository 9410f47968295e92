import { INBOX_EVENTS, INBOX_NAMESPACE } from '@commonplan/sync';
import { Digests } from '../src/notifications/digests';
import { MailOutbox } from '../src/notifications/mail-outbox';
import { Notifier } from '../src/notifications/notifier';
import { connected, emitAck, eventually, ioClient } from './support/collab-clients';
import { type TestSmtp, startSmtp } from './support/smtp';
import { expectEveryNotificationReadable } from './support/notification-access';
import { TestServer } from './support/test-server';

/**
 * The delivery core of notifications with a real SMTP server: the outbox sends what a committed change recorded, once
 * per person and event (also with two instances taking from it), in the person's language, with one-click unsubscribe
 * (RFC 8058) that works without signing in; digests collect what waits for them; failures and bounces are visible to
 * coordinators; the inbox count is announced live.
 */
describe('notification delivery', () => {
  let smtp: TestSmtp;
  let server: TestServer;
  let ws: string;
  let coordinator: string;
  let expert: string;
  let expertId: string;
  let observerId: string;
  const notifier = () => server.server.app.get(Notifier);
  const outbox = () => server.server.app.get(MailOutbox);

  /** Records a vote_opened notification for `recipients` in its own transaction, as a feature does in its change. */
  const announce = (key: string, recipients: string[], resolution = 'Uchwała w sprawie budżetu') =>
    server.db.transaction((manager) =>
      notifier().notify(manager, {
        kind: 'vote_opened',
        workspaceId: ws,
        key,
        recipients,
        link: `/w/${ws}/decisions`,
        params: { resolution, closesAt: '2026-12-08T11:00:00.000Z' },
      }),
    );

  beforeAll(async () => {
    smtp = await startSmtp({ reject: (address) => address.startsWith('nie.ma') });
    server = await TestServer.start({ env: { SMTP_URL: smtp.url, MAIL_MAX_ATTEMPTS: '1' } });
    ws = await server.demoWorkspaceId();
    coordinator = await server.login('koordynator@som.example');
    expert = await server.login('ekspert@som.example');
    const people = (await server.request(`/api/workspaces/${ws}/people`, { token: coordinator })).body as Array<{ userId: string; email: string }>;
    expertId = people.find((p) => p.email === 'ekspert@som.example')!.userId;
    observerId = people.find((p) => p.email === 'obserwator@som.example')!.userId;
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  it('sends a committed notification once, with its link, List-Unsubscribe and the person’s language', async () => {
    await announce('vote_opened:t1', [expertId, observerId]);
    await announce('vote_opened:t1', [expertId, observerId]); // announced again: nobody hears twice
    await outbox().idle();
    const toExpert = smtp.to('ekspert@som.example').filter((m) => m.subject.includes('budżetu'));
    expect(toExpert).toHaveLength(1);
    const [mail] = toExpert;
    expect(mail.subject).toBe('[Commonplan] Głosowanie otwarte: Uchwała w sprawie budżetu');
    expect(mail.text).toContain('Głos można oddać do 8 grudnia 2026, 12:00'); // Warsaw time
    expect(mail.text).toContain(`http://commonplan.test/w/${ws}/decisions`);
    expect(mail.header('list-unsubscribe')).toMatch(/^<http:\/\/commonplan\.test\/api\/public\/unsubscribe\?token=[^>]+>$/);
    expect(mail.header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(mail.header('message-id')).toMatch(/^<[0-9a-f-]{36}@commonplan\.test>$/);
    // The observer takes votes in the daily digest by default: in the inbox, not by e-mail.
    expect(smtp.to('obserwator@som.example').filter((m) => m.subject.includes('budżetu'))).toHaveLength(0);
    const inbox = await server.request(`/api/workspaces/${ws}/notifications`, { token: await server.login('obserwator@som.example') });
    expect(inbox.body.items.filter((n: { kind: string; params: { resolution: string } }) => n.kind === 'vote_opened' && n.params.resolution === 'Uchwała w sprawie budżetu')).toHaveLength(1);

    // In English once the person says so.
    expect((await server.request('/api/me/notification-preferences', { token: expert, method: 'PUT', body: { language: 'en' } })).status).toBe(200);
    await announce('vote_opened:t2', [expertId], 'Budget resolution');
    await smtp.waitFor((r) => r.some((m) => m.subject === '[Commonplan] Vote open: Budget resolution'), 'the English e-mail');
    const english = smtp.to('ekspert@som.example').find((m) => m.subject === '[Commonplan] Vote open: Budget resolution')!;
    expect(english.text).toContain('Votes are taken until 8 December 2026, 12:00');
    await server.request('/api/me/notification-preferences', { token: expert, method: 'PUT', body: { language: 'pl' } });
  });

  it('leaves out the actor and people without an active membership, and records nothing when the change rolls back', async () => {
    const [stranger] = await server.db.query(`INSERT INTO users (email, display_name) VALUES ('obcy@example.com', 'Obcy') RETURNING id`);
    await server.db.transaction((manager) =>
      notifier().notify(manager, {
        kind: 'vote_opened',
        workspaceId: ws,
        key: 'vote_opened:t3',
        recipients: [expertId, stranger.id],
        actorId: expertId,
        link: `/w/${ws}/decisions`,
        params: { resolution: 'Nikt', closesAt: null },
      }),
    );
    await expect(
      server.db.transaction(async (manager) => {
        await notifier().notify(manager, { kind: 'vote_opened', workspaceId: ws, key: 'vote_opened:t4', recipients: [expertId], link: '/', params: { resolution: 'Wycofana', closesAt: null } });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await outbox().idle();
    const rows = await server.db.query(`SELECT event_key FROM notifications WHERE event_key IN ('vote_opened:t3', 'vote_opened:t4')`);
    expect(rows).toEqual([]);
    const queued = await server.db.query(`SELECT count(*)::int AS n FROM mail_outbox WHERE event_key IN ('vote_opened:t3', 'vote_opened:t4')`);
    expect(queued[0].n).toBe(0);
  });

  it('unsubscribes with one click from the List-Unsubscribe header, without signing in', async () => {
    const mail = smtp.to('ekspert@som.example').find((m) => m.subject.includes('budżetu'))!;
    const link = /^<(.+)>$/.exec(mail.header('list-unsubscribe')!)![1].replace('http://commonplan.test', server.url);
    const described = await fetch(link).then((r) => r.json());
    expect(described).toEqual({ categories: ['votes'], account: true, unsubscribed: false });
    // What a mail client sends (RFC 8058): a form body, no cookie, no token, from no site of ours.
    const response = await fetch(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ categories: ['votes'], account: true, unsubscribed: true });
    const preferences = await server.request('/api/me/notification-preferences', { token: expert });
    expect(preferences.body.categories.find((c: { category: string }) => c.category === 'votes')).toMatchObject({ chosen: 'off', mode: 'off', default: 'instant' });

    const before = smtp.to('ekspert@som.example').length;
    await announce('vote_opened:t5', [expertId], 'Po wypisaniu');
    await outbox().idle();
    expect(smtp.to('ekspert@som.example')).toHaveLength(before);
    const inbox = await server.request(`/api/workspaces/${ws}/notifications?kind=vote_opened`, { token: expert });
    expect(inbox.body.items.some((n: { params: { resolution: string } }) => n.params.resolution === 'Po wypisaniu')).toBe(true);
    await server.request('/api/me/notification-preferences', { token: expert, method: 'PUT', body: { modes: { votes: null } } });
  });

  it('refuses forged and malformed unsubscribe links and bad preferences, naming the field', async () => {
    const mail = smtp.to('ekspert@som.example').find((m) => m.subject.includes('budżetu'))!;
    const token = decodeURIComponent(/token=([^>]+)>/.exec(mail.header('list-unsubscribe')!)![1]);
    const [payload, signature] = token.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ u: observerId, c: ['votes'] })).toString('base64url');
    for (const bad of [`${forgedPayload}.${signature}`, `${payload}.${signature.slice(1)}x`, 'abc', `${payload}.${signature}.x`]) {
      const response = await server.request(`/api/public/unsubscribe?token=${encodeURIComponent(bad)}`, { method: 'POST' });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'token', code: 'unsubscribe_link_invalid' })]);
    }
    expect((await server.request('/api/public/unsubscribe', { method: 'POST' })).status).toBe(400);
    const badMode = await server.request('/api/me/notification-preferences', { token: expert, method: 'PUT', body: { modes: { votes: 'hourly' } } });
    expect(badMode.status).toBe(400);
    expect(badMode.body.errors[0].field).toBe('modes');
    const badCategory = await server.request('/api/me/notification-preferences', { token: expert, method: 'PUT', body: { modes: { toString: 'off' } } });
    expect(badCategory.status).toBe(400);
    const badLanguage = await server.request('/api/me/notification-preferences', { token: expert, method: 'PUT', body: { language: 'de' } });
    expect(badLanguage.status).toBe(400);
    expect(badLanguage.body.errors[0].field).toBe('language');
    expect((await server.request('/api/me/notification-preferences')).status).toBe(401);
    expect((await server.request(`/api/workspaces/${ws}/notifications?kind=nope`, { token: expert })).status).toBe(400);
  });

  it('sends a daily digest at 7:00 Warsaw time with what waited, once, and nothing when nothing waited', async () => {
    await server.request('/api/me/notification-preferences', { token: expert, method: 'PUT', body: { modes: { votes: 'daily' } } });
    await announce('vote_opened:d1', [expertId], 'Pierwsza do podsumowania');
    await announce('vote_opened:d2', [expertId], 'Druga do podsumowania');
    await outbox().idle();
    expect(smtp.to('ekspert@som.example').some((m) => m.subject.includes('do podsumowania'))).toBe(false);

    const digests = server.server.app.get(Digests);
    const tomorrowEarly = new Date(Date.now() + 24 * 3600_000);
    // Before the hour in Warsaw nothing is due; at 7:00 one digest; sweeping again sends nothing more.
    const warsawMidnight = new Date(`${new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(tomorrowEarly)}T03:00:00Z`);
    expect(await digests.sweep(warsawMidnight)).toBe(0);
    const at7 = new Date(warsawMidnight.getTime() + 3 * 3600_000 + 60_000);
    // The expert's digest, and the observer's (who takes votes daily by default).
    expect(await digests.sweep(at7)).toBe(2);
    expect(await digests.sweep(at7)).toBe(0);
    await smtp.waitFor((r) => r.some((m) => m.to.includes('ekspert@som.example') && m.subject.startsWith('[Commonplan] Podsumowanie dnia')), 'the digest');
    await outbox().idle();
    expect(smtp.to('ekspert@som.example').filter((m) => m.subject.includes('Podsumowanie'))).toHaveLength(1);
    const digest = smtp.to('ekspert@som.example').find((m) => m.subject.startsWith('[Commonplan] Podsumowanie dnia'))!;
    expect(digest.subject).toBe('[Commonplan] Podsumowanie dnia: 2 nowe sprawy');
    expect(digest.text).toContain('Głosowania (2):');
    expect(digest.text).toContain('Głosowanie otwarte: Pierwsza do podsumowania');
    expect(digest.text).toContain('Głosowanie otwarte: Druga do podsumowania');
    expect(digest.header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    // Nothing new: the next day's sweep sends nothing.
    expect(await digests.sweep(new Date(at7.getTime() + 24 * 3600_000))).toBe(0);
    await server.request('/api/me/notification-preferences', { token: expert, method: 'PUT', body: { modes: { votes: null } } });
  });

  it('sends a weekly digest on Monday at 7:00 Warsaw time, not on other days', async () => {
    await server.request('/api/me/notification-preferences', { token: expert, method: 'PUT', body: { modes: { votes: 'weekly' } } });
    await announce('vote_opened:w1', [expertId], 'Na tydzień');
    const digests = server.server.app.get(Digests);
    // The next Monday in Warsaw.
    const day = (offset: number) => new Date(Date.now() + offset * 24 * 3600_000);
    let monday = 1;
    while (new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Warsaw', weekday: 'short' }).format(day(monday)) !== 'Mon') monday++;
    const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(day(monday));
    // 7:01 on that Monday as Warsaw's clocks say it, less Warsaw's offset from UTC that day ("GMT+1" or "GMT+2").
    const wallClock = new Date(`${date}T07:01:00Z`);
    const offset = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Warsaw', timeZoneName: 'shortOffset' }).formatToParts(wallClock).find((p) => p.type === 'timeZoneName')!.value;
    const at = new Date(wallClock.getTime() - Number(offset.replace('GMT', '')) * 3600_000);
    expect(await digests.sweep(new Date(at.getTime() - 2 * 3600_000))).toBe(0); // 5:01 on Monday: not yet
    expect(await digests.sweep(at)).toBe(1);
    await smtp.waitFor((r) => r.some((m) => m.to.includes('ekspert@som.example') && m.subject.startsWith('[Commonplan] Podsumowanie tygodnia')), 'the weekly digest');
    const weekly = smtp.to('ekspert@som.example').find((m) => m.subject.startsWith('[Commonplan] Podsumowanie tygodnia'))!;
    expect(weekly.subject).toBe('[Commonplan] Podsumowanie tygodnia: 1 nowa sprawa');
    expect(weekly.text).toContain('Głosowanie otwarte: Na tydzień');
    expect(await digests.sweep(new Date(at.getTime() + 2 * 24 * 3600_000))).toBe(0); // Wednesday of the same week
    await server.request('/api/me/notification-preferences', { token: expert, method: 'PUT', body: { modes: { votes: null } } });
  });

  it('shows coordinators what bounced and failed, and sends a failed one again on request', async () => {
    const [bouncing] = await server.db.query(`INSERT INTO users (email, display_name) VALUES ('nie.ma.skrzynki@som.example', 'Bez skrzynki') RETURNING id`);
    await server.db.query(`INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, 'expert')`, [ws, bouncing.id]);
    await announce('vote_opened:b1', [bouncing.id], 'Do odbicia');
    await outbox().idle();
    const list = await server.request(`/api/workspaces/${ws}/mail-deliveries?status=bounced`, { token: coordinator });
    expect(list.status).toBe(200);
    const bounced = list.body.items.find((i: { address: string }) => i.address === 'nie.ma.skrzynki@som.example');
    expect(bounced).toMatchObject({ status: 'bounced', attempts: 1, kind: 'vote_opened' });
    expect(bounced.lastError).toMatch(/550/);
    expect(list.body.counts.bounced).toBeGreaterThanOrEqual(1);

    expect((await server.request(`/api/workspaces/${ws}/mail-deliveries`, { token: expert })).status).toBe(403);
    // A submitter without an account shows by a masked address only (a title's line break stays out of the subject).
    await server.db.transaction((manager) =>
      notifier().notifyAddresses(manager, {
        key: 'report_published:masked',
        kind: 'report_published',
        workspaceId: ws,
        category: 'reports',
        messages: [{ address: 'Jan.Kowalski@example.com', language: 'pl', message: { subject: 'Sprawozdanie\r\nBcc: x@evil.example', paragraphs: ['Treść'] }, link: '/' }],
      }),
    );
    await smtp.waitFor((r) => r.some((m) => m.to.includes('jan.kowalski@example.com')), 'the submitter’s e-mail');
    const toSubmitter = smtp.to('jan.kowalski@example.com')[0];
    expect(toSubmitter.subject).toBe('[Commonplan] Sprawozdanie Bcc: x@evil.example');
    expect(toSubmitter.header('bcc')).toBeUndefined();
    const all = (await server.request(`/api/workspaces/${ws}/mail-deliveries`, { token: coordinator })).body.items as Array<{ address: string; kind: string }>;
    expect(all.filter((i) => i.kind === 'report_published').map((i) => i.address)).toEqual(['j…@example.com']);
    expect(JSON.stringify(all)).not.toContain('kowalski');
    const sent = (await server.request(`/api/workspaces/${ws}/mail-deliveries?status=sent`, { token: coordinator })).body.items[0];
    const notRetryable = await server.request(`/api/workspaces/${ws}/mail-deliveries/${sent.id}/retry`, { token: coordinator, method: 'POST' });
    expect(notRetryable.status).toBe(409);
    expect(notRetryable.body.code).toBe('mail_not_retryable');
    expect((await server.request(`/api/workspaces/${ws}/mail-deliveries/99999999/retry`, { token: coordinator, method: 'POST' })).status).toBe(404);
    expect((await server.request(`/api/workspaces/${ws}/mail-deliveries/x'1/retry`, { token: coordinator, method: 'POST' })).status).toBe(404);

    // Corrected at the mail server's end, it goes out on request.
    await server.db.query(`UPDATE mail_outbox SET address = 'ekspert@som.example' WHERE id = $1`, [bounced.id]);
    expect((await server.request(`/api/workspaces/${ws}/mail-deliveries/${bounced.id}/retry`, { token: coordinator, method: 'POST' })).status).toBe(204);
    await smtp.waitFor((r) => r.some((m) => m.to.includes('ekspert@som.example') && m.subject.includes('Do odbicia')), 'the retried e-mail');
    await outbox().idle();
    const [row] = await server.db.query(`SELECT status FROM mail_outbox WHERE id = $1`, [bounced.id]);
    expect(row.status).toBe('sent');
  });

  it('sends each message exactly once while two instances take from the outbox', async () => {
    const peer = await server.startPeer();
    try {
      const before = smtp.received.length;
      const recipients: string[] = [];
      for (let i = 0; i < 30; i++) {
        const [user] = await server.db.query(`INSERT INTO users (email, display_name) VALUES ($1, $2) RETURNING id`, [`osoba${i}@gmina.example`, `Osoba ${i}`]);
        await server.db.query(`INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, 'expert')`, [ws, user.id]);
        recipients.push(user.id);
      }
      await announce('vote_opened:many', recipients, 'Dla wszystkich');
      peer.server.app.get(MailOutbox).wake();
      outbox().wake();
      await smtp.waitFor((r) => r.length - before >= 30, 'thirty messages');
      await Promise.all([outbox().idle(), peer.server.app.get(MailOutbox).idle()]);
      const addresses = smtp.received.slice(before).flatMap((m) => m.to);
      expect(addresses).toHaveLength(30);
      expect(new Set(addresses).size).toBe(30);
    } finally {
      await peer.close();
    }
  });

  it('tells the person’s open pages live when their inbox changes, and no one else', async () => {
    const expertSocket = ioClient(server, expert, INBOX_NAMESPACE);
    const coordinatorSocket = ioClient(server, coordinator, INBOX_NAMESPACE);
    try {
      await Promise.all([connected(expertSocket), connected(coordinatorSocket)]);
      expect(await emitAck(expertSocket, INBOX_EVENTS.watch, ws)).toEqual({ ok: true });
      expect(await emitAck(coordinatorSocket, INBOX_EVENTS.watch, ws)).toEqual({ ok: true });
      const otherWorkspace = '00000000-0000-4000-8000-000000000000';
      expect(await emitAck(expertSocket, INBOX_EVENTS.watch, otherWorkspace)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      const heard: string[] = [];
      expertSocket.on(INBOX_EVENTS.event, (workspaceId: string) => heard.push(`expert:${workspaceId}`));
      coordinatorSocket.on(INBOX_EVENTS.event, (workspaceId: string) => heard.push(`coordinator:${workspaceId}`));
      await announce('vote_opened:live', [expertId], 'Na żywo');
      await eventually(() => heard.includes(`expert:${ws}`), 10_000, 'the expert’s inbox event');
      // Marking read is news too.
      const items = (await server.request(`/api/workspaces/${ws}/notifications`, { token: expert })).body.items as Array<{ id: string }>;
      heard.length = 0;
      expect((await server.request(`/api/notifications/${items[0].id}/read`, { token: expert, method: 'POST' })).status).toBe(204);
      await eventually(() => heard.includes(`expert:${ws}`), 10_000, 'the read event');
      expect(heard.some((h) => h.startsWith('coordinator'))).toBe(false);
    } finally {
      expertSocket.close();
      coordinatorSocket.close();
    }
  });

  it('links every notification to a page its recipient may open', async () => {
    const kinds = await expectEveryNotificationReadable(server);
    expect([...kinds]).toEqual(['vote_opened']);
  });
});
