import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderPage } from '../../test/fake-api';
import { renderWithApp } from '../../test/render';
import { DiffView } from './DiffView';
import { FreezeForm } from './FreezeForm';
import { shortHash, type VersionSummary, versionsChanged } from './versions-api';
import { VersionsPanel } from './VersionsPanel';

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

const version = (number: number, name: string, by: string): VersionSummary => ({
  id: `v${number}`,
  documentId: 'd1',
  number,
  name,
  contentHash: String(number).repeat(64),
  createdAt: '2026-12-01T09:00:00.000Z',
  createdBy: { id: `u-${by}`, displayName: by },
});

describe('VersionsPanel', () => {
  it('shows a version someone else froze as soon as the server says so, without a reload', async () => {
    let stored = [version(1, 'v1.0', 'Anna Koordynator')];
    const { calls } = renderPage(<VersionsPanel workspaceId="w1" documentId="d1" canFreeze={false} />, {
      route: '/w/:workspaceId/d/:documentId',
      path: '/w/w1/d/d1',
      role: 'expert',
      routes: { 'GET /documents/d1/versions': () => stored },
    });
    await screen.findByRole('link', { name: 'Wersja 1: v1.0' });
    const fetches = () => calls.filter((call) => call.path === '/documents/d1/versions').length;
    expect(fetches()).toBe(1);

    // News of another document changes nothing here.
    stored = [version(2, 'v1.1 — po uwagach', 'Ekspert SSOM'), ...stored];
    act(() => versionsChanged('d2'));
    expect(fetches()).toBe(1);
    // Another person froze a version of this one: the list is fetched again and shows it first.
    act(() => versionsChanged('d1'));
    const newest = await screen.findByRole('link', { name: 'Wersja 2: v1.1 — po uwagach' });
    expect(fetches()).toBe(2);
    expect(screen.getAllByRole('link').map((link) => link.textContent)).toEqual(['Wersja 2: v1.1 — po uwagach', 'Wersja 1: v1.0']);
    expect(newest.closest('li')?.textContent).toContain('Ekspert SSOM');
  });
});
