import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { bearerToken, callApi, demoWorkspaceId, documentFromMarkdown } from './support/api';
import { baseUrl, COORDINATOR, launchBrowser, OBSERVER, openPage, signIn } from './support/browser';
import { waitUntil } from './support/editor';

const STRATEGY = 'Strategia Rozwoju Szczecińskiego Obszaru Metropolitalnego 2020';
const LABEL = 'Szukaj w przestrzeni roboczej';

/** The search box of the page: the header's on every workspace page, the results page's own there. */
const searchBox = (page: Page) => page.getByRole('search', { name: LABEL }).getByRole('searchbox', { name: LABEL });

/** The polite count of results for `q`, once the answer to exactly those words is shown. */
const resultsFor = (page: Page, q: string) => page.getByRole('status').filter({ hasText: new RegExp(`^Wyniki dla „${q}”: \\d+$`) });

/**
 * The documents found, all of them: the page shows the few best of each kind, and other browser tests add documents
 * of their own with the same words, so "show all" is asked for when the group has more than it shows.
 */
async function allDocuments(page: Page): Promise<Locator> {
  const documents = page.getByRole('region', { name: /^Dokumenty \(\d+\)$/ });
  await documents.waitFor();
  const showAll = documents.getByRole('button', { name: /^Pokaż wszystkie: Dokumenty/ });
  if ((await showAll.count()) > 0) {
    await showAll.click();
    await showAll.waitFor({ state: 'detached' });
  }
  return documents;
}

/** The results in `group` whose title is the demo strategy's. */
const strategyHits = (page: Page, group: Locator) => group.getByRole('listitem').filter({ has: page.getByRole('link', { name: STRATEGY, exact: true }) });

/** A word no other test uses, made of letters only (the search matches words, not digits glued to them). */
function uniqueWord(prefix: string): string {
  return prefix + Date.now().toString().replace(/\d/g, (digit) => 'abcdefghij'[Number(digit)]);
}

interface SearchAnswer {
  groups: Array<{ kind: string; total: number; hits: Array<{ id: string; href: string | null }> }>;
}

describe('search', () => {
  let browser: Browser;
  let token: string;
  let workspaceId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    token = await bearerToken(COORDINATOR);
    workspaceId = await demoWorkspaceId(token);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('as the observer, finds an inflected word from the header box, and a result opens the document at its heading; axe passes', async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, OBSERVER);
    // Two words, both in the demo strategy's title: "strategii" alone also finds every title with "Strategia" that the
    // other browser tests on this server made (documents and their versions), equally ranked, more than a page of them.
    await searchBox(page).fill('strategii szczecińskiego');
    await searchBox(page).press('Enter');
    await page.waitForURL(/\/w\/[0-9a-f-]{36}\/search\?q=strategii\+szczeci%C5%84skiego$/);
    await resultsFor(page, 'strategii szczecińskiego').waitFor();
    await expect.poll(() => page.title()).toBe('Wyniki wyszukiwania: strategii szczecińskiego – SSOM – Commonplan');
    // The results page has its own box, prefilled; the header's is not shown twice.
    expect(await searchBox(page).inputValue()).toBe('strategii szczecińskiego');
    expect(await page.getByRole('search').count()).toBe(1);

    const documents = await allDocuments(page);
    const hits = strategyHits(page, documents);
    await hits.first().waitFor();
    // "strategii" finds "Strategia", marked where it was found.
    await expect.poll(() => hits.locator('mark').allInnerTexts()).toContain('Strategia');
    expect(await axeViolations(page)).toEqual([]);

    // A result under a heading (the document's own title heading) links to it: the document opens scrolled to it.
    const atHeading = documents.locator('a[href*="#h-strategia-rozwoju"]', { hasText: STRATEGY }).first();
    const href = (await atHeading.getAttribute('href'))!;
    const anchor = decodeURIComponent(new URL(href, baseUrl()).hash.slice(1));
    expect(anchor).toMatch(/^h-strategia-rozwoju/);
    await atHeading.click();
    await page.getByRole('heading', { level: 1, name: STRATEGY }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#${anchor}`);
    const heading = page.locator(`[id="${anchor}"]`);
    await heading.waitFor();
    expect(await heading.innerText()).toMatch(/^Strategia Rozwoju/);
    await expect
      .poll(() => heading.evaluate((element) => element.getBoundingClientRect().top >= 0 && element.getBoundingClientRect().bottom <= window.innerHeight))
      .toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('finds words typed without diacritics (the box reached with Tab, sent with Enter), and a title typed with a mistake', async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, OBSERVER);
    const box = searchBox(page);
    const focused = () => box.evaluate((element) => element === document.activeElement);
    // Once the dashboard has loaded: the app moves the focus to a page's heading when it arrives, which would send a
    // Tab begun earlier back to the top (the failure of a loaded CI run). Tabbing then starts from that heading, so
    // the header's box comes back round after the page's last control, hence the generous count.
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    for (let presses = 0; presses < 200 && !(await focused()); presses++) await page.keyboard.press('Tab');
    expect(await focused()).toBe(true);
    await page.keyboard.type('szczecinskiego obszaru');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=szczecinskiego\+obszaru$/);
    await resultsFor(page, 'szczecinskiego obszaru').waitFor();
    const documents = await allDocuments(page);
    await expect.poll(() => strategyHits(page, documents).locator('mark').allInnerTexts()).toContain('Szczecińskiego');

    // Typed on the results page: searched as it is typed, the address following.
    await searchBox(page).fill('Strategja rozwoju');
    await resultsFor(page, 'Strategja rozwoju').waitFor();
    await page.waitForURL(/\/search\?q=Strategja\+rozwoju$/);
    const similar = strategyHits(page, await allDocuments(page)).filter({ hasText: 'podobny tytuł' });
    await similar.first().waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('finds a consultation comment from the public for the coordinator, and not for the observer', async () => {
    const word = uniqueWord('kolejkowo');
    const documentId = await documentFromMarkdown(token, workspaceId, 'Plan kolei do Polic', '# Plan kolei\n\n## Połączenia\n\nKolej do Polic i Goleniowa.\n');
    const versionId = (await callApi<{ id: string }>(token, 'POST', `/documents/${documentId}/versions`, { name: 'Projekt do konsultacji' })).id;
    const round = await callApi<{ id: string }>(token, 'POST', `/workspaces/${workspaceId}/rounds`, {
      documentId,
      versionId,
      title: 'Konsultacje planu kolei',
      audiences: ['public'],
      channels: ['online_form'],
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: new Date(Date.now() + 35 * 24 * 3600 * 1000).toISOString(),
    });
    await callApi(token, 'POST', `/rounds/${round.id}/announce`, {});
    await callApi(token, 'POST', `/rounds/${round.id}/open`, {});
    const sent = await fetch(`${baseUrl()}/api/public/rounds/${round.id}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        part: 'Połączenia',
        justification: `Przystanek ${word} przy dworcu.`,
        submitter: { kind: 'person', name: 'Anna Nowak', type: 'resident' },
      }),
    });
    expect(sent.status).toBe(201);
    // The server indexes a change within a second or two: the test waits for it through the API.
    const path = `/workspaces/${workspaceId}/search?q=${word}&kind=consultation_comment`;
    await waitUntil(
      () => callApi<SearchAnswer>(token, 'GET', path),
      (answer) => answer.groups.some((group) => group.hits.length > 0),
      15_000,
      `the comment with "${word}" to be found`,
    );

    const coordinator = await openPage(browser);
    await signIn(coordinator.page, COORDINATOR);
    await searchBox(coordinator.page).fill(word);
    await searchBox(coordinator.page).press('Enter');
    await resultsFor(coordinator.page, word).waitFor();
    const comments = coordinator.page.getByRole('region', { name: 'Uwagi w konsultacjach (1)' });
    const link = comments.getByRole('link', { name: /· Konsultacje planu kolei$/ });
    expect(await link.getAttribute('href')).toBe(`/w/${workspaceId}/rounds/${round.id}/comments`);
    expect(await comments.locator('mark').allInnerTexts()).toEqual([word]);
    expect(coordinator.errors).toEqual([]);
    await coordinator.context.close();

    const observer = await openPage(browser);
    await signIn(observer.page, OBSERVER);
    await searchBox(observer.page).fill(word);
    await searchBox(observer.page).press('Enter');
    await observer.page.getByRole('status').filter({ hasText: `Nie znaleziono niczego dla „${word}”.` }).waitFor();
    expect(await observer.page.getByRole('region').count()).toBe(0);
    expect(await axeViolations(observer.page)).toEqual([]);
    expect(observer.errors).toEqual([]);
    await observer.context.close();
  });
});
