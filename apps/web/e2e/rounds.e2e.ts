import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { bearerToken, callApi, demoWorkspaceId } from './support/api';
import { COORDINATOR, launchBrowser, OBSERVER, openPage, signIn } from './support/browser';

describe('consultation rounds on the dashboard', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lists a round with its stage, days left, comments and report due date, for everyone in the workspace', async () => {
    const token = await bearerToken(COORDINATOR);
    const workspaceId = await demoWorkspaceId(token);
    const documentId = (await callApi<{ id: string }>(token, 'POST', `/workspaces/${workspaceId}/documents`, { title: 'Plan zrównoważonej mobilności', kind: 'strategy' })).id;
    const versionId = (await callApi<{ id: string }>(token, 'POST', `/documents/${documentId}/versions`, { name: 'v1.0 — do konsultacji' })).id;
    const opensAt = new Date(Date.now() - 60 * 60 * 1000);
    const round = await callApi<{ id: string }>(token, 'POST', `/workspaces/${workspaceId}/rounds`, {
      documentId,
      versionId,
      title: 'Konsultacje planu mobilności',
      audiences: ['members', 'partners', 'public'],
      channels: ['online_form', 'email'],
      opensAt: opensAt.toISOString(),
    });
    await callApi(token, 'POST', `/rounds/${round.id}/announce`, {});
    await callApi(token, 'POST', `/rounds/${round.id}/open`, {});
    await callApi(null, 'POST', `/public/rounds/${round.id}/comments`, {
      part: 'Rozdział 1',
      justification: 'Więcej buspasów.',
      submitter: { kind: 'person', name: 'Jan Kowalski', type: 'resident' },
    });

    const { context, page, errors } = await openPage(browser);
    await signIn(page, OBSERVER);
    const table = page.getByRole('table', { name: 'Rundy konsultacji: etap, terminy, uwagi i termin sprawozdania' });
    const row = table.getByRole('row', { name: /Konsultacje planu mobilności/ });
    await row.waitFor();
    const cells = (await row.locator('td').allInnerTexts()).map((cell) => cell.replace(/\s+/g, ' ').trim());
    expect(cells[0]).toBe('Otwarte');
    // Days left until the close: the end of the 35th day after the announcement, in whole days started.
    const { closesAt } = await callApi<{ closesAt: string }>(token, 'GET', `/rounds/${round.id}`);
    expect(cells[2]).toBe(String(Math.ceil((new Date(closesAt).getTime() - Date.now()) / (24 * 60 * 60 * 1000))));
    expect(Number(cells[2])).toBeGreaterThanOrEqual(35);
    expect(cells[3]).toBe('1');
    expect(await row.locator('th').innerText()).toContain('Plan zrównoważonej mobilności, wersja 1: v1.0 — do konsultacji');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('table', { name: 'Consultation rounds: stage, timetable, comments and the report’s due date' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Polski' }).click();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lets the coordinator announce a draft round from its page; others see the round without the button', async () => {
    const token = await bearerToken(COORDINATOR);
    const workspaceId = await demoWorkspaceId(token);
    const documentId = (await callApi<{ id: string }>(token, 'POST', `/workspaces/${workspaceId}/documents`, { title: 'Koncepcja parków rzecznych', kind: 'concept' })).id;
    const versionId = (await callApi<{ id: string }>(token, 'POST', `/documents/${documentId}/versions`, { name: 'wersja robocza' })).id;
    const round = await callApi<{ id: string }>(token, 'POST', `/workspaces/${workspaceId}/rounds`, {
      documentId,
      versionId,
      title: 'Konsultacje parków rzecznych',
      audiences: ['public'],
      channels: ['online_form', 'oral_protocol'],
      opensAt: new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString(),
    });

    const { context, page, errors } = await openPage(browser);
    await signIn(page, COORDINATOR);
    // From the rounds table (the round's opening is also among the coordinator's deadlines at the top).
    await page.getByRole('table', { name: 'Rundy konsultacji: etap, terminy, uwagi i termin sprawozdania' }).getByRole('link', { name: 'Konsultacje parków rzecznych' }).click();
    await page.getByRole('heading', { level: 1, name: 'Konsultacje parków rzecznych' }).waitFor();
    const facts = page.locator('.round-facts');
    expect((await facts.innerText()).replace(/\s+/g, ' ')).toContain('Etap Projekt');
    expect((await facts.innerText()).replace(/\s+/g, ' ')).toContain('Sposoby zgłaszania uwag formularz online, ustnie do protokołu');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Ogłoś konsultacje' }).click();
    await page.getByRole('status').filter({ hasText: 'Runda jest teraz na etapie „Ogłoszone”.' }).waitFor();
    await expect.poll(async () => (await facts.innerText()).replace(/\s+/g, ' ')).toContain('Etap Ogłoszone');
    // Opening before the opening time is refused, and the page says so.
    await page.getByRole('button', { name: 'Otwórz zbieranie uwag' }).click();
    await page.getByRole('alert').filter({ hasText: 'Runda otwiera się w wyznaczonym terminie otwarcia, nie wcześniej.' }).waitFor();
    expect((await facts.innerText()).replace(/\s+/g, ' ')).toContain('Etap Ogłoszone');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Open for comments' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Polski' }).click();
    expect(errors).toEqual([]);
    await context.close();

    // Announced: its public page is open to anyone, without signing in.
    const visitor = await openPage(browser);
    await visitor.page.goto(`/consultations/${round.id}`);
    await visitor.page.getByRole('heading', { level: 1, name: 'Konsultacje parków rzecznych' }).waitFor();
    expect(await visitor.page.locator('.lead').innerText()).toContain('zaprasza do konsultacji dokumentu „Koncepcja parków rzecznych”');
    await visitor.page.getByRole('heading', { level: 2, name: 'Treść konsultowanego dokumentu' }).waitFor();
    expect(await visitor.page.getByRole('heading', { level: 2, name: 'Klauzula informacyjna o danych osobowych' }).count()).toBe(1);
    expect(await axeViolations(visitor.page)).toEqual([]);
    await visitor.page.getByRole('button', { name: 'English' }).click();
    await visitor.page.getByRole('heading', { level: 2, name: 'Text of the document consulted' }).waitFor();
    expect(await axeViolations(visitor.page)).toEqual([]);
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();

    const observer = await openPage(browser);
    await signIn(observer.page, OBSERVER);
    await observer.page.goto(`/w/${workspaceId}/rounds/${round.id}`);
    await observer.page.getByRole('heading', { level: 1, name: 'Konsultacje parków rzecznych' }).waitFor();
    expect(await observer.page.getByRole('button', { name: /Otwórz zbieranie uwag|Ogłoś konsultacje/ }).count()).toBe(0);
    await observer.context.close();
  });
});
