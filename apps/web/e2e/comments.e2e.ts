import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { bearerToken, callApi, demoWorkspaceId, type InvitedPerson, invitePerson } from './support/api';
import { COORDINATOR, launchBrowser, openPage, signIn } from './support/browser';
import { editor, editorText, waitUntil } from './support/editor';
import { headerFollowsInbox, type Inbox } from './support/inbox';

const comments = (page: Page) => page.getByRole('region', { name: 'Komentarze' });
/** The text of the passages marked in the editor. */
const marked = (page: Page) => editor(page).locator('.comment-passage').allTextContents();
const until = <T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 10_000) => waitUntil(read, accept, timeoutMs, what);

describe('comments in the browser', () => {
  let browser: Browser;
  let token: string;
  let workspaceId: string;
  let documentId: string;
  let expert: InvitedPerson;

  beforeAll(async () => {
    browser = await launchBrowser();
    token = await bearerToken(COORDINATOR);
    workspaceId = await demoWorkspaceId(token);
    documentId = (await callApi<{ id: string }>(token, 'POST', `/workspaces/${workspaceId}/documents`, { title: 'Plan mobilności', kind: 'sector_plan' })).id;
    expert = await invitePerson(token, workspaceId, {
      email: 'ekspertka.komentarzy@som.example',
      displayName: 'Ekspertka Komentarzy',
      password: 'komentujemy strategie razem',
      role: 'expert',
    });
    await callApi(token, 'PUT', `/documents/${documentId}/access/${expert.id}`, { access: 'comment' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a commenter selects a passage with the keyboard and comments; the anchor follows edits before, inside and after it; mentions notify; replies and resolving are live', async () => {
    // Other tests on the same server and the server's sweeps notify the coordinator too, at any moment: the header is
    // held against the inbox, which must hold this test's mention.
    const mentionOf = (inbox: Inbox) => inbox.items.find((n) => n.kind === 'mention' && n.document?.title === 'Plan mobilności');
    const a = await openPage(browser);
    const b = await openPage(browser);
    await signIn(a.page, COORDINATOR);
    await signIn(b.page, expert.email, expert.password);
    for (const page of [a.page, b.page]) {
      await page.goto(`/w/${workspaceId}/d/${documentId}`);
      await page.locator('#connection-indicator', { hasText: 'Połączono' }).waitFor();
    }
    await editor(a.page).click();
    await a.page.keyboard.type('Wstęp.');
    await a.page.keyboard.press('Enter');
    await a.page.keyboard.type('Cel 1. Kolej metropolitalna łączy gminy.');
    await editor(b.page).getByText('Cel 1. Kolej metropolitalna łączy gminy.').waitFor();

    // The commenter cannot type, but selects with the keyboard.
    await editor(b.page).click();
    await b.page.keyboard.type('x');
    expect(await editor(b.page).innerText()).not.toContain('x');
    await b.page.keyboard.press('Control+End');
    await b.page.keyboard.press('Home');
    for (let i = 0; i < 'Cel 1. '.length; i++) await b.page.keyboard.press('ArrowRight');
    for (let i = 0; i < 'Kolej metropolitalna'.length; i++) await b.page.keyboard.press('Shift+ArrowRight');
    await comments(b.page).getByText('Komentujesz: „Kolej metropolitalna”').waitFor();
    // A mention as it is typed: "@" and the first letters list the people, Enter inserts the one highlighted.
    const field = comments(b.page).getByRole('combobox', { name: 'Treść komentarza' });
    await field.pressSequentially('Czy obejmuje to Goleniów? @Koord');
    await comments(b.page).getByRole('option', { name: /^Koordynator Biura SSOM/, selected: true }).waitFor();
    expect(await field.getAttribute('aria-expanded')).toBe('true');
    await b.page.keyboard.press('Enter');
    await expect.poll(() => field.getAttribute('aria-expanded')).toBe('false');
    await comments(b.page).getByRole('button', { name: 'Dodaj komentarz' }).click();
    await comments(b.page).getByRole('status').filter({ hasText: 'Dodano komentarz.' }).waitFor();
    await comments(b.page).getByText('Czy obejmuje to Goleniów? @Koordynator Biura SSOM').waitFor();
    expect(await until(() => marked(b.page), (m) => m.join('') === 'Kolej metropolitalna', 'B marks the passage')).toEqual(['Kolej metropolitalna']);

    // Live on the coordinator's page.
    await comments(a.page).getByText('Czy obejmuje to Goleniów? @Koordynator Biura SSOM').waitFor({ timeout: 5_000 });
    await until(() => marked(a.page), (m) => m.join('') === 'Kolej metropolitalna', 'A marks the passage');

    // Edits before, inside and after the passage.
    await editor(a.page).click();
    await a.page.keyboard.press('Control+End');
    await a.page.keyboard.type(' Do 2030 r.');
    await a.page.keyboard.press('Home');
    await a.page.keyboard.type('Najważniejsze: ');
    for (let i = 0; i < 'Cel 1. Kolej'.length; i++) await a.page.keyboard.press('ArrowRight');
    await a.page.keyboard.type(' szybka');
    for (const page of [a.page, b.page]) {
      await until(() => marked(page), (m) => m.join('') === 'Kolej szybka metropolitalna', 'the passage after the edits');
    }
    await until(() => editorText(b.page), (text) => text === 'Wstęp.\nNajważniejsze: Cel 1. Kolej szybka metropolitalna łączy gminy. Do 2030 r.', 'B has the edits');
    expect(await axeViolations(b.page)).toEqual([]);

    // The mention is a notification, counted in the open page's header without a reload: from it to the thread.
    await headerFollowsInbox(a.page, workspaceId, (inbox) => mentionOf(inbox)?.read === false, 'the header counting the unread mention');
    await a.page.getByRole('navigation', { name: 'Nawigacja główna' }).getByRole('link', { name: /^Powiadomienia \(nieprzeczytane: \d+\)$/ }).click();
    await a.page.getByRole('heading', { level: 1, name: 'Powiadomienia' }).waitFor();
    const mention = a.page.locator('.notification').filter({ hasText: 'Plan mobilności' });
    expect(await mention.first().innerText()).toContain('Ekspertka Komentarzy: wzmianka o Tobie w komentarzu do dokumentu „Plan mobilności”');
    expect(await axeViolations(a.page)).toEqual([]);
    await a.page.getByRole('button', { name: 'English' }).click();
    await a.page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await expect.poll(() => mention.first().innerText()).toContain('Ekspertka Komentarzy mentioned you in a comment on “Plan mobilności”');
    expect(await axeViolations(a.page)).toEqual([]);
    await a.page.getByRole('button', { name: 'Polski' }).click();
    await a.page.getByRole('heading', { level: 1, name: 'Powiadomienia' }).waitFor();
    await mention.first().getByRole('link', { name: 'Otwórz komentarz' }).click();
    await a.page.waitForURL(/#thread-[0-9a-f-]{36}$/);
    const thread = a.page.locator('article.thread--active');
    await thread.waitFor();
    await expect.poll(() => a.page.evaluate(() => document.activeElement?.id)).toMatch(/^thread-/);
    // Opened, the mention is read, and the header follows.
    await headerFollowsInbox(a.page, workspaceId, (inbox) => mentionOf(inbox)?.read === true, 'the header after the mention was read');

    // A reply appears live for the commenter; resolving moves the thread away from the open ones, for both.
    await thread.getByLabel('Odpowiedź').fill('Tak, Goleniów jest w obszarze.');
    await thread.getByRole('button', { name: 'Odpowiedz' }).click();
    await comments(b.page).getByText('Tak, Goleniów jest w obszarze.').waitFor({ timeout: 5_000 });
    await comments(b.page).getByRole('button', { name: 'Oznacz jako rozwiązany' }).click();
    for (const page of [a.page, b.page]) {
      await comments(page).getByText('Rozwiązane wątki (1)').waitFor({ timeout: 5_000 });
      await until(() => marked(page), (m) => m.length === 0, 'no open passage marked');
    }
    await comments(b.page).getByText('Rozwiązane wątki (1)').click();
    await comments(b.page).getByRole('button', { name: 'Otwórz ponownie' }).click();
    await comments(a.page).getByText('Otwarte wątki (1)').waitFor({ timeout: 5_000 });

    // The whole passage deleted: the thread stays, marked, with the words it had.
    await editor(a.page).click();
    await a.page.keyboard.press('Control+End');
    await a.page.keyboard.press('Shift+Home');
    await a.page.keyboard.press('Backspace');
    for (const page of [a.page, b.page]) await comments(page).getByText('Fragment usunięty z tekstu').waitFor({ timeout: 5_000 });
    expect(await comments(b.page).locator('del').first().textContent()).toBe('„Kolej metropolitalna”');
    await a.page.getByRole('button', { name: 'English' }).click();
    await comments(a.page).page().getByRole('region', { name: 'Comments' }).getByText('Passage deleted from the text').waitFor();
    expect(await axeViolations(a.page)).toEqual([]);
    await a.page.getByRole('button', { name: 'Polski' }).click();

    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    await a.context.close();
    await b.context.close();
  });
});
