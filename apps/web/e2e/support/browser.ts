// Chromium for the browser tests, and the few steps every test takes: open a page, sign in, read the outbox.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const DEMO_PASSWORD = 'demo-ssom-2026';
export const COORDINATOR = 'koordynator@som.example';
export const OBSERVER = 'obserwator@som.example';

export const baseUrl = () => inject('baseUrl');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: inject('chromiumPath'),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** A fresh context (its own cookies and storage) with one page, collecting script errors; by default on the test server. */
export async function openPage(
  browser: Browser,
  options: { baseURL?: string } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ baseURL: options.baseURL ?? baseUrl(), viewport: { width: 1280, height: 900 }, locale: 'pl-PL' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

/** Signs in through the login form (in Polish, the default language) and waits for the dashboard. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Adres e-mail').fill(email);
  await page.getByLabel('Hasło', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Zaloguj się' }).click();
  await page.waitForURL(/\/w\/[0-9a-f-]{36}$/);
  await page.getByRole('heading', { level: 1 }).waitFor();
}

/** The first link in the newest e-mail to `to` in the server's outbox that matches `pattern`. */
export async function linkFromOutbox(to: string, pattern: RegExp, timeoutMs = 15_000): Promise<string> {
  const outbox = join(inject('dataDir'), 'outbox');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    let files: string[] = [];
    try {
      files = readdirSync(outbox).filter((f) => f.endsWith('.eml')).sort().reverse();
    } catch {
      // no mail yet
    }
    for (const file of files) {
      const text = quotedPrintable(readFileSync(join(outbox, file), 'utf8'));
      if (!new RegExp(`^To: ${to.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'm').test(text)) continue;
      const match = pattern.exec(text);
      if (match) return match[0];
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no e-mail to ${to} with a link matching ${pattern} in ${outbox}`);
}

/** An e-mail's source with quoted-printable undone (links are split by soft line breaks and "=" is "=3D"). */
function quotedPrintable(raw: string): string {
  return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
