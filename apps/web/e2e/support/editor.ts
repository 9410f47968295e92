// The shared editor on a document page, as the browser tests read it.
import type { Page } from 'playwright-core';

export const editor = (page: Page) => page.getByRole('textbox', { name: 'Treść dokumentu' });

/** The editor's text, block by block, without the others' caret labels. */
export const editorText = (page: Page) =>
  editor(page).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
    return [...copy.children].map((block) => block.textContent ?? '').join('\n');
  });

/** Reads until the value is accepted, every 50 ms; fails naming what it waited for and the last value. */
export async function waitUntil<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(last)} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
    last = await read();
  }
  return last;
}
