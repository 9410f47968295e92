/** Links may lead to web pages, e-mail addresses and headings of the document; anything else (javascript:) is dropped. */
export function safeHref(href: unknown): boolean {
  return typeof href === 'string' && /^(https?:\/\/|mailto:|#)/i.test(href.trim());
}
