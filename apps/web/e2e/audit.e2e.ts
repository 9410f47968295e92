import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { COORDINATOR, launchBrowser, openPage, signIn } from './support/browser';

describe('the audit trail', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the entries in words and a verified chain, and verifies again on request', async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, COORDINATOR);

    // Something to find in the trail: an invitation sent just now.
    await page.getByRole('link', { name: 'Osoby' }).click();
    await page.getByLabel('Adres e-mail').fill('audyt@som.example');
    await page.getByRole('button', { name: 'Wyślij zaproszenie' }).click();
    await page.getByRole('status').filter({ hasText: 'audyt@som.example' }).waitFor();

    await page.getByRole('link', { name: 'Dziennik zdarzeń' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dziennik zdarzeń' }).waitFor();
    expect(await page.title()).toBe('Dziennik zdarzeń: SSOM – Commonplan');
    const status = page.locator('.chain');
    await status.filter({ hasText: 'Łańcuch zweryfikowany' }).waitFor();

    const table = page.getByRole('table', { name: 'Wpisy dziennika, najnowsze na początku' });
    await table.waitFor();
    const newest = table.locator('tbody tr').first();
    expect(await newest.innerText()).toContain('Wysłanie zaproszenia');
    expect(await newest.innerText()).toContain('Koordynator Biura SSOM');
    expect(await newest.innerText()).toContain('Zaproszenie: audyt@som.example');
    expect(await table.innerText()).toContain('Wczytanie danych demonstracyjnych');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Sprawdź ponownie' }).click();
    await status.filter({ hasText: 'Łańcuch zweryfikowany' }).waitFor();

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
    expect((await status.innerText()).toLowerCase()).toContain('chain verified');
    const english = page.getByRole('table', { name: 'Audit trail entries, newest first' });
    expect(await english.locator('tbody tr').first().innerText()).toContain('Invitation sent');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Polski' }).click();
    expect(errors).toEqual([]);
    await context.close();
  });
});
