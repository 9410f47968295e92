import { createHash } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { bearerToken, callApi, demoWorkspaceId } from './support/api';
import { COORDINATOR, launchBrowser, openPage, signIn } from './support/browser';

/** axe in Polish, then in English (the page's h1 says which), and back to Polish. */
async function bothLanguagesClean(page: Page, englishHeading: RegExp): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: englishHeading }).waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Polski' }).click();
  await page.getByRole('button', { name: 'English' }).waitFor();
}

/** A small PDF: what the API tells a PDF by (%PDF-) and a body. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

type Body = { id: string; kind: string; rules: unknown };

// The board's rules are changed here (no other browser test uses the board) and put back at the end.
describe('decisions: a body’s rules changed through the form, and a resolution’s attachment', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a coordinator allows proxies on the board and sees the rules in words change, then attaches a PDF to a draft resolution', async () => {
    const token = await bearerToken(COORDINATOR);
    const workspaceId = await demoWorkspaceId(token);
    const board = (await callApi<Body[]>(token, 'GET', `/workspaces/${workspaceId}/bodies`)).find((b) => b.kind === 'board')!;
    const title = `w sprawie regulaminu biura ${Date.now().toString(36)}`;
    const resolution = await callApi<{ id: string }>(token, 'POST', `/workspaces/${workspaceId}/resolutions`, { bodyId: board.id, kind: 'ordinary', title });

    const { context, page, errors } = await openPage(browser);
    try {
      await signIn(page, COORDINATOR);
      await page.goto(`/w/${workspaceId}/decisions`);
      await page.getByRole('heading', { level: 1, name: 'Uchwały' }).waitFor();

      // The board's rules in words: no proxies, for every kind of resolution.
      const rules = page.getByRole('table', { name: 'Zasady głosowania: Zarząd, według rodzaju uchwały' });
      const proxiesColumn = async () => (await rules.locator('tbody tr').all()).map((row) => row.locator('td').nth(4));
      await rules.locator('tbody tr').first().waitFor();
      for (const cell of await proxiesColumn()) expect(await cell.innerText()).toBe('niedopuszczone');

      // Both of the board's forms open (the members' too, for axe).
      await page.getByText('Zmień skład: Zarząd').click();
      await page.getByRole('form', { name: 'Zmień skład: Zarząd' }).getByRole('group', { name: 'Członkowie: Zarząd' }).waitFor();
      await page.getByText('Zmień zasady głosowania: Zarząd').click();
      const form = page.getByRole('form', { name: 'Zmień zasady głosowania: Zarząd' });
      const general = form.getByRole('group', { name: 'Zasady ogólne' });
      await general.getByLabel('Głosowanie przez pełnomocnika').selectOption('true');
      // The sentence follows the form before anything is saved.
      const meaning = form.locator(`#rules-${board.id}-meaning-ordinary`);
      await expect.poll(() => meaning.innerText()).toContain('pełnomocnictwa dopuszczone;');
      for (const cell of await proxiesColumn()) expect(await cell.innerText()).toBe('niedopuszczone');
      await bothLanguagesClean(page, /^Decisions$/);

      await form.getByRole('button', { name: 'Zapisz zasady głosowania' }).click();
      await form.getByText('Zapisano zasady głosowania organu „Zarząd”.').waitFor();
      // Read again after saving, the rules table says it in words.
      for (const cell of await proxiesColumn()) await expect.poll(() => cell.innerText()).toBe('dopuszczone');
      const saved = await callApi<Body>(token, 'GET', `/bodies/${board.id}`);
      expect((saved.rules as { general: { proxiesAllowed: boolean } }).general.proxiesAllowed).toBe(true);

      // The draft's attachments: none yet; a PDF is added.
      const resolutions = page.getByRole('table', { name: 'Uchwały i projekty uchwał, od najnowszych' });
      const row = resolutions.locator('tbody tr').filter({ hasText: title });
      await row.getByRole('button', { name: `Załączniki: 0 – ${title}` }).click();
      const section = page.getByRole('region', { name: `Załączniki: ${title}` });
      await section.getByText('Uchwała nie ma załączników.').waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(`Załączniki: ${title}`);
      await section.getByLabel('Plik załącznika').setInputFiles({ name: 'regulamin-biura.pdf', mimeType: 'application/pdf', buffer: PDF });
      await section.getByRole('button', { name: 'Dodaj załącznik' }).click();
      await section.getByText('Dodano załącznik nr 1 „regulamin-biura.pdf”.').waitFor();
      const attachments = section.getByRole('table', { name: `Załączniki uchwały „${title}”` });
      const [attachment] = await callApi<Array<{ id: string; sha256: string }>>(token, 'GET', `/resolutions/${resolution.id}/attachments`);
      const sha256 = createHash('sha256').update(PDF).digest('hex');
      expect(attachment!.sha256).toBe(sha256);
      const link = attachments.getByRole('link', { name: 'regulamin-biura.pdf' });
      expect(await link.getAttribute('href')).toBe(`/api/resolutions/${resolution.id}/attachments/${attachment!.id}`);
      expect((await attachments.locator('tbody tr').first().innerText()).replace(/\s+/g, ' ')).toContain(`Załącznik nr 1 regulamin-biura.pdf PDF, ${PDF.length} B ${sha256.slice(0, 12)}…`);
      // The link gives the file back as it was sent.
      const download = await context.request.get(await link.getAttribute('href').then((href) => href!));
      expect(Buffer.from(await download.body()).equals(PDF)).toBe(true);
      await row.getByRole('button', { name: `Załączniki: 1 – ${title}` }).waitFor();
      await bothLanguagesClean(page, /^Decisions$/);
      expect(errors).toEqual([]);
    } finally {
      await callApi(token, 'PATCH', `/bodies/${board.id}`, { rules: board.rules });
      await context.close();
    }
  });
});
