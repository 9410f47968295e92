import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { axeViolations } from './support/axe';
import { bearerToken, callApi, demoWorkspaceId, type InvitedPerson, invitePerson } from './support/api';
import { baseUrl, COORDINATOR, launchBrowser, OBSERVER, openPage, signIn } from './support/browser';
import { cuttableProxy } from './support/cuttable-proxy';
import { editor, editorText, waitUntil } from './support/editor';

const connection = (page: Page) => page.locator('#connection-indicator');
const saved = (page: Page) => page.locator('#saved-indicator');
const CONNECTED = 'Połączono: zmiany innych osób widać na bieżąco';
const ALL_SAVED = 'Wszystkie moje zmiany są zapisane na serwerze';

/**
 * The text of the document's copy in the page's IndexedDB (y-indexeddb: a database per person and document, its
 * "updates" store holding Yjs updates), put together in the test process.
 */
async function offlineCopyText(page: Page, documentId: string): Promise<string> {
  const updates = await page.evaluate(async (id) => {
    const name = (await indexedDB.databases()).map((database) => database.name ?? '').find((n) => n.startsWith('commonplan-doc:') && n.endsWith(`:${id}`));
    if (!name) return [];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      if (!db.objectStoreNames.contains('updates')) return [];
      const values = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction('updates', 'readonly').objectStore('updates').getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      return values.map((value) => Array.from(value as Uint8Array));
    } finally {
      db.close();
    }
  }, documentId);
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, Uint8Array.from(update));
  // The shared text's fragment (libs/editor RICH_TEXT_FIELD), its markup left out.
  const text = doc.getXmlFragment('default').toString().replace(/<[^>]*>/g, '');
  doc.destroy();
  return text;
}

/** Opens the document and waits until it is live with the server's text. */
async function openDocument(page: Page, workspaceId: string, documentId: string, hash = ''): Promise<void> {
  await page.goto(`/w/${workspaceId}/d/${documentId}${hash}`);
  await waitUntil(() => connection(page).innerText(), (text) => text === CONNECTED, 15_000, 'the connection indicator');
}

describe('co-drafting in the editor', () => {
  let browser: Browser;
  let coordinatorToken: string;
  let workspaceId: string;
  let documentId: string;
  let expert: InvitedPerson;

  beforeAll(async () => {
    browser = await launchBrowser();
    coordinatorToken = await bearerToken(COORDINATOR);
    workspaceId = await demoWorkspaceId(coordinatorToken);
    expert = await invitePerson(coordinatorToken, workspaceId, {
      email: 'ekspert.edytora@som.example',
      displayName: 'Ekspert Edytora',
      password: 'edytujemy razem strategie',
      role: 'expert',
    });
  });
  // Each test on a document of its own, which the expert may edit: the tests do not depend on one another's text.
  beforeEach(async () => {
    const created = await callApi<{ id: string }>(coordinatorToken, 'POST', `/workspaces/${workspaceId}/documents`, {
      title: 'Program współpracy gmin — próba edytora',
      kind: 'concept',
    });
    documentId = created.id;
    await callApi(coordinatorToken, 'PUT', `/documents/${documentId}/access/${expert.id}`, { access: 'edit' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('two people type into one document and each sees the other’s text and caret live', async () => {
    const a = await openPage(browser);
    const b = await openPage(browser);
    await signIn(a.page, COORDINATOR);
    await signIn(b.page, expert.email, expert.password);
    await openDocument(a.page, workspaceId, documentId);
    await openDocument(b.page, workspaceId, documentId);

    await editor(a.page).click();
    await a.page.keyboard.type('Wspólna wizja metropolii');
    // How fast is npm run bench:sync's to measure (docs/benchmarks.md); here, that text and caret arrive.
    await editor(b.page).getByText('Wspólna wizja metropolii').waitFor();
    const caretOfA = b.page.locator('.collaboration-carets__label', { hasText: 'Koordynator Biura SSOM' });
    await caretOfA.waitFor();

    await editor(b.page).click();
    await b.page.keyboard.press('Control+End');
    await b.page.keyboard.type(' – uzupełnienie eksperta');
    await editor(a.page).getByText('Wspólna wizja metropolii – uzupełnienie eksperta').waitFor();
    await a.page.locator('.collaboration-carets__label', { hasText: 'Ekspert Edytora' }).waitFor();

    // Both are listed for each other, both see everything saved, and the server holds the same text.
    await expect.poll(() => a.page.getByRole('region', { name: 'Kto jeszcze tu jest' }).innerText()).toContain('Ekspert Edytora');
    for (const page of [a.page, b.page]) await waitUntil(() => saved(page).innerText(), (text) => text === ALL_SAVED, 5_000, 'saved');
    const server = await callApi<{ text: string }>(coordinatorToken, 'GET', `/documents/${documentId}/text`);
    expect(server.text).toBe('Wspólna wizja metropolii – uzupełnienie eksperta');

    // A heading made with the toolbar appears in the table of contents with a link that can be shared.
    await editor(a.page).click();
    await a.page.keyboard.press('Control+End');
    await a.page.keyboard.press('Enter');
    await a.page.getByRole('toolbar', { name: 'Formatowanie tekstu' }).getByRole('button', { name: 'Nagłówek rozdziału (poziom 1)' }).click();
    await a.page.keyboard.type('Cele wspólne');
    const contents = b.page.getByRole('navigation', { name: 'Spis treści' });
    const link = contents.getByRole('link', { name: 'Cele wspólne' });
    await link.waitFor({ timeout: 2_000 });
    expect(await link.getAttribute('href')).toBe('#h-cele-wspolne');
    await link.click();
    await expect.poll(() => new URL(b.page.url()).hash).toBe('#h-cele-wspolne');
    expect(await editor(b.page).locator('#h-cele-wspolne').evaluate((heading) => heading.firstChild?.textContent)).toBe('Cele wspólne');

    expect(await axeViolations(b.page)).toEqual([]);
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    await a.context.close();
    await b.context.close();
  });

  it('one goes offline, both edit, it reconnects: both end with the same text and “saved” returns', async () => {
    const proxy = await cuttableProxy(baseUrl());
    const a = await openPage(browser, { baseURL: proxy.url });
    const b = await openPage(browser);
    try {
      await signIn(a.page, COORDINATOR);
      await signIn(b.page, expert.email, expert.password);
      await openDocument(a.page, workspaceId, documentId);
      await openDocument(b.page, workspaceId, documentId);
      const before = await editorText(a.page);

      await proxy.cut();
      await waitUntil(() => connection(a.page).innerText(), (text) => text === 'Brak połączenia z serwerem (offline)', 10_000, 'offline');
      await editor(a.page).click();
      await a.page.keyboard.press('Control+Home');
      await a.page.keyboard.type('Poza siecią. ');
      await expect.poll(() => saved(a.page).innerText()).toMatch(/^Bez połączenia: zmiany czekające na zapis: [1-9]\d*$/);

      await editor(b.page).click();
      await b.page.keyboard.press('Control+End');
      await b.page.keyboard.type(' W sieci.');
      await waitUntil(() => saved(b.page).innerText(), (text) => text === ALL_SAVED, 5_000, 'B saved');
      // Nothing of B's reaches A while the line is cut.
      expect(await editorText(a.page)).not.toContain('W sieci.');

      await proxy.restore();
      await waitUntil(() => connection(a.page).innerText(), (text) => text === CONNECTED, 30_000, 'A reconnected');
      await waitUntil(() => saved(a.page).innerText(), (text) => text === ALL_SAVED, 10_000, 'A saved again');
      const textA = await waitUntil(
        () => editorText(a.page),
        (text) => text.includes('W sieci.') && text.includes('Poza siecią.'),
        5_000,
        'A has both changes',
      );
      const textB = await waitUntil(() => editorText(b.page), (text) => text === textA, 5_000, 'B equals A');
      expect(textB).toBe(textA);
      // Nothing lost, nothing doubled (on an empty document each may have started a paragraph of its own).
      expect(textA.replace(/\n/g, '').length).toBe(before.replace(/\n/g, '').length + 'Poza siecią. '.length + ' W sieci.'.length);
      const server = await callApi<{ text: string }>(coordinatorToken, 'GET', `/documents/${documentId}/text`);
      expect(server.text).toBe(textA);
      expect(a.errors).toEqual([]);
      expect(b.errors).toEqual([]);
    } finally {
      await a.context.close();
      await b.context.close();
      await proxy.close();
    }
  });

  it('keeps what was typed offline in the browser when the tab is closed, sends it when the document is opened again, and forgets it at sign-out', async () => {
    const proxy = await cuttableProxy(baseUrl());
    const a = await openPage(browser, { baseURL: proxy.url });
    try {
      await signIn(a.page, COORDINATOR);
      await openDocument(a.page, workspaceId, documentId);
      await proxy.cut();
      await waitUntil(() => connection(a.page).innerText(), (text) => text === 'Brak połączenia z serwerem (offline)', 10_000, 'offline');
      await editor(a.page).click();
      await a.page.keyboard.press('Control+End');
      await a.page.keyboard.type(' Zapisane tylko w przeglądarce.');
      await expect.poll(() => saved(a.page).innerText()).toMatch(/^Bez połączenia: zmiany czekające na zapis: [1-9]\d*$/);
      // y-indexeddb stores each change in a transaction of its own, after the keystroke: the tab is closed once the
      // browser's copy holds the whole sentence.
      await waitUntil(() => offlineCopyText(a.page, documentId), (text) => text.includes(' Zapisane tylko w przeglądarce.'), 10_000, 'the offline copy in IndexedDB');
      await a.page.close();
      const server = await callApi<{ text: string }>(coordinatorToken, 'GET', `/documents/${documentId}/text`);
      expect(server.text).not.toContain('Zapisane tylko w przeglądarce.');

      await proxy.restore();
      const again = await a.context.newPage();
      await openDocument(again, workspaceId, documentId);
      await waitUntil(() => saved(again).innerText(), (text) => text === ALL_SAVED, 10_000, 'saved after reopening');
      await waitUntil(
        async () => (await callApi<{ text: string }>(coordinatorToken, 'GET', `/documents/${documentId}/text`)).text,
        (text) => text.includes('Zapisane tylko w przeglądarce.'),
        5_000,
        'the server has the offline change',
      );

      const copies = () => again.evaluate(async () => (await indexedDB.databases()).map((database) => database.name ?? '').filter((name) => name.startsWith('commonplan-doc:')));
      expect(await copies()).toHaveLength(1);
      await again.getByRole('button', { name: 'Wyloguj się' }).click();
      await again.waitForURL(/\/login/);
      await waitUntil(copies, (names) => names.length === 0, 5_000, 'offline copies after sign-out');
    } finally {
      await a.context.close();
      await proxy.close();
    }
  });

  it('gives a reader the live text, read-only, without a toolbar', async () => {
    const writer = await openPage(browser);
    await signIn(writer.page, COORDINATOR);
    await openDocument(writer.page, workspaceId, documentId);
    await editor(writer.page).click();
    await writer.page.keyboard.type('Wspólna wizja metropolii');
    await waitUntil(
      async () => (await callApi<{ text: string }>(coordinatorToken, 'GET', `/documents/${documentId}/text`)).text,
      (text) => text === 'Wspólna wizja metropolii',
      10_000,
      'the text stored',
    );
    await writer.context.close();
    const { context, page, errors } = await openPage(browser);
    await signIn(page, OBSERVER);
    await openDocument(page, workspaceId, documentId);
    const box = editor(page);
    await expect.poll(() => box.getAttribute('aria-readonly')).toBe('true');
    expect(await page.getByRole('toolbar').count()).toBe(0);
    const text = await waitUntil(() => editorText(page), (value) => value.includes('Wspólna wizja metropolii'), 10_000, "the writer's text");
    await box.click();
    await page.keyboard.type('nie wolno');
    expect(await editorText(page)).toBe(text);
    expect((await page.getByRole('alert').allInnerTexts()).join('')).toBe('');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
