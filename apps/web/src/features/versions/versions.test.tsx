import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../test/render';
import { DiffView } from './DiffView';
import { FreezeForm } from './FreezeForm';
import { shortHash } from './versions-api';

describe('DiffView', () => {
  it('shows insertions and deletions in the text, marked for the eye and named for screen readers', () => {
    renderWithApp(
      <DiffView
        label="Porównanie treści"
        blocks={[
          { kind: 'same', type: 'heading', level: 1, parts: [{ op: '=', text: 'Transport' }] },
          {
            kind: 'changed',
            type: 'paragraph',
            parts: [
              { op: '=', text: 'Cel 1. Kolej ' },
              { op: '+', text: 'i tramwaj ' },
              { op: '-', text: 'regionalna' },
            ],
          },
          { kind: 'removed', type: 'listItem', parts: [{ op: '-', text: 'rowery' }] },
        ]}
      />,
    );
    const region = screen.getByRole('region', { name: 'Porównanie treści' });
    // The document's level 1 sits under the page's h1.
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Transport');
    const inserted = region.querySelectorAll('ins');
    const deleted = region.querySelectorAll('del');
    expect([...inserted].map((e) => e.textContent)).toEqual(['[dodano: i tramwaj  ]']);
    expect([...deleted].map((e) => e.textContent)).toEqual(['[usunięto: regionalna ]', '[usunięto: rowery ]']);
    expect(region.querySelector('.diff-block--removed')?.textContent).toContain('rowery');
  });
});

describe('FreezeForm', () => {
  it('sends the name, trimmed, and refuses an empty or too long one with the field marked', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderWithApp(<FreezeForm onSubmit={onSubmit} />);
    const field = screen.getByLabelText('Nazwa wersji');
    await user.click(screen.getByRole('button', { name: 'Zamroź wersję' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Podaj nazwę wersji.')).toBeTruthy();
    await user.type(field, 'x'.repeat(201));
    await user.click(screen.getByRole('button', { name: 'Zamroź wersję' }));
    expect(screen.getByText('Nazwa wersji może mieć najwyżej 200 znaków.')).toBeTruthy();
    await user.clear(field);
    await user.type(field, '  v1.0 — do konsultacji ');
    await user.click(screen.getByRole('button', { name: 'Zamroź wersję' }));
    expect(onSubmit).toHaveBeenCalledWith('v1.0 — do konsultacji');
  });

  it('shows the API’s complaint about a name already used on the field', () => {
    renderWithApp(<FreezeForm onSubmit={() => undefined} fieldError="Inna wersja tego dokumentu ma już tę nazwę." error="Popraw zaznaczone pola." />);
    expect(screen.getByLabelText('Nazwa wersji').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Inna wersja tego dokumentu ma już tę nazwę.')).toBeTruthy();
  });

  it('shortens hashes for lists', () => {
    expect(shortHash('a'.repeat(64))).toBe('aaaaaaaaaaaa');
  });
});
