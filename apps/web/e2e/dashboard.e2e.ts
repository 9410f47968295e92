import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { COORDINATOR, launchBrowser, openPage, signIn } from './support/browser';

const screenshot = resolve(import.meta.dirname, '../../../docs/screenshot-dashboard.png');

describe('the coordinator on the dashboard', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('signs in and sees the SSOM dashboard: 15 members, 12 partners, the documents and the people with e-mails', async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, COORDINATOR);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Stowarzyszenie „Szczeciński Obszar Metropolitalny”',
    );
    await expect.poll(() => page.title()).toBe('Pulpit: SSOM – Commonplan');

    // Each table is read separately: each is waited for before it is counted.
    const members = page.getByRole('table', { name: /Członkowie stowarzyszenia/ });
    await members.waitFor();
    expect(await members.locator('tbody tr').count()).toBe(15);
    const szczecin = members.getByRole('row', { name: /Gmina Miasto Szczecin/ });
    expect((await szczecin.innerText()).replace(/\s+/g, ' ')).toContain('Gmina miejska 390 300 (2023 r.) 1');

    const partners = page.getByRole('table', { name: /Partnerzy stowarzyszenia/ });
    await partners.waitFor();
    expect(await partners.locator('tbody tr').count()).toBe(12);
    expect(await partners.getByRole('row', { name: /Uniwersytet Szczeciński/ }).innerText()).toContain('Uczelnia');

    const documents = page.getByRole('table', { name: /Dokumenty stowarzyszenia/ });
    await documents.waitFor();
    expect(await documents.locator('tbody tr').count()).toBeGreaterThanOrEqual(4);
    expect(await documents.innerText()).toContain('Strategia Rozwoju Szczecińskiego Obszaru Metropolitalnego 2020');
    expect(await documents.innerText()).toContain('Plan sektorowy');

    const people = page.getByRole('table', { name: 'Osoby w przestrzeni roboczej' });
    await people.waitFor();
    expect(await people.getByRole('columnheader', { name: 'Adres e-mail' }).count()).toBe(1);
    expect(await people.innerText()).toContain('obserwator@som.example');

    const summary = await page.locator('.summary__list').innerText();
    expect(summary.replace(/\s+/g, ' ')).toContain('Członkowie 15');
    expect(summary.replace(/\s+/g, ' ')).toContain('Partnerzy 12');

    const nav = page.getByRole('navigation', { name: 'Nawigacja główna' });
    // The last link counts unread notifications, if any (other tests on the same server mention the coordinator).
    const links = await nav.getByRole('link').allInnerTexts();
    expect(links.slice(0, 6)).toEqual(['Pulpit', 'Uchwały', 'Projekty', 'Osoby', 'Strona publiczna', 'Dziennik zdarzeń']);
    expect(links[6]).toMatch(/^Powiadomienia( \(nieprzeczytane: \d+\))?$/);
    expect(links).toHaveLength(7);
    expect(await page.locator('.signed-in').innerText()).toMatch(/Koordynator Biura SSOM\s+Koordynator/);

    expect(await axeViolations(page)).toEqual([]);
    // The README's screenshot is refreshed on request only, so that a test run leaves the tree unchanged.
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      mkdirSync(resolve(screenshot, '..'), { recursive: true });
      await page.screenshot({ path: screenshot });
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('switches the whole interface to English and back, and remembers the choice', async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, COORDINATOR);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('pl');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect.poll(() => page.title()).toBe('Dashboard: SSOM – Commonplan');
    const links = await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link').allInnerTexts();
    expect(links.slice(0, 6)).toEqual(['Dashboard', 'Decisions', 'Projects', 'People', 'Public site', 'Audit trail']);
    expect(links[6]).toMatch(/^Notifications( \(\d+ unread\))?$/);
    expect(links).toHaveLength(7);
    const members = page.getByRole('table', { name: /Members of the association/ });
    expect((await members.getByRole('row', { name: /Gmina Miasto Szczecin/ }).innerText()).replace(/\s+/g, ' ')).toContain(
      'Urban municipality 390,300 (2023) 1',
    );
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(1);
    expect(await page.locator('.signed-in').innerText()).toContain('Coordinator');
    expect(await axeViolations(page)).toEqual([]);

    await page.reload();
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');

    await page.getByRole('button', { name: 'Polski' }).click();
    await page.getByRole('navigation', { name: 'Nawigacja główna' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('pl');
    await expect.poll(() => page.title()).toBe('Pulpit: SSOM – Commonplan');
    expect(errors).toEqual([]);
    await context.close();
  });
});
