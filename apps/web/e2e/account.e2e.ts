import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { bearerToken, demoWorkspaceId, invitePerson } from './support/api';
import { COORDINATOR, launchBrowser, openPage, signIn } from './support/browser';

const STRATEGY = 'Strategia Rozwoju Szczecińskiego Obszaru Metropolitalnego 2020';

describe('the account page: a person sees their sessions and signs another device out', () => {
  let browser: Browser;
  let person: { email: string; password: string; displayName: string };

  beforeAll(async () => {
    browser = await launchBrowser();
    const coordinator = await bearerToken(COORDINATOR);
    person = await invitePerson(coordinator, await demoWorkspaceId(coordinator), {
      email: 'dwa.urzadzenia@som.example',
      displayName: 'Zofia Dwóch Urządzeń',
      password: 'laptop i telefon w biurze',
      role: 'expert',
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lists this device and the other, passes axe in both languages, and ends the other, whose open document page then asks to sign in', async () => {
    const other = await openPage(browser);
    await signIn(other.page, person.email, person.password);
    await other.page.getByRole('table', { name: /Dokumenty stowarzyszenia/ }).getByRole('link', { name: STRATEGY }).click();
    await other.page.getByRole('heading', { level: 1, name: STRATEGY }).waitFor();
    await other.page.locator('#connection-indicator', { hasText: 'Połączono' }).waitFor();

    const { context, page, errors } = await openPage(browser);
    await signIn(page, person.email, person.password);
    await page.getByRole('link', { name: `Twoje konto: ${person.displayName}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Twoje konto' }).waitFor();
    const table = page.getByRole('table', { name: 'Aktywne sesje Twojego konta, od najnowszej' });
    const rows = table.locator('tbody tr');
    // Newest first: this browser, the other browser, and the session that accepting the invitation opened.
    await rows.nth(2).waitFor();
    expect(await rows.count()).toBe(3);
    expect(await rows.nth(0).getByRole('rowheader').textContent()).toMatch(/Chrome, Linux\s*to urządzenie/);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Polski' }).click();

    await rows.nth(1).getByRole('button', { name: /^Wyloguj urządzenie/ }).click();
    await page.getByRole('status').filter({ hasText: 'Wylogowane urządzenia: 1.' }).waitFor();
    await rows.nth(2).waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(2);

    // The other device's live document closed with its session: it is sent to sign in again.
    await other.page.waitForURL(/\/login\?next=/);
    await other.page.getByText('Sesja wygasła. Zaloguj się ponownie.').waitFor();
    expect(errors).toEqual([]);
    await other.context.close();
    await context.close();
  });
});
