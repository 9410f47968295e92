import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithApp } from '../../test/render';
import { PassagePicker } from './PassagePicker';

const CONTENT = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Dojazdy do Szczecina trwają długo.' }] }] };

/** The browser's answer to "is the pointer a finger?", changing as when a tablet's keyboard and touchpad come off. */
function pointer(touch: boolean) {
  const listeners = new Set<() => void>();
  const state = { touch };
  window.matchMedia = ((query: string) => ({
    get matches() {
      return query.includes('pointer: coarse') && state.touch;
    },
    media: query,
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
  })) as unknown as typeof window.matchMedia;
  return {
    set: (next: boolean) =>
      act(() => {
        state.touch = next;
        for (const listener of listeners) listener();
      }),
  };
}

describe('the passage picker', () => {
  const original = window.matchMedia;
  afterEach(() => {
    window.matchMedia = original;
  });

  it('tells a mouse user to select with the mouse or the keyboard, and a touch screen user to select with a finger', async () => {
    const device = pointer(false);
    renderWithApp(<PassagePicker content={CONTENT} label="Konsultowany tekst" onPick={() => undefined} />);
    const text = await screen.findByRole('textbox', { name: 'Konsultowany tekst' });
    const hint = document.getElementById(text.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toMatch(/myszą albo klawiaturą/);
    await device.set(true);
    expect(hint?.textContent).toMatch(/^Zaznacz fragment palcem/);
    expect(hint?.textContent).not.toMatch(/myszą/);
  });

  it('speaks of the mouse where the browser cannot tell (no matchMedia)', async () => {
    // jsdom, an old browser: window.matchMedia is missing.
    window.matchMedia = undefined as unknown as typeof window.matchMedia;
    renderWithApp(<PassagePicker content={CONTENT} label="Konsultowany tekst" onPick={() => undefined} />, { language: 'en' });
    await screen.findByRole('textbox', { name: 'Konsultowany tekst' });
    expect(document.getElementById('passage-picker-hint')?.textContent).toMatch(/^Select a passage with the mouse/);
  });
});
