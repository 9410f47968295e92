import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { adoptByAssembly, bearerToken, callApi, demoWorkspaceId, documentFromMarkdown } from './support/api';
import { COORDINATOR, launchBrowser, openPage, signIn } from './support/browser';

const MARKDOWN = '# Program współpracy gmin\n\n## Cele\n\nWspólne zakupy energii i transportu.\n';

/**
 * The association's public site, as a resident finds it without signing in: what was adopted (with its hash and
 * files), the consultation open for comments, a record's BIP metadata and export, the accessibility statement; and the
 * coordinator who keeps its contact details. Axe-clean on every page.
 */
describe('the public site', () => {
  let browser: Browser;
  let token: string;
  let workspaceId: string;
  let title: string;
  let roundTitle: string;
  let contentHash: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    token = await bearerToken(COORDINATOR);
    workspaceId = await demoWorkspaceId(token);
    const suffix = Date.now().toString(36);
    title = `Program współpracy gmin ${suffix}`;
    roundTitle = `Konsultacje programu współpracy ${suffix}`;
    const documentId = await documentFromMarkdown(token, workspaceId, title, MARKDOWN, 'sector_plan');
    const version = await callApi<{ id: string; contentHash: string }>(token, 'POST', `/documents/${documentId}/versions`, { name: 'Wersja do przyjęcia' });
    contentHash = version.contentHash;
    const round = await callApi<{ id: string }>(token, 'POST', `/workspaces/${workspaceId}/rounds`, {
      documentId,
      versionId: version.id,
      title: roundTitle,
      audiences: ['public'],
      channels: ['online_form'],
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: new Date(Date.now() + 40 * 24 * 3600 * 1000).toISOString(),
    });
    await callApi(token, 'POST', `/rounds/${round.id}/announce`, {});
    await callApi(token, 'POST', `/rounds/${round.id}/open`, {});
    await adoptByAssembly(token, workspaceId, `w sprawie przyjęcia programu współpracy ${suffix}`, { adoptsVersionId: version.id });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows a resident what was adopted and what is open for comments, with each record’s metadata and export; axe passes', async () => {
    const { context, page, errors } = await openPage(browser);
    await page.goto('/p/ssom');
    await page.getByRole('heading', { level: 1, name: 'Stowarzyszenie „Szczeciński Obszar Metropolitalny”' }).waitFor();
    await expect.poll(() => page.title()).toBe('SSOM: strona publiczna – Commonplan');
    const documents = page.getByRole('region', { name: 'Przyjęte dokumenty' });
    const adopted = documents.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: title }) });
    await adopted.waitFor();
    expect(await adopted.locator('code.hash').innerText()).toBe(contentHash);
    const pdf = await page.request.get((await adopted.getByRole('link', { name: `PDF: ${title}` }).getAttribute('href'))!);
    expect([pdf.status(), pdf.headers()['content-type']]).toEqual([200, 'application/pdf']);
    const docx = await page.request.get((await adopted.getByRole('link', { name: `DOCX: ${title}` }).getAttribute('href'))!);
    expect(docx.status()).toBe(200);
    const open = page.getByRole('region', { name: 'Trwające: można zgłaszać uwagi' });
    await open.getByRole('link', { name: `Zgłoś uwagę: ${roundTitle}` }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // The record's metadata, reached from the document.
    await adopted.getByRole('link', { name: `Metryka: ${title}` }).click();
    await page.getByRole('heading', { level: 2, name: 'Metryka informacji publicznej' }).waitFor();
    const metadata = page.getByRole('region', { name: 'Metryka informacji publicznej' });
    await expect.poll(async () => (await metadata.innerText()).replace(/\s+/g, ' ')).toMatch(/Informację wytworzył Walne Zebranie Członków \(Stowarzyszenie/);
    const history = page.getByRole('table', { name: /^Rejestr zmian:/ });
    expect(await history.getByRole('row').nth(1).innerText()).toContain('Podjęcie uchwały');
    const exported = await page.request.get((await page.getByRole('link', { name: 'Pobierz publikację dla BIP (ZIP: pliki i metryka)' }).getAttribute('href'))!);
    expect([exported.status(), exported.headers()['content-type']]).toEqual([200, 'application/zip']);
    expect(await axeViolations(page)).toEqual([]);

    // The accessibility statement, from the site's own navigation, by keyboard.
    const statementLink = page.getByRole('navigation', { name: 'Strona publiczna stowarzyszenia' }).getByRole('link', { name: 'Deklaracja dostępności' });
    await statementLink.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Deklaracja dostępności' }).waitFor();
    await page.getByText(/Osobą kontaktową jest: Koordynator ds\. dostępności/).waitFor();
    await page.getByRole('table', { name: 'Zbadane strony i wyniki badań' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // The feed announces what was adopted.
    const feed = await page.request.get('/api/public/sites/ssom/feed.atom');
    expect(await feed.text()).toContain(`w sprawie przyjęcia programu współpracy`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lets the coordinator keep the contact details the site shows; axe passes', async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, COORDINATOR);
    await page.getByRole('navigation', { name: 'Nawigacja główna' }).getByRole('link', { name: 'Strona publiczna' }).click();
    await page.getByRole('heading', { level: 1, name: 'Strona publiczna' }).waitFor();
    const phone = page.getByLabel('Telefon biura');
    const number = `+48 91 ${String(Date.now()).slice(-3)} 00 00`;
    await phone.fill(number);
    await page.getByRole('button', { name: 'Zapisz dane' }).click();
    await page.getByRole('status').filter({ hasText: 'Zapisano dane strony publicznej.' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: /^Otwórz stronę publiczną/ }).click();
    await page.getByRole('region', { name: 'Kontakt' }).getByRole('link', { name: number }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
