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

/** A phone's screen (390 × 844; browser contexts for it are touch screens: isMobile and hasTouch). */
export const PHONE = { width: 390, height: 844 };

/**
 * What makes the page wider than the screen: the page's widths, the outermost elements sticking out, and the boxes
 * that scroll sideways (each named by its classes and those of its parents).
 */
async function overflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number; wide: string[]; scrolling: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const name = (element: Element) => {
      const path: string[] = [];
      for (let at: Element | null = element; at && at !== document.body && path.length < 4; at = at.parentElement) {
        path.unshift(`${at.tagName.toLowerCase()}${at.id ? `#${at.id}` : ''}${[...at.classList].map((c) => `.${c}`).join('')}`);
      }
      return path.join(' > ');
    };
    const wide: string[] = [];
    const scrolling: string[] = [];
    for (const element of document.body.querySelectorAll('*')) {
      if (element.scrollWidth > element.clientWidth + 1 && /(auto|scroll)/.test(getComputedStyle(element).overflowX)) {
        scrolling.push(`${name(element)} (${element.scrollWidth} in ${element.clientWidth})`);
      }
    }
    for (const element of document.body.querySelectorAll('*')) {
      const box = element.getBoundingClientRect();
      if (box.right <= root.clientWidth + 0.5 || box.width === 0) continue;
      // Only the outermost: an element inside a scrolling box (a table's) does not widen the page.
      let scrolls = false;
      for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) {
        const style = getComputedStyle(up);
        if (/(auto|scroll|hidden|clip)/.test(style.overflowX)) scrolls = true;
      }
      if (scrolls) continue;
      const parent = element.parentElement;
      if (parent && parent.getBoundingClientRect().right > root.clientWidth + 0.5 && parent !== document.body) continue;
      wide.push(`${name(element)} (right edge at ${Math.round(box.right)})`);
    }
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide, scrolling };
  });
}

export async function fitsThePhone(page: Page): Promise<void> {
  const measured = await overflow(page);
  expect(measured.wide, `elements wider than the ${measured.clientWidth} px screen`).toEqual([]);
  expect(measured.scrollWidth).toBeLessThanOrEqual(measured.clientWidth);
  // A box that scrolls sideways (a wide table's) must be reachable with the keyboard and named: axe checks that.
  expect(await axeViolations(page), `boxes scrolling sideways: ${measured.scrolling.join('; ') || 'none'}`).toEqual([]);
}
