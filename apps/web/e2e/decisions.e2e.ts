import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { bearerToken, callApi, demoWorkspaceId } from './support/api';
import { COORDINATOR, launchBrowser, openPage, signIn } from './support/browser';

/** Representatives of the demo's members (apps/api/src/demo/demo-seeder.ts REPRESENTATIVE_LOGINS); Police votes in the browser. */
const CHECKED_IN_BY_API = ['wojewodztwo', 'szczecin', 'swinoujscie', 'powiat-policki', 'dobra', 'kolbaskowo', 'nowe-warpno', 'gryfino'];
const IN_BROWSER = 'police';
const representative = (slug: string) => `przedstawiciel.${slug}@som.example`;

async function bothLanguagesClean(page: Page, englishHeading: RegExp): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: englishHeading }).waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Polski' }).click();
  await page.getByRole('button', { name: 'English' }).waitFor();
}

const text = async (page: Page, selector: string) => (await page.locator(selector).innerText()).replace(/\s+/g, ' ').trim();

describe('decisions: a meeting of the general assembly with the quorum and a vote live, and the register', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a representative checks in and votes from the meeting page while the coordinator watches the quorum and tally live; the resolution is adopted and registered', async () => {
    const token = await bearerToken(COORDINATOR);
    const workspaceId = await demoWorkspaceId(token);
    const suffix = Date.now().toString(36);
    const title = `w sprawie programu współpracy gmin ${suffix}`;
    const bodies = await callApi<Array<{ id: string; kind: string }>>(token, 'GET', `/workspaces/${workspaceId}/bodies`);
    const assemblyId = bodies.find((b) => b.kind === 'general_assembly')!.id;
    const resolution = await callApi<{ id: string }>(token, 'POST', `/workspaces/${workspaceId}/resolutions`, { bodyId: assemblyId, kind: 'ordinary', title });
    const meeting = await callApi<{ id: string }>(token, 'POST', `/workspaces/${workspaceId}/meetings`, {
      bodyId: assemblyId,
      title: `Walne Zebranie Członków ${suffix}`,
      startsAt: new Date().toISOString(),
      place: 'Szczecin, Urząd Miasta',
      agenda: [resolution.id],
    });
    await callApi(token, 'POST', `/meetings/${meeting.id}/open`, {});
    const tokens = await Promise.all(CHECKED_IN_BY_API.map((slug) => bearerToken(representative(slug))));
    for (const rep of tokens) await callApi(rep, 'POST', `/meetings/${meeting.id}/check-in`, {});
    const vote = await callApi<{ id: string }>(token, 'POST', `/resolutions/${resolution.id}/votes`, { meetingId: meeting.id });
    for (const [index, rep] of tokens.slice(0, 6).entries()) await callApi(rep, 'POST', `/votes/${vote.id}/ballots`, { choice: index === 5 ? 'against' : 'for' });
    const meetingUrl = `/w/${workspaceId}/meetings/${meeting.id}`;

    // The coordinator follows the meeting.
    const { context, page, errors } = await openPage(browser);
    await signIn(page, COORDINATOR);
    await page.goto(meetingUrl);
    await page.getByRole('heading', { level: 1, name: `Walne Zebranie Członków ${suffix}` }).waitFor();
    await expect.poll(() => text(page, '#quorum')).toBe('✔ Kworum: obecnych 8 z 15 członków, wymaganych co najmniej 8 — osiągnięte');
    await expect.poll(() => text(page, `#tally-${vote.id}`)).toBe('Za: 5 · Przeciw: 1 · Wstrzymało się: 0 · Oddano głosów: 6 z 8');
    await bothLanguagesClean(page, new RegExp(`Walne Zebranie Członków ${suffix}`));

    // A representative, on their own device, checks in and votes from the page.
    const rep = await openPage(browser);
    await signIn(rep.page, representative(IN_BROWSER));
    await rep.page.goto(meetingUrl);
    await rep.page.getByRole('button', { name: 'Potwierdzam obecność' }).click();
    await rep.page.getByText('Obecność członka Gmina Police jest potwierdzona').waitFor();
    // The coordinator's quorum moves without a reload.
    await page.locator('#quorum').filter({ hasText: 'obecnych 9 z 15 członków' }).waitFor();
    const ballot = rep.page.getByRole('group', { name: 'Głosujesz w imieniu członka Gmina Police' });
    await expect.poll(() => ballot.getByRole('button').allInnerTexts()).toEqual(['Za', 'Przeciw', 'Wstrzymuję się']);
    expect(await axeViolations(rep.page)).toEqual([]);
    await ballot.getByRole('button', { name: 'Za', exact: true }).click();
    await ballot.getByRole('button', { name: 'Oddaj głos' }).click();
    await rep.page.getByText('Głos w imieniu członka Gmina Police został zapisany: za.').waitFor();
    await expect.poll(() => rep.page.evaluate(() => document.activeElement?.textContent)).toContain('został zapisany');
    await page.locator(`#tally-${vote.id}`).filter({ hasText: 'Za: 6 · Przeciw: 1 · Wstrzymało się: 0 · Oddano głosów: 7 z 9' }).waitFor();

    // The coordinator closes the vote: adopted, numbered; the representative sees it too.
    await page.getByRole('button', { name: /^Zamknij głosowanie/ }).click();
    await page.getByRole('button', { name: 'Tak, zamknij głosowanie' }).click();
    const result = page.locator(`#outcome-${vote.id}`);
    await result.waitFor();
    await expect.poll(() => result.innerText()).toContain('Uchwała podjęta');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`outcome-${vote.id}`);
    const numbered = (await page.locator('.outcome__title').innerText()).replace(/\s+/g, ' ');
    expect(numbered).toMatch(new RegExp(`^Numer (\\d+/\\d{4}): Uchwała nr \\1 Walnego Zebrania Członków ${title}$`));
    expect(await text(page, '.outcome__facts')).toContain('Głosy za 6, przeciw 1, wstrzymujących się 0 (oddano 7)');
    await rep.page.locator(`#outcome-${vote.id}`).filter({ hasText: 'Uchwała podjęta' }).waitFor();
    // The minutes, a draft while the meeting is open, download in the reader's language.
    const minutes = page.getByRole('region', { name: 'Protokół' });
    expect(await minutes.getByRole('link', { name: 'Protokół (PDF)' }).getAttribute('href')).toBe(`/api/meetings/${meeting.id}/minutes.pdf?lang=pl`);
    const pdf = await page.request.get(`/api/meetings/${meeting.id}/minutes.pdf?lang=pl`);
    expect([pdf.status(), pdf.headers()['content-type']]).toEqual([200, 'application/pdf']);
    expect(await page.locator('.agenda-item .badge--resolution-adopted').innerText()).toBe('podjęta');
    await bothLanguagesClean(page, new RegExp(`Walne Zebranie Członków ${suffix}`));
    expect(rep.errors).toEqual([]);
    await rep.context.close();

    // The register lists it, verifies, and links to the public register.
    await page.goto(`/w/${workspaceId}/register`);
    await page.getByRole('heading', { level: 1, name: 'Rejestr uchwał' }).waitFor();
    const register = page.getByRole('table', { name: 'Rejestr podjętych uchwał, od najstarszych' });
    expect((await register.innerText()).replace(/\s+/g, ' ')).toContain(`Walnego Zebrania Członków ${title}`);
    await page.locator('#register-verification').filter({ hasText: 'Rejestr jest nienaruszony.' }).waitFor();
    await page.getByRole('button', { name: 'Sprawdź rejestr' }).click();
    await page.locator('#register-verification').filter({ hasText: 'Rejestr jest nienaruszony.' }).waitFor();
    await bothLanguagesClean(page, /Decision register/);
    expect(errors).toEqual([]);
    await context.close();

    // The meeting ends (its minutes are then published with the entry); anyone reads the register without signing in.
    await callApi(token, 'POST', `/meetings/${meeting.id}/close`, {});
    const visitor = await openPage(browser);
    await visitor.page.goto('/registers/ssom');
    await visitor.page.getByRole('heading', { level: 1, name: /^Rejestr uchwał: / }).waitFor();
    expect((await visitor.page.getByRole('table').innerText()).replace(/\s+/g, ' ')).toContain(title);
    expect(await axeViolations(visitor.page)).toEqual([]);
    // Its number leads to the entry: the text as voted (shown, and as PDF), the minutes of the meeting.
    await visitor.page.getByRole('row').filter({ hasText: title }).getByRole('link').click();
    await visitor.page.getByRole('heading', { level: 2, name: 'Tekst uchwały, nad którym głosowano' }).waitFor();
    const textPdf = await visitor.page.getByRole('link', { name: /^Pobierz tekst uchwały nr .+ \(PDF\)$/ }).getAttribute('href');
    const voted = await visitor.page.request.get(textPdf!);
    expect([voted.status(), voted.headers()['content-type']]).toEqual([200, 'application/pdf']);
    const published = await visitor.page.request.get((await visitor.page.getByRole('link', { name: 'Protokół (PDF)' }).getAttribute('href'))!);
    expect([published.status(), published.headers()['content-type']]).toEqual([200, 'application/pdf']);
    await bothLanguagesClean(visitor.page, new RegExp(title));
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });
});
