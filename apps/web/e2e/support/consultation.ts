// The consultation form as the browser tests use it.
import type { Locator, Page } from 'playwright-core';

/** Selects `words` inside the consulted text the way a reader does, so that the form's passage picker sees it. */
export async function selectWords(page: Page, words: string): Promise<void> {
  const text = page.getByRole('textbox', { name: /Konsultowany tekst|The consulted text/ });
  await text.click();
  await selectInside(text, words);
  await page.getByText(`Zaznaczono znaków: ${words.length}`).waitFor();
}

/** Selects `words` inside an element as a reader does with the mouse, so that the editor on it takes the selection. */
export async function selectInside(element: Locator, words: string): Promise<void> {
  await element.evaluate((root, target) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(target) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + target.length);
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`"${target}" is not in the text`);
  }, words);
}
