import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { axeViolations } from './support/axe';
import { bearerToken, callApi, invitePerson } from './support/api';
import { connectProvider } from './support/collab';
import { COORDINATOR, launchBrowser, openPage, signIn } from './support/browser';

const STRATEGY = 'Strategia Rozwoju Szczecińskiego Obszaru Metropolitalnego 2020';
const DOCUMENT_PATH = /\/w\/[0-9a-f-]{36}\/d\/([0-9a-f-]{36})$/;

/** The coordinator's page of the strategy, opened from the dashboard by its link. */
async function openStrategyFromDashboard(page: Page): Promise<string> {
  await page.getByRole('table', { name: /Dokumenty stowarzyszenia/ }).getByRole('link', { name: STRATEGY }).click();
  await page.waitForURL(DOCUMENT_PATH);
  await page.getByRole('heading', { level: 1, name: STRATEGY }).waitFor();
  return page.url();
}

const connection = (page: Page) => page.locator('#connection-indicator');
const presence = (page: Page) => page.getByRole('region', { name: /Kto jeszcze tu jest|Who else is here/ }).getByRole('listitem');
const text = (page: Page) => page.getByRole('region', { name: /Treść dokumentu|Text of the document/ });

async function waitForText(page: Page, locator: () => Promise<string[]>, expected: string[], timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: string[] = [];
  while (Date.now() < deadline) {
    last = await locator();
    if (JSON.stringify(last) === JSON.stringify(expected)) return;
    await page.waitForTimeout(100);
  }
  expect(last).toEqual(expected);
}

/**
 * An ad-hoc expert of the test's own (the demo expert's password and role are changed by other browser tests on
 * this server): invited by the coordinator, invitation accepted, given comment access to the document until a date.
 */
async function invitedExpert(coordinatorToken: string, workspaceId: string, documentId: string) {
  const expert = await invitePerson(coordinatorToken, workspaceId, {
    email: 'ekspertka.strategii@som.example',
    displayName: 'Ekspertka Strategii',
    password: 'strategia dla metropolii',
    role: 'expert',
  });
  const until = '2030-06-30T12:00:00.000Z';
  await callApi(coordinatorToken, 'PUT', `/documents/${documentId}/access/${expert.id}`, { access: 'comment', expiresAt: until });
  return { ...expert, until };
}

describe('a document, live', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens from the dashboard with its title, kind, status and the reader’s access, accessible in both languages', async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, COORDINATOR);
    await openStrategyFromDashboard(page);
    // The reader's own navigation puts the focus on the new page's heading.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('page-heading');
    await expect.poll(() => page.title()).toBe(`${STRATEGY} – SSOM – Commonplan`);
    const facts = page.locator('.document-facts');
    await expect.poll(async () => (await facts.innerText()).replace(/\s+/g, ' ')).toBe('Rodzaj Strategia Etap W przygotowaniu Twój dostęp Edycja');
    await expect.poll(() => page.getByRole('status').allInnerTexts()).toContain('Wszystkie moje zmiany są zapisane na serwerze');
    expect(await page.getByLabel('Tytuł dokumentu').inputValue()).toBe(STRATEGY);
    await expect.poll(() => page.getByLabel('Nowy etap').count()).toBe(1);

    // The live connection opens on the session cookie alone (the web app has no bearer token).
    await waitForText(page, async () => [await connection(page).innerText()], ['Połączono: zmiany innych osób widać na bieżąco']);
    await text(page).getByRole('heading', { name: '1. Wnioski z diagnozy' }).waitFor();
    expect((await page.getByRole('alert').allInnerTexts()).join('')).toBe('');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 2, name: 'Who else is here' }).waitFor();
    await expect.poll(() => page.title()).toBe(`${STRATEGY} – SSOM – Commonplan`);
    await expect.poll(async () => (await facts.innerText()).replace(/\s+/g, ' ')).toBe('Kind Strategy Stage Drafting Your access Edit');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Polski' }).click();
    await page.getByRole('heading', { level: 2, name: 'Kto jeszcze tu jest' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the seeded outline, who else is here, and a paragraph added elsewhere on every open page within seconds', async () => {
    const coordinator = await openPage(browser);
    await signIn(coordinator.page, COORDINATOR);
    const url = await openStrategyFromDashboard(coordinator.page);
    const documentId = DOCUMENT_PATH.exec(new URL(url).pathname)![1];
    const outline = text(coordinator.page);
    await outline.getByRole('heading', { name: '1. Wnioski z diagnozy' }).waitFor();
    // Under the page's h1 the document's own levels are announced one deeper (Chromium's accessibility tree honours
    // aria-level; Playwright's role queries read the element's tag, so the attribute is checked).
    await expect.poll(() => outline.locator('[aria-level="2"]').allInnerTexts()).toEqual(['Strategia Rozwoju Szczecińskiego Obszaru Metropolitalnego']);
    expect(await outline.getByRole('heading', { name: '1. Wnioski z diagnozy' }).getAttribute('aria-level')).toBe('3');

    const coordinatorToken = await bearerToken(COORDINATOR);
    const workspaceId = /\/w\/([0-9a-f-]{36})\//.exec(url)![1];
    const invited = await invitedExpert(coordinatorToken, workspaceId, documentId);
    const expert = await openPage(browser);
    await signIn(expert.page, invited.email, invited.password);
    await expert.page.goto(new URL(url).pathname);
    await expert.page.getByRole('heading', { level: 1, name: STRATEGY }).waitFor();
    await text(expert.page).getByRole('heading', { name: '1. Wnioski z diagnozy' }).waitFor();
    // The expert comments until the end date of the grant: no rename, no status.
    await expect.poll(async () => (await expert.page.locator('.document-facts').innerText()).replace(/\s+/g, ' ')).toContain(
      'Twój dostęp Komentowanie (do 30 cze 2030)',
    );
    expect(await expert.page.getByLabel('Tytuł dokumentu').count()).toBe(0);
    expect(await expert.page.getByLabel('Nowy etap').count()).toBe(0);

    await waitForText(coordinator.page, () => presence(coordinator.page).allInnerTexts(), [invited.displayName]);
    await waitForText(expert.page, () => presence(expert.page).allInnerTexts(), ['Koordynator Biura SSOM']);

    const { doc, provider } = await connectProvider(documentId, coordinatorToken);
    const added = `Akapit dopisany z zewnątrz ${Date.now()}`;
    const paragraph = new Y.XmlElement('paragraph');
    const content = new Y.XmlText();
    content.insert(0, added);
    paragraph.insert(0, [content]);
    const fragment = doc.getXmlFragment('default');
    fragment.insert(fragment.length, [paragraph]);
    // How fast is npm run bench:sync's to measure; here, that it arrives.
    await Promise.all([text(coordinator.page).getByText(added).waitFor(), text(expert.page).getByText(added).waitFor()]);
    expect(await text(coordinator.page).locator('p').last().innerText()).toBe(added);
    // Taken out again, live as well, so that the document is as seeded for the other tests.
    fragment.delete(fragment.length - 1, 1);
    await Promise.all([
      text(coordinator.page).getByText(added).waitFor({ state: 'detached', timeout: 5_000 }),
      text(expert.page).getByText(added).waitFor({ state: 'detached', timeout: 5_000 }),
    ]);
    provider.destroy();
    doc.destroy();

    expect(await axeViolations(coordinator.page)).toEqual([]);
    await coordinator.page.getByRole('button', { name: 'English' }).click();
    await coordinator.page.getByRole('heading', { level: 2, name: 'Who else is here' }).waitFor();
    await waitForText(coordinator.page, async () => [await connection(coordinator.page).innerText()], [
      "Connected: others' changes appear as they are made",
    ]);
    expect(await axeViolations(coordinator.page)).toEqual([]);

    // Leaving the page closes the session: the coordinator is no longer listed on the expert's page.
    await coordinator.page.getByRole('link', { name: 'Back to the dashboard' }).click();
    await coordinator.page.waitForURL(/\/w\/[0-9a-f-]{36}$/);
    await waitForText(expert.page, () => presence(expert.page).allInnerTexts(), []);

    expect(coordinator.errors).toEqual([]);
    expect(expert.errors).toEqual([]);
    await coordinator.context.close();
    await expert.context.close();
  });

  it('lets the coordinator rename the document and change its status, and puts both back', async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, COORDINATOR);
    await openStrategyFromDashboard(page);
    const renamed = `${STRATEGY} (wersja robocza)`;

    const title = page.getByLabel('Tytuł dokumentu');
    await title.fill(renamed);
    await title.press('Enter');
    await page.getByRole('heading', { level: 1, name: renamed }).waitFor();
    await page.getByRole('status').filter({ hasText: `Zmieniono nazwę dokumentu na „${renamed}”.` }).waitFor();
    await expect.poll(() => page.title()).toBe(`${renamed} – SSOM – Commonplan`);

    const stage = page.getByLabel('Nowy etap');
    expect(await stage.locator('option').allInnerTexts()).toEqual(['W przygotowaniu (obecny)', 'W konsultacjach', 'Przyjęty', 'W archiwum']);
    await stage.selectOption('in_consultation');
    await page.getByRole('button', { name: 'Zmień etap' }).click();
    await page.getByRole('status').filter({ hasText: 'Dokument jest teraz na etapie „W konsultacjach”.' }).waitFor();
    await expect.poll(async () => (await page.locator('.document-facts').innerText()).replace(/\s+/g, ' ')).toContain('Etap W konsultacjach');
    await expect.poll(() => stage.locator('option').allInnerTexts()).toEqual(['W konsultacjach (obecny)', 'W przygotowaniu', 'Przyjęty', 'W archiwum']);

    // The dashboard shows the new title and status.
    await page.getByRole('link', { name: 'Wróć do pulpitu' }).click();
    const row = page.getByRole('table', { name: /Dokumenty stowarzyszenia/ }).getByRole('row', { name: new RegExp(renamed.replace(/[()]/g, '\\$&')) });
    await row.waitFor();
    expect(await row.innerText()).toContain('W konsultacjach');

    // Back as it was, for the other browser tests on this server.
    await row.getByRole('link', { name: renamed }).click();
    await page.getByRole('heading', { level: 1, name: renamed }).waitFor();
    await page.getByLabel('Nowy etap').selectOption('drafting');
    await page.getByRole('button', { name: 'Zmień etap' }).click();
    await page.getByRole('status').filter({ hasText: 'Dokument jest teraz na etapie „W przygotowaniu”.' }).waitFor();
    await page.getByLabel('Tytuł dokumentu').fill(STRATEGY);
    await page.getByRole('button', { name: 'Zmień nazwę' }).click();
    await page.getByRole('heading', { level: 1, name: STRATEGY, exact: true }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
