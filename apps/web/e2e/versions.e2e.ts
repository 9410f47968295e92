import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { bearerToken, callApi, demoWorkspaceId } from './support/api';
import { COORDINATOR, launchBrowser, openPage, signIn } from './support/browser';
import { editor, waitUntil } from './support/editor';

const versionsPanel = (page: Page) => page.getByRole('region', { name: 'Wersje' });

async function serverText(token: string, documentId: string): Promise<string> {
  return (await callApi<{ text: string }>(token, 'GET', `/documents/${documentId}/text`)).text;
}

const waitForServerText = (token: string, documentId: string, accept: (text: string) => boolean) =>
  waitUntil(() => serverText(token, documentId), accept, 10_000, "the server's text");

describe('versions in the browser', () => {
  let browser: Browser;
  let token: string;
  let workspaceId: string;
  let documentId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    token = await bearerToken(COORDINATOR);
    workspaceId = await demoWorkspaceId(token);
    documentId = (await callApi<{ id: string }>(token, 'POST', `/workspaces/${workspaceId}/documents`, { title: 'Koncepcja sieci tras rowerowych', kind: 'concept' })).id;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('freezes a named version, compares it with the live text, opens it and restores it', async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, COORDINATOR);
    await page.goto(`/w/${workspaceId}/d/${documentId}`);
    await page.locator('#connection-indicator', { hasText: 'Połączono' }).waitFor();
    await editor(page).click();
    await page.keyboard.type('Trasa wzdłuż Odry łączy Szczecin z Policami.');
    await waitForServerText(token, documentId, (text) => text.endsWith('Policami.'));

    const panel = versionsPanel(page);
    await panel.getByText('Nie zamrożono jeszcze żadnej wersji.').waitFor();
    await panel.getByLabel('Nazwa wersji').fill('v1.0 — do konsultacji');
    await panel.getByRole('button', { name: 'Zamroź wersję' }).click();
    await panel.getByRole('status').filter({ hasText: 'Zamrożono wersję 1: „v1.0 — do konsultacji”.' }).waitFor();
    const link = panel.getByRole('link', { name: 'Wersja 1: v1.0 — do konsultacji' });
    await link.waitFor();
    // The same name again: the field says why.
    await panel.getByLabel('Nazwa wersji').fill('v1.0 — do konsultacji');
    await panel.getByRole('button', { name: 'Zamroź wersję' }).click();
    await panel.getByText('Inna wersja tego dokumentu ma już tę nazwę.').waitFor();
    expect(await panel.getByLabel('Nazwa wersji').getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);

    // The live text moves on; the comparison shows the change word by word.
    await editor(page).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(' i Goleniowem.');
    await waitForServerText(token, documentId, (text) => text.endsWith('Goleniowem.'));
    await panel.getByRole('button', { name: 'Porównaj' }).click();
    await page.waitForURL(/\/compare\?from=[0-9a-f-]{36}&to=live$/);
    await page.getByRole('heading', { level: 1, name: 'Zmiany: Wersja 1: v1.0 — do konsultacji → Bieżący tekst' }).waitFor();
    const diff = page.getByRole('region', { name: 'Porównanie treści' });
    // What a screen reader reads: each change named, with where it ends.
    await expect.poll(() => diff.locator('del').allTextContents()).toEqual(['[usunięto: Policami. ]']);
    expect(await diff.locator('ins').allTextContents()).toEqual(['[dodano: Policami i Goleniowem. ]']);
    expect(await page.locator('.diff-summary').innerText()).toBe('Dodano słów: 3, usunięto słów: 1.');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Changes: Version 1: v1.0 — do konsultacji → The live text' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Polski' }).click();

    // The version itself, read-only, with its hash; restored as a new change on top of the live text.
    await page.getByRole('link', { name: 'Wróć do dokumentu' }).click();
    await versionsPanel(page).getByRole('link', { name: 'Wersja 1: v1.0 — do konsultacji' }).click();
    await page.getByRole('heading', { level: 1, name: /^Wersja 1: v1.0 — do konsultacji/ }).waitFor();
    const versions = await callApi<Array<{ contentHash: string }>>(token, 'GET', `/documents/${documentId}/versions`);
    expect(await page.locator('code.hash').innerText()).toBe(versions[0]!.contentHash);
    const text = page.getByRole('document', { name: 'Treść wersji 1' });
    await expect.poll(() => text.innerText()).toBe('Trasa wzdłuż Odry łączy Szczecin z Policami.');
    expect(await text.getAttribute('contenteditable')).toBe('false');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: /^Version 1: v1.0 — do konsultacji/ }).waitFor();
    await expect.poll(() => page.getByRole('region', { name: 'Export' }).getByRole('link').allTextContents()).toEqual(['Download PDF', 'Download Word file (DOCX)', 'Download Markdown']);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Polski' }).click();
    await page.getByRole('heading', { level: 1, name: /^Wersja 1: v1.0 — do konsultacji/ }).waitFor();
    await page.getByRole('button', { name: 'Przywróć tę wersję' }).click();
    await page.getByRole('button', { name: 'Przywróć', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Przywrócono treść wersji 1 jako nową zmianę.' }).waitFor();
    expect(await serverText(token, documentId)).toBe('Trasa wzdłuż Odry łączy Szczecin z Policami.');
    await page.getByRole('link', { name: 'Wróć do dokumentu' }).click();
    await editor(page).getByText('Trasa wzdłuż Odry łączy Szczecin z Policami.').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
