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
    await page.getByLabel('Adres e-mail', { exact: true }).fill('audyt@som.example');
    await page.getByRole('button', { name: 'Wyślij zaproszenie' }).click();
    await page.getByRole('status').filter({ hasText: 'audyt@som.example' }).waitFor();

    await page.getByRole('link', { name: 'Dziennik zdarzeń' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dziennik zdarzeń' }).waitFor();
    expect(await page.title()).toBe('Dziennik zdarzeń: SSOM – Commonplan');
    const status = page.locator('.chain');
    await status.filter({ hasText: 'Łańcuch zweryfikowany' }).waitFor();

    const table = page.getByRole('table', { name: 'Wpisy dziennika, najnowsze na początku' });
    await table.waitFor();
    // The invitation's own entry: the trail is the workspace's, and the server writes to it by itself too (a remote vote
    // closed when its time is over), so the newest entry need not be this one.
    const entry = table.locator('tbody tr').filter({ hasText: 'Zaproszenie: audyt@som.example' });
    expect(await entry.innerText()).toContain('Wysłanie zaproszenia');
    expect(await entry.innerText()).toContain('Koordynator Biura SSOM');
    // Every action of the trail is named in words (documents, versions, comments included), none as "other".
    expect(await table.innerText()).not.toContain('Inne zdarzenie');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Sprawdź ponownie' }).click();
    await status.filter({ hasText: 'Łańcuch zweryfikowany' }).waitFor();

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
    // The check asked for above may still be running: its result is waited for.
    await status.filter({ hasText: /chain verified/i }).waitFor();
    const english = page.getByRole('table', { name: 'Audit trail entries, newest first' });
    expect(await english.locator('tbody tr').filter({ hasText: 'audyt@som.example' }).innerText()).toContain('Invitation sent');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Polski' }).click();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('pages back through a long trail with "older" until there is nothing more', async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, COORDINATOR);
    const workspaceId = page.url().split('/w/')[1];
    // 30 invitations make 30 entries, more than one page of 25.
    const statuses = await page.evaluate(async (id) => {
      const csrf = decodeURIComponent(document.cookie.match(/(?:^|; )cp_csrf=([^;]*)/)?.[1] ?? '');
      const results: number[] = [];
      for (let i = 0; i < 30; i++) {
        const response = await fetch(`/api/workspaces/${id}/invitations`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
          body: JSON.stringify({ email: `paging-${i}@som.example`, role: 'observer' }),
        });
        results.push(response.status);
      }
      return results;
    }, workspaceId);
    expect(new Set(statuses)).toEqual(new Set([201]));

    await page.getByRole('link', { name: 'Dziennik zdarzeń' }).click();
    const table = page.getByRole('table', { name: 'Wpisy dziennika, najnowsze na początku' });
    await table.waitFor();
    const rows = table.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(25);
    const total = Number(await rows.first().locator('td').first().innerText());
    expect(total).toBeGreaterThan(30);

    const older = page.getByRole('button', { name: 'Wczytaj starsze wpisy' });
    while ((await rows.count()) < total) {
      const before = await rows.count();
      await older.click();
      await expect.poll(() => rows.count()).toBeGreaterThan(before);
    }
    const seqs = (await rows.locator('td:first-child').allInnerTexts()).map(Number);
    expect(seqs).toEqual(Array.from({ length: total }, (_, i) => total - i));
    await page.getByText('To już wszystkie wpisy.').waitFor();
    expect(await older.count()).toBe(0);
    // The oldest entries: the demo data loaded at the first start.
    expect(await rows.last().innerText()).toContain('Wczytanie danych demonstracyjnych');
    expect(await table.innerText()).not.toContain('Inne zdarzenie');
    expect(errors).toEqual([]);
    await context.close();
  });
});
