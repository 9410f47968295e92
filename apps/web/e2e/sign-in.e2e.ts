import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { COORDINATOR, DEMO_PASSWORD, launchBrowser, linkFromOutbox, openPage, signIn } from './support/browser';

describe('signing in', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('sends a signed-out visitor to the login page, which passes axe in both languages', async () => {
    const { context, page, errors } = await openPage(browser);
    await page.goto('/');
    await page.waitForURL('**/login');
    await page.getByRole('heading', { level: 1, name: 'Logowanie' }).waitFor();
    await expect.poll(() => page.title()).toBe('Logowanie – Commonplan');
    expect(await page.locator('header').count()).toBe(1);
    expect(await page.locator('main#main').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await expect.poll(() => page.title()).toBe('Sign in – Commonplan');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('works with the keyboard alone: the skip link is the first Tab stop, and the form submits with Enter', async () => {
    const { context, page, errors } = await openPage(browser);
    await page.goto('/login');
    await page.getByRole('heading', { level: 1 }).waitFor();

    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => ({ text: document.activeElement?.textContent, href: document.activeElement?.getAttribute('href') }));
    expect(first).toEqual({ text: 'Przejdź do treści', href: '#main' });
    const skipLinkVisible = await page.evaluate(() => document.activeElement!.getBoundingClientRect().top >= 0);
    expect(skipLinkVisible).toBe(true);

    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('login-email');
    await page.keyboard.type(COORDINATOR);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('login-password');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/w\/[0-9a-f-]{36}$/);
    await page.getByRole('table', { name: /Członkowie stowarzyszenia/ }).waitFor();
    // After the navigation the new page's heading has the focus.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says so when the password is wrong, in an alert', async () => {
    const { context, page } = await openPage(browser);
    await page.goto('/login');
    await page.getByLabel('Adres e-mail').fill(COORDINATOR);
    await page.getByLabel('Hasło', { exact: true }).fill('not the password');
    await page.getByRole('button', { name: 'Zaloguj się' }).click();
    await page.getByRole('alert').filter({ hasText: 'Nieprawidłowy adres e-mail lub hasło.' }).waitFor();
    expect(page.url()).toMatch(/\/login$/);
    await context.close();
  });

  it('sets a new password through the e-mailed link', async () => {
    const { context, page, errors } = await openPage(browser);
    await page.goto('/login');
    await page.getByRole('link', { name: 'Nie pamiętasz hasła?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nowe hasło' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Adres e-mail').fill('ekspert@som.example');
    await page.getByRole('button', { name: 'Wyślij link' }).click();
    await page.getByRole('status').filter({ hasText: 'wysłaliśmy na niego link' }).waitFor();

    const link = await linkFromOutbox('ekspert@som.example', /https?:\/\/\S+\/reset-password\?token=[\w-]+/);
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Ustaw nowe hasło' }).waitFor();
    await page.getByLabel('Nowe hasło', { exact: true }).fill('short');
    await page.getByLabel('Powtórz nowe hasło').fill('short');
    await page.getByRole('button', { name: 'Zapisz nowe hasło' }).click();
    await expect.poll(() => page.getByLabel('Nowe hasło', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Nowe hasło', { exact: true }).fill('ekspert planuje metropolie');
    await page.getByLabel('Powtórz nowe hasło').fill('ekspert planuje metropolie');
    await page.getByRole('button', { name: 'Zapisz nowe hasło' }).click();
    await page.waitForURL('**/login');
    await page.getByRole('status').filter({ hasText: 'Hasło zostało zmienione' }).waitFor();
    await signIn(page, 'ekspert@som.example', 'ekspert planuje metropolie');
    expect(errors).toEqual([]);
    await context.close();
  });
});
