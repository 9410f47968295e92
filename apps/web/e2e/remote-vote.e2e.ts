import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { bearerToken, callApi, demoWorkspaceId } from './support/api';
import { COORDINATOR, launchBrowser, openPage, signIn } from './support/browser';
import { warsawInput } from './support/warsaw';

/** Representatives of the demo's members (apps/api/src/demo/demo-seeder.ts REPRESENTATIVE_LOGINS); Police votes in the browser. */
const VOTING_BY_API = ['szczecin', 'dobra'];
const IN_BROWSER = 'police';
const representative = (slug: string) => `przedstawiciel.${slug}@som.example`;


async function bothLanguagesClean(page: Page, englishHeading: string): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: englishHeading }).waitFor();
  await page.getByRole('heading', { level: 3, name: /^Remote vote, open ballot/ }).waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Polski' }).click();
  await page.getByRole('button', { name: 'English' }).waitFor();
}

/** The count in the status region once it is shown (it waits for the body's members, who make the "of N"). */
async function tally(page: Page): Promise<string> {
  await page.locator('.tally').filter({ hasText: 'Oddano głosów' }).waitFor();
  return (await page.locator('.tally').innerText()).replace(/\s+/g, ' ').trim();
}

describe('decisions: a remote vote on a resolution’s page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a coordinator opens a remote vote from the resolution’s page; a representative votes there and the count follows on reload', async () => {
    const token = await bearerToken(COORDINATOR);
    const workspaceId = await demoWorkspaceId(token);
    const title = `w sprawie składki członkowskiej ${Date.now().toString(36)}`;
    const bodies = await callApi<Array<{ id: string; kind: string }>>(token, 'GET', `/workspaces/${workspaceId}/bodies`);
    const assemblyId = bodies.find((b) => b.kind === 'general_assembly')!.id;
    const resolution = await callApi<{ id: string }>(token, 'POST', `/workspaces/${workspaceId}/resolutions`, { bodyId: assemblyId, kind: 'ordinary', title });
    const resolutionUrl = `/w/${workspaceId}/resolutions/${resolution.id}`;

    // The coordinator goes from the decisions page to the resolution and opens a remote vote. The system closes it
    // only at its time (checked every minute); an hour ahead keeps it open for the whole test, which does not wait.
    const { context, page, errors } = await openPage(browser);
    await signIn(page, COORDINATOR);
    await page.goto(`/w/${workspaceId}/decisions`);
    await page.getByRole('table', { name: 'Uchwały i projekty uchwał, od najnowszych' }).getByRole('link', { name: title, exact: true }).click();
    await page.waitForURL(new RegExp(`${resolutionUrl}$`));
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const form = page.getByRole('form', { name: 'Głosowanie zdalne' });
    await form.getByLabel('Koniec głosowania').fill(warsawInput(new Date(Date.now() + 60 * 60 * 1000)));
    await form.getByRole('button', { name: 'Otwórz głosowanie zdalne' }).click();
    const heading = page.getByRole('heading', { level: 3, name: /^Głosowanie zdalne, jawne/ });
    await heading.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H3');
    expect(await tally(page)).toBe('Za: 0 · Przeciw: 0 · Wstrzymało się: 0 · Oddano głosów: 0 z 15');
    await page.getByText(/Głosowanie zamknie się samo/).waitFor();
    expect(await page.getByRole('button', { name: /^Zamknij głosowanie/ }).count()).toBe(0);
    await bothLanguagesClean(page, title);

    const votes = await callApi<Array<{ id: string; meetingId: string | null; state: string }>>(token, 'GET', `/resolutions/${resolution.id}/votes`);
    expect(votes).toEqual([expect.objectContaining({ meetingId: null, state: 'open' })]);
    for (const slug of VOTING_BY_API) await callApi(await bearerToken(representative(slug)), 'POST', `/votes/${votes[0]!.id}/ballots`, { choice: 'for' });

    // A representative votes from the resolution's page.
    const rep = await openPage(browser);
    await signIn(rep.page, representative(IN_BROWSER));
    await rep.page.goto(resolutionUrl);
    await rep.page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(await tally(rep.page)).toBe('Za: 2 · Przeciw: 0 · Wstrzymało się: 0 · Oddano głosów: 2 z 15');
    const ballot = rep.page.getByRole('group', { name: 'Głosujesz w imieniu członka Gmina Police' });
    await expect.poll(() => ballot.getByRole('button').allInnerTexts()).toEqual(['Za', 'Przeciw', 'Wstrzymuję się']);
    expect(await axeViolations(rep.page)).toEqual([]);
    await ballot.getByRole('button', { name: 'Przeciw', exact: true }).click();
    await ballot.getByRole('button', { name: 'Oddaj głos' }).click();
    await rep.page.getByText('Głos w imieniu członka Gmina Police został zapisany: przeciw.').waitFor();
    await expect.poll(() => rep.page.evaluate(() => document.activeElement?.textContent)).toContain('został zapisany');
    // The count is read again after the ballot.
    await expect.poll(() => tally(rep.page)).toBe('Za: 2 · Przeciw: 1 · Wstrzymało się: 0 · Oddano głosów: 3 z 15');
    expect(await axeViolations(rep.page)).toEqual([]);
    expect(rep.errors).toEqual([]);
    await rep.context.close();

    // The coordinator's page has no live events for remote votes: after a reload the count and the roll follow.
    await page.reload();
    await heading.waitFor();
    expect(await tally(page)).toBe('Za: 2 · Przeciw: 1 · Wstrzymało się: 0 · Oddano głosów: 3 z 15');
    const roll = (await page.getByRole('table', { name: /^Jak głosowali członkowie/ }).innerText()).replace(/\s+/g, ' ');
    expect(roll).toContain('Gmina Police przeciw');
    expect(errors).toEqual([]);
    await context.close();
  });
});
