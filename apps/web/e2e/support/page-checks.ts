import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { axeViolations } from './axe';

/**
 * No violation of WCAG 2.1 A/AA in Polish, nor in English once the language is switched (`english`: a text of the page
 * in English, waited for), then back to Polish.
 */
export async function bothLanguagesClean(page: Page, english: (page: Page) => Locator): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'English' }).click();
  await english(page).waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Polski' }).click();
  await page.getByRole('button', { name: 'English' }).waitFor();
}

/** A table's rows (`tr` matches every row; `tbody tr` the body's), each as its cells' texts with every space a plain one. */
export async function tableRows(page: Page, caption: string, rows = 'tr'): Promise<string[][]> {
  const table = page.getByRole('table', { name: caption, exact: true });
  await table.waitFor();
  return table.locator(rows).evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (cell) => (cell.textContent ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim())));
}
