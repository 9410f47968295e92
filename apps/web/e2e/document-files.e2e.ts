import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { COORDINATOR, launchBrowser, openPage, signIn } from './support/browser';
import { editor, editorText, waitUntil } from './support/editor';

const require = createRequire(import.meta.url);
// pdf-parse's own entry reads a sample file when loaded as the main module: take its library file.
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (data: Buffer) => Promise<{ text: string }>;

describe('documents as files in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('imports a Markdown file from the dashboard, and downloads the document as PDF with its cover', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'commonplan-import-'));
    const file = join(folder, 'program-rowerowy.md');
    writeFileSync(file, '---\ntitle: "Program tras rowerowych SOM"\n---\n\n# Trasy\n\nTrasa wzdłuż Odry łączy **Szczecin** z Policami.\n\n- Dąbie\n- Gumieńce\n');
    const { context, page, errors } = await openPage(browser);
    await signIn(page, COORDINATOR);
    const form = page.getByRole('form', { name: 'Import dokumentu z pliku' });
    expect(await axeViolations(page)).toEqual([]);
    await form.getByLabel('Plik Word (.docx) lub Markdown (.md)').setInputFiles(file);
    await form.getByLabel('Rodzaj dokumentu').selectOption('concept');
    await form.getByRole('button', { name: 'Importuj' }).click();
    await page.getByRole('heading', { level: 1, name: 'Program tras rowerowych SOM' }).waitFor();
    await page.locator('#connection-indicator', { hasText: 'Połączono' }).waitFor();
    const text0 = await waitUntil(() => editorText(page), (text) => text.includes('Gumieńce'), 10_000, 'the imported text');
    expect(text0.split('\n').slice(0, 2)).toEqual(['Trasy', 'Trasa wzdłuż Odry łączy Szczecin z Policami.']);
    expect(await editor(page).getByRole('listitem').allTextContents()).toEqual(['Dąbie', 'Gumieńce']);
    expect(await editor(page).locator('strong').allTextContents()).toEqual(['Szczecin']);

    const download = page.waitForEvent('download');
    await page.getByRole('region', { name: 'Eksport' }).getByRole('link', { name: 'Pobierz PDF' }).click();
    const saved = await (await download).path();
    expect((await download).suggestedFilename()).toBe('program-tras-rowerowych-som.pdf');
    const text = (await pdfParse(readFileSync(saved))).text.replace(/\s+/g, ' ');
    expect(text).toContain('Program tras rowerowych SOM');
    expect(text).toContain('Wersja: Bieżący tekst (niezamrożony)');
    expect(text).toMatch(/Skrót SHA-256 treści: [0-9a-f]{64}/);
    expect(text).toContain('Trasa wzdłuż Odry łączy Szczecin z Policami.');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
