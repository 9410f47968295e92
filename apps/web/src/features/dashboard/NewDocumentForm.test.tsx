import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { reply, renderPage } from '../../test/fake-api';
import { DashboardPage } from './DashboardPage';
import { NewDocumentForm } from './NewDocumentForm';

const created = {
  id: 'd9',
  workspaceId: 'w1',
  title: 'Plan mobilności',
  kind: 'sector_plan',
  status: 'drafting',
  access: 'edit',
  accessUntil: null,
  createdBy: 'u1',
  createdAt: '2026-12-06T08:00:00.000Z',
  updatedAt: '2026-12-06T08:00:00.000Z',
};

describe('NewDocumentForm', () => {
  it('asks for a title before sending anything, then creates the document and opens it', async () => {
    const user = userEvent.setup();
    const page = renderPage(<NewDocumentForm workspaceId="w1" />, {
      route: '/w/:workspaceId',
      path: '/w/w1',
      role: 'coordinator',
      routes: { 'POST /workspaces/w1/documents': created },
    });
    const form = await screen.findByRole('form', { name: 'Nowy dokument' });
    const title = within(form).getByLabelText('Tytuł') as HTMLInputElement;
    await user.type(title, '   ');
    await user.click(within(form).getByRole('button', { name: 'Utwórz dokument' }));
    expect(within(form).getByText('Podaj tytuł dokumentu.')).toBeTruthy();
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(title);
    expect(page.calls.filter((c) => c.method === 'POST')).toEqual([]);

    await user.type(title, 'Plan mobilności ');
    await user.selectOptions(within(form).getByLabelText('Rodzaj dokumentu'), 'sector_plan');
    await user.click(within(form).getByRole('button', { name: 'Utwórz dokument' }));
    await waitFor(() => expect(page.location()).toBe('/w/w1/d/d9'));
    expect(page.calls.filter((c) => c.method === 'POST')).toEqual([
      { method: 'POST', path: '/workspaces/w1/documents', body: { title: 'Plan mobilności', kind: 'sector_plan' } },
    ]);
  });

  it('says what the server refused and stays on the page', async () => {
    const user = userEvent.setup();
    const page = renderPage(<NewDocumentForm workspaceId="w1" />, {
      route: '/w/:workspaceId',
      path: '/w/w1',
      role: 'coordinator',
      routes: { 'POST /workspaces/w1/documents': reply(403, { message: 'this needs documents.create' }) },
    });
    const form = await screen.findByRole('form', { name: 'Nowy dokument' });
    await user.type(within(form).getByLabelText('Tytuł'), 'Strategia');
    await user.click(within(form).getByRole('button', { name: 'Utwórz dokument' }));
    // The alert region is always in the form: its text is waited for.
    await waitFor(() => expect(within(form).getByRole('alert').textContent).toBe('Nie masz uprawnień do tej czynności.'));
    expect(page.location()).toBe('/w/w1');
  });
});

describe('DashboardPage', () => {
  it('offers a new document and the import to those who may create documents only', async () => {
    const coordinator = renderPage(<DashboardPage />, { route: '/w/:workspaceId', path: '/w/w1', role: 'coordinator', routes: {} });
    expect(await screen.findByRole('form', { name: 'Nowy dokument' })).toBeTruthy();
    expect(screen.getByRole('form', { name: 'Import dokumentu z pliku' })).toBeTruthy();
    coordinator.unmount();
    renderPage(<DashboardPage />, { route: '/w/:workspaceId', path: '/w/w1', role: 'expert', routes: {} });
    await screen.findByRole('heading', { level: 2, name: 'Dokumenty' });
    expect(screen.queryByRole('form', { name: 'Nowy dokument' })).toBeNull();
  });
});
