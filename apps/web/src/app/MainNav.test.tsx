import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../test/render';
import { MainNav } from './MainNav';

describe('MainNav', () => {
  it('shows a coordinator every page and marks the current one', () => {
    renderWithApp(<MainNav workspaceId="w1" role="coordinator" />, { path: '/w/w1/people' });
    const nav = screen.getByRole('navigation', { name: 'Nawigacja główna' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((l) => [l.textContent, l.getAttribute('href')])).toEqual([
      ['Pulpit', '/w/w1'],
      ['Uchwały', '/w/w1/decisions'],
      ['Projekty', '/w/w1/projects'],
      ['Osoby', '/w/w1/people'],
      ['Strona publiczna', '/w/w1/publication'],
      ['Dziennik zdarzeń', '/w/w1/audit'],
      ['Powiadomienia', '/w/w1/notifications'],
    ]);
    expect(links[3].getAttribute('aria-current')).toBe('page');
    expect(links[0].getAttribute('aria-current')).toBeNull();
  });

  it('says how many notifications are unread', () => {
    renderWithApp(<MainNav workspaceId="w1" role="observer" unread={3} />);
    expect(screen.getByRole('link', { name: 'Powiadomienia (nieprzeczytane: 3)' }).getAttribute('href')).toBe('/w/w1/notifications');
  });

  it('shows other roles only the dashboard, decisions, projects and notifications', () => {
    for (const role of ['expert', 'representative', 'partner', 'observer'] as const) {
      const { unmount } = renderWithApp(<MainNav workspaceId="w1" role={role} />, { language: 'en' });
      expect(screen.getAllByRole('link').map((l) => l.textContent)).toEqual(['Dashboard', 'Decisions', 'Projects', 'Notifications']);
      unmount();
    }
  });
});
