import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { launchBrowser, OBSERVER, openPage, signIn } from './support/browser';

describe('an observer', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('sees the dashboard without e-mail addresses, and no people management or audit trail', async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, OBSERVER);
    expect(await page.locator('.signed-in').innerText()).toMatch(/Obserwator SSOM\s+Obserwator/);
    const nav = page.getByRole('navigation', { name: 'Nawigacja główna' });
    // No "Osoby" and no "Dziennik zdarzeń"; the notifications link shows the observer's unread count, if any.
    await expect.poll(() => nav.getByRole('link').allInnerTexts()).toEqual(['Pulpit', 'Uchwały', 'Projekty', expect.stringMatching(/^Powiadomienia( \(nieprzeczytane: \d+\))?$/)]);
    const people = page.getByRole('table', { name: 'Osoby w przestrzeni roboczej' });
    await people.waitFor();
    expect(await people.getByRole('columnheader', { name: 'Adres e-mail' }).count()).toBe(0);
    expect(await people.innerText()).not.toContain('@som.example');
    expect(await page.getByRole('button', { name: /Zmień rolę/ }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    // Typing the address of a coordinators' page gives an explanation, not the page.
    const dashboard = page.url();
    await page.goto(`${dashboard}/people`);
    await page.getByRole('heading', { level: 1, name: 'Brak uprawnień' }).waitFor();
    expect(await page.getByLabel('Adres e-mail', { exact: true }).count()).toBe(0);
    await page.goto(`${dashboard}/audit`);
    await page.getByRole('heading', { level: 1, name: 'Brak uprawnień' }).waitFor();

    // Signing out ends the session.
    await page.getByRole('button', { name: 'Wyloguj się' }).click();
    await page.waitForURL('**/login');
    await page.getByRole('status').filter({ hasText: 'Wylogowano' }).waitFor();
    await page.goto(dashboard);
    await page.waitForURL(/\/login\?next=/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
