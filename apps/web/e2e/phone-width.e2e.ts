// A phone 390 px wide (a touch screen): the pages people use on one scroll only up and down. Long words, hashes and
// tables in the consulted text, the comment form, the meeting page, the search results, the report and the public site must not widen the page; and the
// passage picker tells a finger, not a mouse, what to do.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerToken, callApi, demoWorkspaceId, documentFromMarkdown } from './support/api';
import { baseUrl, COORDINATOR, launchBrowser, signIn } from './support/browser';
import { waitUntil } from './support/editor';
import { fitsThePhone, PHONE } from './support/page-checks';

const LONG_WORD = 'Konstantynopolitańczykowianeczkówna'.repeat(3);
const MARKDOWN = [
  '# Strategia rozwoju Szczecińskiego Obszaru Metropolitalnego',
  '',
  '## 1. Diagnoza',
  '',
  `Dojazdy do Szczecina trwają długo. Słowo bez przerw: ${LONG_WORD}. Adres: https://bip.example.gov.pl/${'a'.repeat(80)}/uchwala.pdf`,
  '',
  '| Gmina | Mieszkańcy 2024 | Dojazd do Szczecina (min) | Linie autobusowe | Linie kolejowe | Uwagi do rozkładu jazdy |',
  '|---|---|---|---|---|---|',
  '| Gmina Miasto Świnoujście | 40 000 | 95 | 3 | 1 | Potrzebne połączenia wieczorne i weekendowe |',
  '| Gmina Kołbaskowo | 12 000 | 25 | 4 | 0 | Brak kolei, autobusy co godzinę |',
  '',
  '## 2. Cele strategiczne',
  '',
  'Cel 1. Spójny system transportu publicznego. Cel 2. Czyste powietrze.',
  '',
].join('\n');

describe('at phone width (390 × 844, touch): nothing scrolls sideways', () => {
  let browser: Browser;
  let token: string;
  let workspaceId: string;
  let roundId: string;
  let meetingId: string;
  let comment: { id: string; editSecret?: string };
  const contexts: BrowserContext[] = [];

  async function phonePage(): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ baseURL: baseUrl(), viewport: PHONE, isMobile: true, hasTouch: true, locale: 'pl-PL' });
    contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    return { page, errors };
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    token = await bearerToken(COORDINATOR);
    workspaceId = await demoWorkspaceId(token);
    const suffix = Date.now().toString(36);
    const documentId = await documentFromMarkdown(token, workspaceId, `Strategia metropolitalna ${suffix}`, MARKDOWN);
    const versionId = (await callApi<{ id: string }>(token, 'POST', `/documents/${documentId}/versions`, { name: 'Projekt do konsultacji społecznych' })).id;
    roundId = (
      await callApi<{ id: string }>(token, 'POST', `/workspaces/${workspaceId}/rounds`, {
        documentId,
        versionId,
        title: `Konsultacje strategii metropolitalnej ${suffix}`,
        audiences: ['members', 'partners', 'public'],
        channels: ['online_form', 'email'],
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: new Date(Date.now() + 35 * 24 * 60 * 60 * 1000).toISOString(),
      })
    ).id;
    await callApi(token, 'POST', `/rounds/${roundId}/announce`, {});
    await callApi(token, 'POST', `/rounds/${roundId}/open`, {});
    comment = await callApi<{ id: string; editSecret?: string }>(null, 'POST', `/public/rounds/${roundId}/comments`, {
      part: '1. Diagnoza',
      currentWording: `Słowo bez przerw: ${LONG_WORD}.`,
      proposedWording: `${LONG_WORD} — do skrócenia.`,
      justification: `Uzasadnienie z adresem https://example.gov.pl/${'b'.repeat(90)} i słowem ${LONG_WORD}.`,
      submitter: { kind: 'institution', name: `Stowarzyszenie ${LONG_WORD}`, type: 'other' },
    });
    const bodies = await callApi<Array<{ id: string; kind: string }>>(token, 'GET', `/workspaces/${workspaceId}/bodies`);
    const assemblyId = bodies.find((b) => b.kind === 'general_assembly')!.id;
    const resolution = await callApi<{ id: string }>(token, 'POST', `/workspaces/${workspaceId}/resolutions`, {
      bodyId: assemblyId,
      kind: 'ordinary',
      title: `w sprawie przyjęcia programu współpracy gmin ${suffix}`,
    });
    meetingId = (
      await callApi<{ id: string }>(token, 'POST', `/workspaces/${workspaceId}/meetings`, {
        bodyId: assemblyId,
        title: `Walne Zebranie Członków ${suffix}`,
        startsAt: new Date().toISOString(),
        place: 'Szczecin, Urząd Miasta, sala sesyjna',
        agenda: [resolution.id],
      })
    ).id;
    await callApi(token, 'POST', `/meetings/${meetingId}/open`, {});
    await callApi(token, 'POST', `/resolutions/${resolution.id}/votes`, { meetingId });
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });

  it('the public round page with the comment form, and its passage picker speaking of touch', async () => {
    const { page, errors } = await phonePage();
    await page.goto(`/consultations/${roundId}`);
    await page.getByRole('heading', { level: 2, name: 'Zgłoś uwagę' }).waitFor();
    const text = page.getByRole('textbox', { name: /Konsultowany tekst/ });
    await text.waitFor();
    // A finger, not a mouse: the hint says how to select by touch.
    const hint = page.locator('#passage-picker-hint');
    expect(await hint.innerText()).toMatch(/palcem/);
    expect(await hint.innerText()).not.toMatch(/myszą/);
    // The hint stands above the text, not over it, and stays there while the text scrolls.
    const [hintBox, textBox] = [await hint.boundingBox(), await text.boundingBox()];
    expect(hintBox!.y + hintBox!.height).toBeLessThanOrEqual(textBox!.y + 0.5);
    await fitsThePhone(page);
    // The form below the text too, with its fields filled with long words.
    await page.getByLabel('Część dokumentu (rozdział, punkt)').fill(LONG_WORD);
    await page.getByLabel('Uzasadnienie').fill(LONG_WORD);
    await fitsThePhone(page);
    expect(errors).toEqual([]);
  });

  it("a submitter's own comment, with long words, opened from the receipt's link", async () => {
    const { page, errors } = await phonePage();
    await page.goto(`/consultations/${roundId}/comments/${comment.id}#kod=${encodeURIComponent(comment.editSecret!)}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByText(`${LONG_WORD} — do skrócenia.`).first().waitFor();
    await fitsThePhone(page);
    expect(errors).toEqual([]);
  });

  it('the meeting page with its quorum, agenda, vote and speakers, and its projector view', async () => {
    const { page, errors } = await phonePage();
    await signIn(page, COORDINATOR);
    await page.goto(`/w/${workspaceId}/meetings/${meetingId}`);
    await page.locator('#quorum').waitFor();
    await page.locator('#agenda-heading').waitFor();
    // The speakers' list loads after the meeting: measured only once it is there (the chair's forms with it).
    await page.locator('#speakers-item').waitFor();
    await fitsThePhone(page);
    // The projector view, meant for a room's screen, still reads on a phone: the vote open now, in one column.
    await page.goto(`/w/${workspaceId}/meetings/${meetingId}/projector`);
    await page.locator('#projector-vote').waitFor();
    await fitsThePhone(page);
    expect(errors).toEqual([]);
  });

  it('the search results, with a long word in the passages and titles found', async () => {
    const q = LONG_WORD.toLowerCase();
    const found = (answer: { groups: Array<{ kind: string }> }) => ['document', 'consultation_comment'].every((kind) => answer.groups.some((g) => g.kind === kind));
    // The index catches up within seconds of the set-up's changes.
    await waitUntil(() => callApi<{ groups: Array<{ kind: string }> }>(token, 'GET', `/workspaces/${workspaceId}/search?q=${encodeURIComponent(q)}`), found, 15_000, 'the long word indexed');
    const { page, errors } = await phonePage();
    await signIn(page, COORDINATOR);
    await page.goto(`/w/${workspaceId}/search?q=${encodeURIComponent(q)}`);
    await page.getByRole('region', { name: /^Dokumenty/ }).waitFor();
    await page.getByRole('region', { name: /^Uwagi w konsultacjach/ }).waitFor();
    await fitsThePhone(page);
    expect(errors).toEqual([]);
  });

  it("the consultation's report with its tables of comments", async () => {
    const { page, errors } = await phonePage();
    await signIn(page, COORDINATOR);
    await page.goto(`/w/${workspaceId}/rounds/${roundId}/report`);
    await page.getByRole('heading', { level: 1, name: 'Sprawozdanie z przebiegu i wyników konsultacji' }).waitFor();
    await page.locator('.report-publish').waitFor();
    await fitsThePhone(page);
    expect(errors).toEqual([]);
  });

  it("the association's public site, a record's metadata and the accessibility statement", async () => {
    const { page, errors } = await phonePage();
    await page.goto('/p/ssom');
    await page.getByRole('region', { name: 'Konsultacje' }).waitFor();
    await fitsThePhone(page);
    await page.goto(`/p/ssom/records/consultation/${roundId}`);
    await page.getByRole('table', { name: /^Rejestr zmian:/ }).waitFor();
    await fitsThePhone(page);
    await page.goto('/p/ssom/accessibility');
    await page.getByRole('table', { name: 'Zbadane strony i wyniki badań' }).waitFor();
    await fitsThePhone(page);
    expect(errors).toEqual([]);
  });
});
