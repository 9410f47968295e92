import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as Y from 'yjs';
import { axeViolations } from './support/axe';
import { bearerToken, callApi, demoWorkspaceId, type InvitedPerson, invitePerson } from './support/api';
import { COORDINATOR, launchBrowser, openPage, signIn } from './support/browser';
import { waitUntil } from './support/editor';
import { headerFollowsInbox } from './support/inbox';

const TITLE = 'Plan powiadomień na żywo';

/** A comment anchor as a client makes it (the server checks that it decodes as Yjs relative positions). */
function someAnchor(): { start: string; end: string } {
  const doc = new Y.Doc();
  const text = doc.getText('passage');
  text.insert(0, 'Cel 1. Powiadomienia.');
  const encode = (index: number) => Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index))).toString('base64');
  const anchor = { start: encode(0), end: encode(6) };
  doc.destroy();
  return anchor;
}

interface OutboxMail {
  to: string;
  subject: string;
  headers: Map<string, string>;
}

/** The e-mails in the server's outbox folder (DATA_DIR/outbox), their headers unfolded (RFC 5322) and decoded. */
function outbox(): OutboxMail[] {
  const folder = join(inject('dataDir'), 'outbox');
  let files: string[] = [];
  try {
    files = readdirSync(folder).filter((f) => f.endsWith('.eml'));
  } catch {
    return [];
  }
  return files.map((file) => {
    const raw = readFileSync(join(folder, file), 'utf8');
    const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
    const headers = new Map<string, string>();
    for (const line of head.split(/\r?\n/)) {
      const colon = line.indexOf(':');
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
    }
    return { to: headers.get('to') ?? '', subject: headers.get('subject') ?? '', headers };
  });
}

/** RFC 2047 encoded words ("=?UTF-8?Q?…?=" and "=?UTF-8?B?…?="), as subjects with Polish letters come. */
function decodeWords(value: string): string {
  return value.replace(/=\?utf-8\?([qb])\?([^?]*)\?=\s*/gi, (_, encoding: string, text: string) =>
    encoding.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (__, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
  );
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Nawigacja główna' });

describe('notifications in the browser', () => {
  let browser: Browser;
  let token: string;
  let workspaceId: string;
  let documentId: string;
  let coordinatorName: string;
  let reader: InvitedPerson;

  beforeAll(async () => {
    browser = await launchBrowser();
    token = await bearerToken(COORDINATOR);
    workspaceId = await demoWorkspaceId(token);
    coordinatorName = (await callApi<{ displayName: string }>(token, 'GET', '/auth/me')).displayName;
    documentId = (await callApi<{ id: string }>(token, 'POST', `/workspaces/${workspaceId}/documents`, { title: TITLE, kind: 'sector_plan' })).id;
    // An observer given comment access: what this test does is all that reaches them. The server's sweeps and the other
    // browser tests on this server notify coordinators and experts (a round's announcement, last days and close:
    // apps/api/src/consultations/round-notifications.ts roundAudience) and members' representatives (meetings, votes,
    // sign-offs: apps/api/src/decisions/decision-notices.ts), the office, representatives and partners of a project's
    // organisations (its steps, the monitoring report: apps/api/src/projects), never an observer, so the counts below
    // are exact.
    reader = await invitePerson(token, workspaceId, {
      email: 'odbiorczyni.powiadomien@som.example',
      displayName: 'Odbiorczyni Powiadomień',
      password: 'powiadomienia przychodza na zywo',
      role: 'observer',
    });
    await callApi(token, 'PUT', `/documents/${documentId}/access/${reader.id}`, { access: 'comment' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  const mention = (body: string) =>
    callApi(token, 'POST', `/documents/${documentId}/comments`, { body: `${body} @${reader.displayName}`, mentions: [reader.id], anchor: someAnchor(), quote: 'Cel 1.' });

  it('a mention raises the other person’s count live; the page groups it; preferences save; the e-mail’s unsubscribe link stops mentions', async () => {
    const { context, page, errors } = await openPage(browser);
    // The header follows the inbox over socket.io: each acknowledgement of its watch says the server is listening.
    const watches: number[] = [];
    const news: number[] = [];
    page.on('websocket', (socket) =>
      socket.on('framereceived', ({ payload }) => {
        if (/^43\/notifications,\d+\[\{"ok":true\}\]/.test(String(payload))) watches.push(Date.now());
        if (String(payload).startsWith(`42/notifications,["inbox-event","${workspaceId}",{"type":"changed"}]`)) news.push(Date.now());
      }),
    );
    const watchingAfter = (seen: number) => waitUntil(async () => watches.length, (n) => n > seen, 10_000, 'the inbox is watched');
    // Before: the document shared with the reader is the one notification waiting.
    const readerToken = await bearerToken(reader.email, reader.password);
    const before = await callApi<{ unread: number; kinds: unknown[] }>(readerToken, 'GET', `/workspaces/${workspaceId}/notifications`);
    expect(before.kinds).toEqual([{ kind: 'document_shared', total: 1, unread: 1 }]);
    await signIn(page, reader.email, reader.password);
    await nav(page).getByRole('link', { name: 'Powiadomienia (nieprzeczytane: 1)' }).waitFor();
    await watchingAfter(0);
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    // ── Live: the coordinator mentions the reader; the count in the header rises without a reload. ──
    await mention('Proszę o opinię do celu 1,');
    await nav(page).getByRole('link', { name: 'Powiadomienia (nieprzeczytane: 2)' }).waitFor();
    // It came as news over the socket.
    await expect.poll(() => news.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

    // ── The notifications page: grouped by kind, in words, axe clean in both languages, usable by keyboard. ──
    await nav(page).getByRole('link', { name: 'Powiadomienia (nieprzeczytane: 2)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Powiadomienia' }).waitFor();
    const mentions = page.getByRole('region', { name: 'Wzmianki (1, nowe: 1)', exact: true });
    await mentions.waitFor();
    // The newest kind first.
    expect(await page.getByRole('main').getByRole('heading', { level: 2 }).allTextContents()).toEqual(['Wzmianki (1, nowe: 1)', 'Udostępnione dokumenty (1, nowe: 1)']);
    expect(await mentions.locator('.notification').first().innerText()).toContain(`${coordinatorName}: wzmianka o Tobie w komentarzu do dokumentu „${TITLE}”`);
    expect(await page.getByRole('region', { name: 'Udostępnione dokumenty (1, nowe: 1)', exact: true }).locator('.notification').innerText()).toContain(
      `${coordinatorName} udostępnia Ci dokument „${TITLE}”: możesz go komentować`,
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('region', { name: 'Mentions (1, 1 new)', exact: true }).waitFor();
    expect(await page.getByRole('region', { name: 'Mentions (1, 1 new)', exact: true }).locator('.notification').first().innerText()).toContain(
      `${coordinatorName} mentioned you in a comment on “${TITLE}”`,
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Polski' }).click();
    await mentions.waitFor();

    // A second mention arrives while the page is open: it joins its group, live.
    await mention('I jeszcze jedno,');
    await page.getByRole('region', { name: 'Wzmianki (2, nowe: 2)', exact: true }).waitFor();
    await nav(page).getByRole('link', { name: 'Powiadomienia (nieprzeczytane: 3)' }).waitFor();
    // The kind's "mark as read", reached with the keyboard.
    await page.getByRole('combobox', { name: 'Rodzaj powiadomień' }).focus();
    const readKind = page.getByRole('button', { name: 'Oznacz jako przeczytane: Wzmianki' });
    await waitUntil(
      async () => {
        await page.keyboard.press('Tab');
        return page.evaluate(() => document.activeElement?.textContent ?? '');
      },
      (text) => text === 'Oznacz jako przeczytane: Wzmianki',
      5_000,
      'Tab reaches the kind’s button',
    );
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Oznaczono jako przeczytane: Wzmianki.' }).waitFor();
    await readKind.waitFor({ state: 'detached' });
    await page.getByRole('region', { name: 'Wzmianki (2)', exact: true }).waitFor();
    await nav(page).getByRole('link', { name: 'Powiadomienia (nieprzeczytane: 1)' }).waitFor();
    // The filter shows one kind.
    await page.getByRole('combobox', { name: 'Rodzaj powiadomień' }).selectOption('document_shared');
    await page.waitForURL(/\/notifications\?kind=document_shared$/);
    await page.getByRole('main').getByRole('heading', { level: 2, name: 'Wzmianki (2)' }).waitFor({ state: 'detached' });
    await page.getByRole('main').getByRole('heading', { level: 2, name: 'Udostępnione dokumenty (1, nowe: 1)' }).waitFor();
    expect(await page.getByRole('main').getByRole('heading', { level: 2 }).allTextContents()).toEqual(['Udostępnione dokumenty (1, nowe: 1)']);
    await page.getByRole('combobox', { name: 'Rodzaj powiadomień' }).selectOption('');
    await page.getByRole('button', { name: 'Oznacz wszystkie jako przeczytane' }).click();
    await page.getByRole('status').filter({ hasText: 'Oznaczono wszystkie powiadomienia jako przeczytane.' }).waitFor();
    await nav(page).getByRole('link', { name: 'Powiadomienia', exact: true }).waitFor();
    // Opening one leads to its thread.
    await page.getByRole('region', { name: 'Wzmianki (2)', exact: true }).getByRole('link', { name: 'Otwórz komentarz' }).first().click();
    await page.waitForURL(new RegExp(`/w/${workspaceId}/d/${documentId}#thread-[0-9a-f-]{36}$`));

    // ── Preferences on the account page: saved with a confirmation, kept after a reload. ──
    await page.goto('/account#notifications');
    const preferences = page.getByRole('region', { name: 'Powiadomienia', exact: true });
    const votes = preferences.getByRole('group', { name: 'Głosowania' });
    await votes.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('notification-preferences-heading');
    expect(await preferences.getByRole('group', { name: 'Wzmianki i odpowiedzi' }).getByRole('radio', { name: 'Od razu (domyślnie)' }).isChecked()).toBe(true);
    await votes.getByRole('radio', { name: 'Cotygodniowe podsumowanie' }).check();
    await preferences.getByRole('group', { name: 'Dokumenty' }).getByRole('radio', { name: 'Wyłączone' }).check();
    await preferences.getByRole('button', { name: 'Zapisz ustawienia powiadomień' }).click();
    await preferences.getByRole('status').filter({ hasText: 'Zapisano ustawienia powiadomień.' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.reload();
    await votes.waitFor();
    expect(await votes.getByRole('radio', { name: 'Cotygodniowe podsumowanie' }).isChecked()).toBe(true);
    expect(await preferences.getByRole('group', { name: 'Dokumenty' }).getByRole('radio', { name: 'Wyłączone' }).isChecked()).toBe(true);
    // Switching the pages to English leaves the e-mails in Polish.
    await page.getByRole('button', { name: 'English' }).click();
    const language = page.getByRole('group', { name: 'Language of e-mails' });
    await language.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.reload();
    await language.waitFor();
    expect(await language.getByRole('radio', { name: 'Polski' }).isChecked()).toBe(true);
    expect((await callApi<{ language: string }>(readerToken, 'GET', '/me/notification-preferences')).language).toBe('pl');
    await page.getByRole('button', { name: 'Polski' }).click();
    await preferences.getByRole('group', { name: 'Głosowania' }).waitFor();

    // ── The first mention's e-mail: its List-Unsubscribe header leads to the unsubscribe page, signed out. ──
    const mail = await waitUntil(
      async () => outbox().find((m) => m.to.includes(reader.email) && m.subject.includes(TITLE)) ?? null,
      (found) => found !== null,
      15_000,
      'the mention e-mail in the outbox',
    );
    expect(mail!.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const oneClick = /^<([^>]+)>$/.exec(mail!.headers.get('list-unsubscribe') ?? '')?.[1] ?? '';
    const unsubscribeToken = new URL(oneClick).searchParams.get('token')!;
    expect(unsubscribeToken).toBeTruthy();

    const stranger = await openPage(browser);
    await stranger.page.goto(`/unsubscribe?token=${encodeURIComponent(unsubscribeToken)}`);
    await stranger.page.getByRole('heading', { level: 1, name: 'Wypisanie z wiadomości e-mail' }).waitFor();
    await stranger.page.getByText('Ten link wyłącza wiadomości e-mail z kategorii:').waitFor();
    expect(await stranger.page.getByRole('main').getByRole('listitem').allTextContents()).toEqual(['Wzmianki i odpowiedzi']);
    expect(await axeViolations(stranger.page)).toEqual([]);
    await stranger.page.getByRole('button', { name: 'Wypisz mnie' }).click();
    await stranger.page.getByRole('status').filter({ hasText: 'Gotowe. Nie dostaniesz już wiadomości e-mail z tych kategorii.' }).waitFor();
    expect(await axeViolations(stranger.page)).toEqual([]);
    // A damaged link says so.
    await stranger.page.goto(`/unsubscribe?token=${encodeURIComponent(`${unsubscribeToken}x`)}`);
    await stranger.page.getByRole('alert').filter({ hasText: 'Ten link do wypisania się jest nieprawidłowy. Skopiuj cały link z wiadomości.' }).waitFor();
    expect(stranger.errors).toEqual([]);
    await stranger.context.close();

    // The account page shows mentions off.
    await page.reload();
    await preferences.getByRole('group', { name: 'Wzmianki i odpowiedzi' }).waitFor();
    expect(await preferences.getByRole('group', { name: 'Wzmianki i odpowiedzi' }).getByRole('radio', { name: 'Wyłączone' }).isChecked()).toBe(true);

    // A third mention: in the inbox, live, but no e-mail (its e-mail would be queued in the same transaction).
    const seen = watches.length;
    await page.goto(`/w/${workspaceId}`);
    await watchingAfter(seen);
    await mention('Na koniec,');
    // The header follows the inbox live to exactly this mention; a failure says what the header and the inbox held.
    await headerFollowsInbox(page, workspaceId, (inbox) => inbox.unread === 1 && inbox.items.filter((i) => !i.read).every((i) => i.kind === 'mention'), 'the third mention, alone unread');
    const deliveries = await callApi<{ items: Array<{ address: string; subject: string }> }>(token, 'GET', `/workspaces/${workspaceId}/mail-deliveries`);
    expect(deliveries.items.filter((d) => d.address === reader.email && d.subject.includes(TITLE))).toHaveLength(2);

    expect(errors).toEqual([]);
    await context.close();
  });

  it('coordinators see the workspace’s e-mail deliveries, linked from the people page', async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, COORDINATOR);
    await nav(page).getByRole('link', { name: 'Osoby' }).click();
    await page.getByRole('link', { name: 'Wysyłka e-maili' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wysyłka e-maili' }).waitFor();
    const table = page.getByRole('table', { name: 'Najnowsze wiadomości e-mail (do 200)' });
    await table.waitFor();
    const row = table.getByRole('row').filter({ hasText: reader.email }).filter({ hasText: TITLE }).first();
    await row.waitFor();
    expect(await row.innerText()).toMatch(/wysłana|oczekuje/);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('combobox', { name: 'Stan' }).selectOption('bounced');
    await page.waitForURL(/\/mail\?status=bounced$/);
    await page.getByText('Brak wiadomości.').or(table).first().waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'E-mail deliveries' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Polski' }).click();
    expect(errors).toEqual([]);
    await context.close();

    // Others have no such page.
    const other = await openPage(browser);
    await signIn(other.page, reader.email, reader.password);
    await other.page.goto(`/w/${workspaceId}/mail`);
    await other.page.getByRole('heading', { level: 1, name: 'Brak uprawnień' }).waitFor();
    expect(await other.page.getByRole('table', { name: 'Najnowsze wiadomości e-mail (do 200)' }).count()).toBe(0);
    await other.context.close();
  });
});
