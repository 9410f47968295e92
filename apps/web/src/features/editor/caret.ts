/** A remote person's caret: a coloured bar with their name and organisation. Hidden from screen readers, which
 * hear the presence list instead of names in the middle of the text. */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color = typeof user['color'] === 'string' ? user['color'] : '#0b57d0';
  const name = typeof user['name'] === 'string' ? user['name'] : '?';
  const organisation = typeof user['organisation'] === 'string' && user['organisation'] ? user['organisation'] : null;
  const caret = document.createElement('span');
  caret.classList.add('collaboration-carets__caret');
  caret.setAttribute('aria-hidden', 'true');
  caret.style.borderColor = color;
  const label = document.createElement('span');
  label.classList.add('collaboration-carets__label');
  label.style.backgroundColor = color;
  label.textContent = organisation ? `${name} · ${organisation}` : name;
  caret.append(label);
  return caret;
}
