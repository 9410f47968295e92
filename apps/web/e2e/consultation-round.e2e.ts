// The whole consultation round in the browser: comments from the public form, a partner and a member's
// representative arriving live in the triage table, a late comment refused, decisions, one proposed wording applied
// to the live draft, and the report published, read back in every format.
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { selectWords } from './support/consultation';
import { bearerToken, callApi, demoWorkspaceId, documentFromMarkdown } from './support/api';
import { baseUrl, COORDINATOR, launchBrowser, openPage, signIn } from './support/browser';
import { editorText, waitUntil } from './support/editor';

const require = createRequire(import.meta.url);
// pdf-parse's own entry reads a sample file when loaded as the main module: take its library file.
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (data: Buffer) => Promise<{ text: string }>;

const PARTNER = 'partner@som.example';
const REPRESENTATIVE = 'przedstawiciel.goleniow@som.example';
const EMAIL = 'maria.wisniewska@example.org';
const MARKDOWN = '# Strategia SSOM 2035\n\n## 1. Diagnoza\n\nDojazdy do Szczecina trwają długo.\n\n## 2. Cele strategiczne\n\nCel 1. Spójny system transportu publicznego. Cel 2. Czyste powietrze.\n';
const EMAIL_PATTERN = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
const REPORT_URL = 'https://bip.som.example/sprawozdania/strategia-2035';

/** Sends a comment signed in as `email`, in their organisation's name. */
async function commentAs(browser: Browser, email: string, workspaceId: string, roundId: string, justification: string): Promise<void> {
  const { context, page, errors } = await openPage(browser);
  await signIn(page, email);
  await page.goto(`/w/${workspaceId}/rounds/${roundId}`);
  await page.getByLabel('Część dokumentu (rozdział, punkt)').fill('1. Diagnoza');
  await page.getByLabel('Uzasadnienie').fill(justification);
  await page.getByRole('button', { name: 'Wyślij uwagę' }).click();
  await page.getByRole('heading', { name: 'Uwaga przyjęta' }).waitFor();
  expect(errors).toEqual([]);
  await context.close();
}

/** Decides on a comment in the open triage table and approves it. */
async function decide(page: Page, number: string, disposition: string, justification: string): Promise<void> {
  await page.getByRole('button', { name: `Otwórz uwagę ${number}` }).click();
  const panel = page.getByRole('region', { name: `Uwaga ${number}` });
  await panel.getByLabel('Rozstrzygnięcie', { exact: true }).selectOption(disposition);
  await panel.getByLabel('Uzasadnienie rozstrzygnięcia').fill(justification);
  await panel.getByRole('button', { name: 'Zapisz rozstrzygnięcie' }).click();
  await page.getByRole('status').filter({ hasText: `Zapisano rozstrzygnięcie uwagi ${number}` }).waitFor();
  await panel.getByRole('button', { name: 'Zatwierdź rozstrzygnięcie' }).click();
  await page.getByRole('status').filter({ hasText: `Zatwierdzono rozstrzygnięcie uwagi ${number}.` }).waitFor();
}

describe('a whole consultation round in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('collects comments, decides on them, puts accepted wording into the draft and publishes the report', async () => {
    const token = await bearerToken(COORDINATOR);
    const workspaceId = await demoWorkspaceId(token);
    const documentId = await documentFromMarkdown(token, workspaceId, 'Strategia SSOM 2035', MARKDOWN);
    const versionId = (await callApi<{ id: string }>(token, 'POST', `/documents/${documentId}/versions`, { name: 'Projekt do konsultacji' })).id;
    const closesAt = new Date(Date.now() + 40_000);
    const roundId = (
      await callApi<{ id: string }>(token, 'POST', `/workspaces/${workspaceId}/rounds`, {
        documentId,
        versionId,
        title: 'Konsultacje Strategii SSOM 2035',
        audiences: ['members', 'partners', 'public'],
        channels: ['online_form', 'email'],
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: closesAt.toISOString(),
      })
    ).id;
    await callApi(token, 'POST', `/rounds/${roundId}/announce`, {});
    await callApi(token, 'POST', `/rounds/${roundId}/open`, {});

    // The coordinator keeps the triage table open while comments come in.
    const staff = await openPage(browser);
    const page = staff.page;
    await signIn(page, COORDINATOR);
    await page.goto(`/w/${workspaceId}/rounds/${roundId}/comments`);
    await page.getByText('Pokazane uwagi: 0').waitFor();
    const rows = () => page.getByRole('table', { name: /Uwagi zgłoszone w konsultacjach/ }).locator('tbody tr');

    const visitor = await openPage(browser);
    await visitor.page.goto(`/consultations/${roundId}`);
    await selectWords(visitor.page, 'Spójny system transportu publicznego');
    await visitor.page.getByRole('button', { name: 'Wskaż zaznaczony fragment' }).click();
    await visitor.page.getByLabel('Proponowane brzmienie').fill('Spójny system transportu publicznego z koleją metropolitalną');
    await visitor.page.getByLabel('Uzasadnienie').fill('Kolej skraca dojazdy do pracy.');
    await visitor.page.getByLabel('Imię i nazwisko').fill('Maria Wiśniewska');
    await visitor.page.getByLabel('Adres e-mail (nieobowiązkowy)').fill(EMAIL);
    await visitor.page.getByRole('button', { name: 'Wyślij uwagę' }).click();
    await visitor.page.getByRole('heading', { name: 'Uwaga przyjęta' }).waitFor();
    const publicNumber = (await visitor.page.getByRole('status').locator('strong').innerText()).trim();
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
    await commentAs(browser, PARTNER, workspaceId, roundId, 'Uczelnia proponuje badania dojazdów.');
    await commentAs(browser, REPRESENTATIVE, workspaceId, roundId, 'Goleniów potrzebuje połączenia kolejowego.');

    // All three arrived in the open table without reloading.
    await expect.poll(async () => rows().count(), { timeout: 10_000 }).toBe(3);
    await page.getByRole('status').filter({ hasText: 'Wpłynęła nowa uwaga.' }).waitFor();
    // In number order: the public comment came first, then the partner's and the representative's.
    const numbers = (await rows().allInnerTexts()).map((row) => row.match(/U\/\d{4}\/\d{4}/)?.[0]);
    expect(numbers[0]).toBe(publicNumber);
    const [, partnerNumber, representativeNumber] = numbers as string[];

    // After the close nothing more is accepted.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, closesAt.getTime() - Date.now() + 500)));
    const late = await fetch(`${baseUrl()}/api/public/rounds/${roundId}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ part: '1. Diagnoza', justification: 'Za późno.', submitter: { kind: 'person', name: 'Jan Spóźniony', type: 'resident' } }),
    });
    expect(late.status).toBe(409);
    await page.goto(`/w/${workspaceId}/rounds/${roundId}`);
    await page.getByRole('button', { name: 'Zamknij zbieranie uwag' }).click();
    await page.getByRole('status').filter({ hasText: 'Runda jest teraz na etapie „Zamknięte”.' }).waitFor();
    // Where the report will be published (the BIP), stated in the report.
    const publication = page.getByRole('form', { name: 'Publikacja i przyjęcie sprawozdania' });
    await publication.getByLabel('Adresy publikacji sprawozdania').fill(REPORT_URL);
    await publication.getByRole('button', { name: 'Zapisz publikację' }).click();
    await publication.getByRole('status').filter({ hasText: 'Zapisano adresy publikacji i uchwałę.' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: /Rozpatrywanie uwag/ }).click();
    await rows().first().waitFor();

    // Decisions with justifications, approved; the accepted wording goes into the live draft, edited.
    await decide(page, publicNumber, 'accepted', 'Kolej metropolitalna jest w planie transportowym.');
    const panel = page.getByRole('region', { name: `Uwaga ${publicNumber}` });
    await panel.getByRole('button', { name: 'Otwórz propozycję w projekcie' }).click();
    expect((await panel.getByRole('deletion').innerText()).trim()).toContain('Spójny system transportu publicznego');
    await panel.getByLabel('Nowe brzmienie fragmentu').fill('Spójny system transportu publicznego z Szczecińską Koleją Metropolitalną');
    expect(await axeViolations(page)).toEqual([]);
    await panel.getByRole('button', { name: 'Zastosuj w projekcie' }).click();
    await page.getByRole('status').filter({ hasText: `Brzmienie z uwagi ${publicNumber} zastosowano w projekcie dokumentu.` }).waitFor();
    await panel.getByText('Zastosowano w projekcie: „Spójny system transportu publicznego z Szczecińską Koleją Metropolitalną”.').waitFor();
    await panel.getByRole('button', { name: 'Zamknij' }).click();
    await decide(page, partnerNumber, 'explanation', 'Badania dojazdów prowadzi już Biuro SSOM.');
    await decide(page, representativeNumber, 'rejected', 'Połączenie jest w innym dokumencie.');

    const draft = await openPage(browser);
    await signIn(draft.page, COORDINATOR);
    await draft.page.goto(`/w/${workspaceId}/d/${documentId}`);
    await waitUntil(() => editorText(draft.page), (text) => text.includes('Cel 1. Spójny system transportu publicznego z Szczecińską Koleją Metropolitalną. Cel 2.'), 10_000, 'the draft with the applied wording');
    await draft.context.close();

    // The report: statistics from the decisions, published as edition 1.
    await page.goto(`/w/${workspaceId}/rounds/${roundId}`);
    await page.getByRole('link', { name: 'Sprawozdanie z konsultacji' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sprawozdanie z przebiegu i wyników konsultacji' }).waitFor();
    const byDisposition = page.getByRole('table', { name: 'Uwagi według rozstrzygnięcia' });
    const dispositionRows = (await byDisposition.locator('tbody tr').allInnerTexts()).map((row) => row.replace(/\s+/g, ' ').trim());
    for (const label of ['uwzględniona 1', 'nieuwzględniona 1', 'wyjaśnienie 1']) expect(dispositionRows.some((row) => row.startsWith(label))).toBe(true);
    const preview = await page.locator('main').innerText();
    expect(preview).toContain('osoba fizyczna nr 1');
    // The main changes name the wording that went into the draft.
    expect(preview).toContain('Spójny system transportu publicznego z Szczecińską Koleją Metropolitalną');
    expect(preview).not.toContain('Maria Wiśniewska');
    // The statutory period counted from the announcement (this round closed after 40 seconds: not kept), and where
    // the report is published.
    expect(preview).toContain('termin ustawowy nie został dochowany');
    expect(preview).toContain(REPORT_URL);
    expect(preview).not.toMatch(EMAIL_PATTERN);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Opublikuj sprawozdanie' }).click();
    await page.getByRole('button', { name: 'Opublikuj wydanie 1' }).click();
    await page.getByRole('status').filter({ hasText: 'Opublikowano wydanie 1.' }).waitFor();
    const hash = (await page.getByLabel('Opublikowane wydanie').innerText()).match(/[0-9a-f]{64}/)?.[0];
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Report on the course and results of the consultation' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Polski' }).click();
    expect(staff.errors).toEqual([]);
    await staff.context.close();

    // Anyone reads it on the round's public page and downloads it in every format; no e-mail address anywhere.
    const reader = await openPage(browser);
    await reader.page.goto(`/consultations/${roundId}`);
    await reader.page.getByRole('heading', { level: 2, name: 'Sprawozdanie z przebiegu i wyników konsultacji' }).waitFor();
    expect(await reader.page.locator('main').innerText()).toContain(hash!);
    expect(await axeViolations(reader.page)).toEqual([]);
    const links = reader.page.locator('.published-report a[href*="/report."]');
    const hrefs = await links.evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
    const formats = hrefs.map((href) => href.match(/report\.(\w+)/)?.[1]);
    expect(new Set(formats)).toEqual(new Set(['pdf', 'docx', 'csv', 'xlsx']));
    for (const href of hrefs) {
      const response = await fetch(`${baseUrl()}${href}`);
      expect(response.status).toBe(200);
      const bytes = Buffer.from(await response.arrayBuffer());
      if (href.includes('.pdf')) {
        const text = (await pdfParse(bytes)).text.replace(/\s+/g, ' ');
        for (const number of [publicNumber, partnerNumber, representativeNumber]) expect(text).toContain(number);
        expect(text).toContain('osoba fizyczna nr 1');
        expect(text).toContain('Kolej metropolitalna jest w planie transportowym.');
        expect(text).toContain('zapis wprowadzony do projektu');
        expect(text).toContain('art. 6 ust. 5 ustawy z dnia 6 grudnia 2006 r. o zasadach prowadzenia polityki rozwoju');
        expect(text.replace(/\s/g, '')).toContain(REPORT_URL);
        expect(text).not.toMatch(EMAIL_PATTERN);
        expect(text).not.toContain('Wiśniewska');
      }
      if (href.includes('.csv')) expect(bytes.toString('utf8')).not.toMatch(EMAIL_PATTERN);
      // DOCX and XLSX are zip archives; their text is checked by the API's tests, here no address in the raw bytes.
      expect(bytes.toString('latin1')).not.toContain(EMAIL);
    }
    expect(reader.errors).toEqual([]);
    await reader.context.close();
  }, 180_000);
});
