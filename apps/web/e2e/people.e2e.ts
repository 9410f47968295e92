import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { COORDINATOR, launchBrowser, linkFromOutbox, openPage, signIn } from './support/browser';

async function openPeople(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Nawigacja główna' }).getByRole('link', { name: 'Osoby' }).click();
  await page.getByRole('heading', { level: 1, name: 'Osoby i zaproszenia' }).waitFor();
  await page.getByRole('table', { name: 'Osoby w przestrzeni roboczej: role i dostęp' }).waitFor();
}

describe('people management', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('invites a new expert, who accepts by e-mail, lands on the dashboard and sees no People or Audit trail', async () => {
    const coordinator = await openPage(browser);
    const page = coordinator.page;
    await signIn(page, COORDINATOR);
    await openPeople(page);
    await expect.poll(() => page.title()).toBe('Osoby: SSOM – Commonplan');
    // The focus moved to the new page's heading.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await axeViolations(page)).toEqual([]);

    // The organisation select appears only for roles that speak for one, with the matching organisations.
    await page.getByLabel('Rola').selectOption('representative');
    await expect.poll(async () => (await page.getByLabel('Organizacja').locator('option').allInnerTexts()).length).toBe(16);
    expect(await page.getByLabel('Organizacja').locator('option').allInnerTexts()).toContain('Gmina Police');
    await page.getByLabel('Rola').selectOption('expert');
    await expect.poll(() => page.getByLabel('Organizacja').count()).toBe(0);

    await page.getByLabel('Adres e-mail', { exact: true }).fill('Nowa.Ekspertka@som.example');
    await page.getByLabel('Imię i nazwisko (nieobowiązkowe)').fill('Nowa Ekspertka');
    await page.getByRole('button', { name: 'Wyślij zaproszenie' }).click();
    await page.getByRole('status').filter({ hasText: 'Wysłano zaproszenie na adres nowa.ekspertka@som.example.' }).waitFor();
    const pending = page.getByRole('table', { name: 'Zaproszenia wysłane, jeszcze nieprzyjęte' });
    const invitation = pending.getByRole('row', { name: /nowa\.ekspertka@som\.example/ });
    await invitation.waitFor();
    expect(await invitation.innerText()).toContain('Ekspert');

    const link = await linkFromOutbox('nowa.ekspertka@som.example', /https?:\/\/\S+\/invitation\?token=[\w-]+/);
    expect(link.startsWith(`${page.url().split('/w/')[0]}/invitation?token=`)).toBe(true);

    const invited = await openPage(browser);
    await invited.page.goto(link);
    await invited.page.getByRole('heading', { level: 1, name: 'Zaproszenie do Commonplan' }).waitFor();
    await invited.page.getByLabel('Imię i nazwisko').waitFor();
    const facts = await invited.page.locator('dl.facts').innerText();
    expect(facts).toContain('Stowarzyszenie „Szczeciński Obszar Metropolitalny”');
    expect(facts).toContain('Ekspert');
    await expect.poll(() => invited.page.title()).toBe('Zaproszenie do Commonplan – Commonplan');
    expect(await axeViolations(invited.page)).toEqual([]);
    await invited.page.getByRole('button', { name: 'English' }).click();
    await invited.page.getByRole('heading', { level: 1, name: 'Invitation to Commonplan' }).waitFor();
    expect(await axeViolations(invited.page)).toEqual([]);
    await invited.page.getByRole('button', { name: 'Polski' }).click();

    expect(await invited.page.getByLabel('Imię i nazwisko').inputValue()).toBe('Nowa Ekspertka');
    await invited.page.getByLabel('Hasło', { exact: true }).fill('za krótkie');
    await invited.page.getByLabel('Hasło', { exact: true }).fill('krótkie');
    await invited.page.getByRole('button', { name: 'Przyjmij zaproszenie' }).click();
    await expect.poll(() => invited.page.getByLabel('Hasło', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await invited.page.getByLabel('Hasło', { exact: true }).fill('metropolia nad odrą');
    await invited.page.getByRole('button', { name: 'Przyjmij zaproszenie' }).click();
    await invited.page.waitForURL(/\/w\/[0-9a-f-]{36}$/);
    await invited.page.getByRole('table', { name: /Członkowie stowarzyszenia/ }).waitFor();
    expect(await invited.page.locator('.signed-in').innerText()).toMatch(/Nowa Ekspertka\s+Ekspert/);
    const nav = invited.page.getByRole('navigation', { name: 'Nawigacja główna' });
    // No "Osoby" and no "Dziennik zdarzeń". (A new expert hears of rounds that other browser tests on this server open or
    // the server's sweeps close: the notifications link may show a count.)
    await expect.poll(() => nav.getByRole('link').allInnerTexts()).toEqual(['Pulpit', 'Uchwały', 'Projekty', expect.stringMatching(/^Powiadomienia( \(nieprzeczytane: \d+\))?$/)]);
    // An expert sees no e-mail addresses.
    expect(await invited.page.getByRole('columnheader', { name: 'Adres e-mail' }).count()).toBe(0);
    expect(invited.errors).toEqual([]);
    await invited.context.close();

    // Accepted: no longer pending for the coordinator.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Osoby i zaproszenia' }).waitFor();
    await page.getByRole('table', { name: 'Osoby w przestrzeni roboczej: role i dostęp' }).waitFor();
    // (Other browser tests on this server may leave invitations of their own pending: only this one is checked.)
    expect(await pending.getByRole('row', { name: /nowa\.ekspertka@som\.example/ }).count()).toBe(0);
    await expect.poll(() => page.getByRole('row', { name: /Nowa Ekspertka/ }).count()).toBe(1);
    expect(coordinator.errors).toEqual([]);
    await coordinator.context.close();
  });

  it('withdraws an invitation', async () => {
    const { context, page } = await openPage(browser);
    await signIn(page, COORDINATOR);
    await openPeople(page);
    await page.getByLabel('Adres e-mail', { exact: true }).fill('ktos.inny@som.example');
    await page.getByRole('button', { name: 'Wyślij zaproszenie' }).click();
    const pending = page.getByRole('table', { name: 'Zaproszenia wysłane, jeszcze nieprzyjęte' });
    await pending.getByRole('row', { name: /ktos\.inny@som\.example/ }).waitFor();
    await page.getByRole('button', { name: 'Wycofaj zaproszenie dla ktos.inny@som.example' }).click();
    await page.getByRole('status').filter({ hasText: 'Wycofano zaproszenie dla ktos.inny@som.example.' }).waitFor();
    await pending.getByRole('row', { name: /ktos\.inny@som\.example/ }).waitFor({ state: 'detached' });
    await context.close();
  });

  it('changes a role and deactivates a person after confirming, and shows the API refusal for the last coordinator', async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, COORDINATOR);
    await openPeople(page);
    const table = page.getByRole('table', { name: 'Osoby w przestrzeni roboczej: role i dostęp' });

    // Ekspert SSOM becomes the representative of Gmina Police.
    await page.getByRole('button', { name: 'Zmień rolę: Ekspert SSOM' }).click();
    const form = page.getByRole('form', { name: 'Zmień rolę: Ekspert SSOM' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    await form.getByLabel('Nowa rola').selectOption('representative');
    await form.getByRole('button', { name: 'Zapisz rolę' }).click();
    await expect.poll(() => form.getByLabel('Organizacja').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('Organizacja').selectOption({ label: 'Gmina Police' });
    expect(await axeViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Zapisz rolę' }).click();
    await page.getByRole('status').filter({ hasText: 'Ekspert SSOM: nowa rola to „Przedstawiciel członka”.' }).waitFor();
    await table.getByRole('row', { name: /Ekspert SSOM/ }).filter({ hasText: 'Gmina Police' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toMatch(/^change-role-/);

    // The representative of Gmina Stepnica is deactivated, after a confirmation.
    const stepnica = 'Przedstawiciel – Gmina Stepnica';
    await page.getByRole('button', { name: `Dezaktywuj: ${stepnica}` }).click();
    const question = page.getByRole('group', { name: /Dezaktywować osobę Przedstawiciel – Gmina Stepnica\?/ });
    await question.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await question.getByRole('button', { name: 'Dezaktywuj' }).click();
    await page.getByRole('status').filter({ hasText: `Dezaktywowano osobę ${stepnica}.` }).waitFor();
    await table.getByRole('row', { name: new RegExp(stepnica) }).filter({ hasText: 'nieaktywna' }).waitFor();
    await page.getByRole('button', { name: `Przywróć dostęp: ${stepnica}` }).waitFor();

    // The only coordinator cannot stop being one: the API says no and the page shows it.
    await page.getByRole('button', { name: 'Zmień rolę: Koordynator Biura SSOM' }).click();
    const own = page.getByRole('form', { name: 'Zmień rolę: Koordynator Biura SSOM' });
    await own.getByLabel('Nowa rola').selectOption('observer');
    await own.getByRole('button', { name: 'Zapisz rolę' }).click();
    await own.getByRole('alert').filter({ hasText: 'Przestrzeń robocza musi mieć co najmniej jednego aktywnego koordynatora.' }).waitFor();
    await own.getByRole('button', { name: 'Anuluj' }).click();

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'People and invitations' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Polski' }).click();
    expect(errors).toEqual([]);
    await context.close();
  });
});
