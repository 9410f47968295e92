import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { selectWords } from './support/consultation';
import { bearerToken, callApi, demoWorkspaceId, documentFromMarkdown } from './support/api';
import { COORDINATOR, launchBrowser, openPage, signIn } from './support/browser';
import { waitUntil } from './support/editor';

const PARTNER = 'partner@som.example';
const REPRESENTATIVE = 'przedstawiciel.police@som.example';
const MARKDOWN = '# Strategia transportu\n\n## 1. Diagnoza\n\nDojazdy do Szczecina trwają długo.\n\n## 2. Cele strategiczne\n\nCel 1. Spójny system transportu publicznego. Cel 2. Czyste powietrze.\n';

describe('commenting in a consultation round: the public form, members and partners signed in, live for staff', () => {
  let browser: Browser;
  let token: string;
  let workspaceId: string;

  /** A round open for comments on a fresh document; closes after `closesInMs`. */
  async function openRound(title: string, closesInMs = 35 * 24 * 60 * 60 * 1000): Promise<string> {
    const documentId = await documentFromMarkdown(token, workspaceId, `${title} – dokument`, MARKDOWN);
    const versionId = (await callApi<{ id: string }>(token, 'POST', `/documents/${documentId}/versions`, { name: 'Projekt do konsultacji' })).id;
    const round = await callApi<{ id: string }>(token, 'POST', `/workspaces/${workspaceId}/rounds`, {
      documentId,
      versionId,
      title,
      audiences: ['members', 'partners', 'public'],
      channels: ['online_form', 'email'],
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: new Date(Date.now() + closesInMs).toISOString(),
    });
    await callApi(token, 'POST', `/rounds/${round.id}/announce`, {});
    await callApi(token, 'POST', `/rounds/${round.id}/open`, {});
    return round.id;
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    token = await bearerToken(COORDINATOR);
    workspaceId = await demoWorkspaceId(token);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a resident picks the passage in the consulted text and gets a numbered receipt, while the coordinator sees the comment arrive', async () => {
    const roundId = await openRound('Konsultacje strategii transportu');
    const staff = await openPage(browser);
    await signIn(staff.page, COORDINATOR);
    await staff.page.goto(`/w/${workspaceId}/rounds/${roundId}`);
    await staff.page.getByRole('heading', { level: 1, name: 'Konsultacje strategii transportu' }).waitFor();
    const facts = staff.page.locator('.round-facts');
    expect((await facts.innerText()).replace(/\s+/g, ' ')).toContain('Uwagi 0');

    const visitor = await openPage(browser);
    await visitor.page.goto(`/consultations/${roundId}`);
    await visitor.page.getByRole('heading', { level: 2, name: 'Zgłoś uwagę' }).waitFor();
    expect(await axeViolations(visitor.page)).toEqual([]);
    await selectWords(visitor.page, 'Spójny system transportu publicznego');
    await visitor.page.getByRole('button', { name: 'Wskaż zaznaczony fragment' }).click();
    await expect.poll(() => visitor.page.getByLabel('Część dokumentu (rozdział, punkt)').inputValue()).toBe('2. Cele strategiczne');
    await expect.poll(() => visitor.page.getByLabel('Obecne brzmienie').inputValue()).toBe('Spójny system transportu publicznego');
    await visitor.page.getByText('Uwaga zostanie przypięta do wskazanego fragmentu.').waitFor();
    await visitor.page.getByLabel('Proponowane brzmienie').fill('Spójny system transportu publicznego z koleją metropolitalną');
    await visitor.page.getByLabel('Uzasadnienie').fill('Kolej skraca dojazdy do pracy.');
    await visitor.page.getByLabel('Imię i nazwisko').fill('Anna Nowak');
    await visitor.page.getByLabel('Adres e-mail (nieobowiązkowy)').fill('anna.nowak@example.org');
    await visitor.page.getByRole('button', { name: 'Wyślij uwagę' }).click();
    const receipt = visitor.page.getByRole('status').filter({ has: visitor.page.getByRole('heading', { name: 'Uwaga przyjęta' }) });
    await receipt.waitFor();
    const number = (await receipt.locator('strong').innerText()).trim();
    expect(number).toMatch(/^U\/\d{4}\/\d{4}$/);
    expect(await axeViolations(visitor.page)).toEqual([]);
    await visitor.page.getByRole('button', { name: 'English' }).click();
    await visitor.page.getByRole('heading', { name: 'Comment received' }).waitFor();
    await visitor.page.getByRole('button', { name: 'Submit another comment' }).click();
    await visitor.page.getByRole('heading', { level: 2, name: 'Submit a comment' }).waitFor();
    expect(await axeViolations(visitor.page)).toEqual([]);
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();

    // Live, without reloading: the coordinator's page says so and counts it.
    await staff.page.getByRole('status').filter({ hasText: 'Wpłynęła nowa uwaga.' }).waitFor();
    await waitUntil(async () => (await facts.innerText()).replace(/\s+/g, ' '), (text) => text.includes('Uwagi 1'), 5_000, 'the comment count');
    expect(staff.errors).toEqual([]);
    await staff.context.close();

    const [comment] = await callApi<Array<{ number: string; passage: unknown; currentWording: string; submitter: { name: string } }>>(token, 'GET', `/rounds/${roundId}/triage`);
    expect(comment).toMatchObject({ number, currentWording: 'Spójny system transportu publicznego', submitter: { name: 'Anna Nowak' } });
    expect(comment.passage).not.toBeNull();
  });

  it('a partner and a member’s representative comment in their organisation’s name and see their own comments; a partner withdraws one', async () => {
    const roundId = await openRound('Konsultacje z partnerami i członkami');
    for (const [email, organisation] of [
      [PARTNER, 'Uniwersytet Szczeciński'],
      [REPRESENTATIVE, 'Gmina Police'],
    ]) {
      const { context, page, errors } = await openPage(browser);
      await signIn(page, email);
      await page.goto(`/w/${workspaceId}/rounds/${roundId}`);
      await page.getByRole('heading', { level: 2, name: 'Zgłoś uwagę' }).waitFor();
      expect(await page.getByLabel('Imię i nazwisko').count()).toBe(0);
      await selectWords(page, 'Czyste powietrze');
      await page.getByRole('button', { name: 'Wskaż zaznaczony fragment' }).click();
      await page.getByLabel('Uzasadnienie').fill(`Stanowisko: ${organisation}.`);
      await page.getByRole('button', { name: 'Wyślij uwagę' }).click();
      await page.getByRole('heading', { name: 'Uwaga przyjęta' }).waitFor();
      const mine = page.getByRole('table', { name: 'Uwagi zgłoszone w imieniu Twojej organizacji' });
      await expect.poll(() => mine.getByRole('row').count()).toBe(2);
      expect(await axeViolations(page)).toEqual([]);
      if (email === PARTNER) {
        const number = (await mine.getByRole('rowheader').first().innerText()).trim();
        await page.getByRole('button', { name: `Wycofaj uwagę ${number}` }).click();
        await page.getByRole('status').filter({ hasText: `Uwaga ${number} została wycofana.` }).waitFor();
        await mine.getByRole('cell', { name: 'wycofana' }).waitFor();
      }
      expect(errors).toEqual([]);
      await context.close();
    }
    const comments = await callApi<Array<{ submitter: { name: string; type: string }; withdrawn: boolean }>>(token, 'GET', `/rounds/${roundId}/triage`);
    expect(comments.map((c) => [c.submitter.name, c.submitter.type, c.withdrawn])).toEqual([
      ['Uniwersytet Szczeciński', 'partner_organisation', true],
      ['Gmina Police', 'member_jst', false],
    ]);
  });

  it('a resident changes and then withdraws their comment through the link in the receipt', async () => {
    const roundId = await openRound('Konsultacje z poprawką uwagi');
    const { context, page, errors } = await openPage(browser);
    await page.goto(`/consultations/${roundId}`);
    await page.getByLabel('Część dokumentu (rozdział, punkt)').fill('1. Diagnoza');
    await page.getByLabel('Uzasadnienie').fill('Pierwsza wersja uzasadnienia.');
    await page.getByLabel('Imię i nazwisko').fill('Ewa Zielińska');
    await page.getByRole('button', { name: 'Wyślij uwagę' }).click();
    await page.getByRole('link', { name: 'Zmień lub wycofaj tę uwagę' }).click();
    const number = (await callApi<Array<{ number: string }>>(token, 'GET', `/rounds/${roundId}/triage`))[0].number;
    await page.getByRole('heading', { level: 1, name: `Uwaga ${number}` }).waitFor();
    expect(page.url()).toContain('#kod=');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Uzasadnienie').fill('Poprawione uzasadnienie.');
    await page.getByRole('button', { name: 'Zapisz zmiany' }).click();
    await page.getByRole('status').filter({ hasText: `Zmiany w uwadze ${number} zostały zapisane.` }).waitFor();
    await page.getByRole('button', { name: 'Wycofaj uwagę' }).click();
    await page.getByRole('group', { name: `Czy na pewno wycofać uwagę ${number}? Pozostanie w wykazie jako wycofana.` }).getByRole('button', { name: 'Wycofaj uwagę' }).click();
    await page.getByText('Uwaga została wycofana.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const [comment] = await callApi<Array<{ justification: string; withdrawn: boolean }>>(token, 'GET', `/rounds/${roundId}/triage`);
    expect(comment).toMatchObject({ justification: 'Poprawione uzasadnienie.', withdrawn: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses a comment sent after the close, and says so', async () => {
    // Open long enough for the form to load and be filled on a busy machine (it must be shown while the round is open).
    const roundId = await openRound('Konsultacje kończące się zaraz', 15_000);
    const { context, page, errors } = await openPage(browser);
    await page.goto(`/consultations/${roundId}`);
    await page.getByRole('heading', { level: 2, name: 'Zgłoś uwagę' }).waitFor();
    await page.getByLabel('Część dokumentu (rozdział, punkt)').fill('1. Diagnoza');
    await page.getByLabel('Uzasadnienie').fill('Spóźniona uwaga.');
    await page.getByLabel('Imię i nazwisko').fill('Jan Kowalski');
    const round = await callApi<{ closesAt: string }>(token, 'GET', `/rounds/${roundId}`);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, new Date(round.closesAt).getTime() - Date.now() + 500)));
    await page.getByRole('button', { name: 'Wyślij uwagę' }).click();
    await page.getByRole('alert').filter({ hasText: 'Konsultacje nie przyjmują teraz uwag' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Uwaga przyjęta' }).count()).toBe(0);
    expect((await callApi<unknown[]>(token, 'GET', `/rounds/${roundId}/triage`)).length).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
