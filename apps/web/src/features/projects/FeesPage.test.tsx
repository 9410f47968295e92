import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '@commonplan/domain';
import { type FakeRoute, renderPage, reply } from '../../test/fake-api';
import { members, partners } from '../../test/fixtures';
import { plain } from '../../test/render';
import { RequireCapability } from '../workspace/WorkspaceRoute';
import { FeesPage } from './FeesPage';
import type { Fee } from './statements-api';

const fee = (organisationId: string, name: string, year: number, amount: string): Fee => ({ organisationId, name, year, amount });

function openFees(routes: Record<string, FakeRoute>, path = '/w/w1/projects/fees?year=2026', language: 'pl' | 'en' = 'pl', role: Role = 'coordinator') {
  return renderPage(
    <RequireCapability capability="projects.manage">
      <FeesPage />
    </RequireCapability>,
    { route: '/w/:workspaceId/projects/fees', path, role, language, routes: { 'GET /workspaces/w1/organisations': [...members, ...partners], ...routes } },
  );
}

/** The text of the error tied to a control (the last id of its aria-describedby). */
const errorOf = (control: HTMLElement) => document.getElementById(control.getAttribute('aria-describedby')?.split(' ').at(-1) ?? '')?.textContent ?? null;
const input = (name: string) => screen.getByLabelText(`Składka: ${name}`) as HTMLInputElement;
const alerts = () => plain(screen.getAllByRole('alert').map((a) => a.textContent).join(' '));
const puts = (calls: { method: string; path: string; body: unknown }[]) => calls.filter((c) => c.method === 'PUT');

afterEach(() => {
  vi.useRealTimers();
});

describe('FeesPage', () => {
  it('prefills the year’s fees, sends every filled amount as typed, and shows what the API kept', async () => {
    const user = userEvent.setup();
    const page = openFees({
      'GET /workspaces/w1/membership-fees/2026': [fee('m2', 'Gmina Dobra', 2026, '12500.00')],
      'PUT /workspaces/w1/membership-fees/2026': [fee('m2', 'Gmina Dobra', 2026, '13000.50'), fee('m1', 'Gmina Miasto Szczecin', 2026, '48250.00')],
    });
    const table = await screen.findByRole('table', { name: 'Składki członkowskie na rok 2026' });
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Członek', 'Składka (zł)']);
    // Members only, each with its fee of the year.
    expect(within(table).getAllByRole('rowheader').map((th) => th.textContent)).toEqual(['Gmina Miasto Szczecin', 'Gmina Dobra', 'Powiat Policki']);
    expect([input('Gmina Miasto Szczecin').value, input('Gmina Dobra').value, input('Powiat Policki').value]).toEqual(['', '12500.00', '']);
    expect((screen.getByRole('combobox', { name: 'Rok' }) as HTMLSelectElement).value).toBe('2026');
    expect(table.closest('[role="region"]')?.getAttribute('tabindex')).toBe('0');

    await user.type(input('Gmina Miasto Szczecin'), '48250.00');
    await user.clear(input('Gmina Dobra'));
    await user.type(input('Gmina Dobra'), '13 000,5');
    await user.click(screen.getByRole('button', { name: 'Zapisz składki na rok 2026' }));

    await waitFor(() => expect(plain(screen.getAllByRole('status').map((s) => s.textContent).join(' '))).toContain('Zapisano składki na rok 2026.'));
    expect(puts(page.calls)).toEqual([
      {
        method: 'PUT',
        path: '/workspaces/w1/membership-fees/2026',
        body: {
          fees: [
            { organisationId: 'm1', amount: '48250.00' },
            { organisationId: 'm2', amount: '13 000,5' },
          ],
        },
      },
    ]);
    // The amounts as the API keeps them; a member left blank pays none.
    expect([input('Gmina Miasto Szczecin').value, input('Gmina Dobra').value, input('Powiat Policki').value]).toEqual(['48250.00', '13000.50', '']);
  });

  it('checks the amounts before sending, and puts the API’s problems next to the members they name', async () => {
    const user = userEvent.setup();
    const page = openFees({
      'GET /workspaces/w1/membership-fees/2026': [],
      'PUT /workspaces/w1/membership-fees/2026': reply(400, {
        status: 400,
        code: 'validation_failed',
        detail: 'fees.1.amount: is too large',
        errors: [
          { field: 'fees.1.amount', message: 'is too large' },
          { field: 'fees.0.organisationId', message: 'not a member organisation of this workspace', code: 'organisation_wrong_kind' },
        ],
      }),
    });
    await screen.findByRole('table', { name: 'Składki członkowskie na rok 2026' });
    await user.type(input('Gmina Dobra'), '12,345');
    await user.click(screen.getByRole('button', { name: 'Zapisz składki na rok 2026' }));
    await waitFor(() => expect(document.activeElement).toBe(input('Gmina Dobra')));
    expect(errorOf(input('Gmina Dobra'))).toBe('Kwota może mieć najwyżej 2 miejsca po przecinku (grosze).');
    expect(input('Gmina Dobra').getAttribute('aria-invalid')).toBe('true');
    expect(puts(page.calls)).toEqual([]);

    // Gmina Dobra's fee is the first sent, Powiat Policki's the second: the API's fees.1 is Powiat Policki.
    await user.clear(input('Gmina Dobra'));
    await user.type(input('Gmina Dobra'), '12345.00');
    await user.type(input('Powiat Policki'), '2000.00');
    await user.click(screen.getByRole('button', { name: 'Zapisz składki na rok 2026' }));
    await waitFor(() => expect(errorOf(input('Powiat Policki'))).toBe('Ta kwota jest zbyt duża.'));
    expect(errorOf(input('Gmina Dobra'))).toBe('Ta organizacja nie jest członkiem stowarzyszenia.');
    expect(input('Gmina Miasto Szczecin').getAttribute('aria-invalid')).toBeNull();
    expect(errorOf(input('Gmina Miasto Szczecin'))).toBe('Wpisz kwotę w złotych dokładnie, np. 12500,00. Puste pole oznacza, że członek nie płaci składki w tym roku.');
    expect(alerts()).toBe('Popraw zaznaczone pola.');
    await waitFor(() => expect(document.activeElement).toBe(input('Gmina Dobra')));
    expect(puts(page.calls).map((c) => c.body)).toEqual([
      {
        fees: [
          { organisationId: 'm2', amount: '12345.00' },
          { organisationId: 'm3', amount: '2000.00' },
        ],
      },
    ]);
  });

  it('opens at this year in Warsaw and reads another year chosen in the select, in English', async () => {
    // New Year's Eve in UTC is already the new year in Warsaw.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-31T23:30:00.000Z'));
    const user = userEvent.setup();
    const page = openFees(
      {
        'GET /workspaces/w1/membership-fees/2027': [],
        'GET /workspaces/w1/membership-fees/2026': [fee('m3', 'Powiat Policki', 2026, '5000.00')],
      },
      '/w/w1/projects/fees',
      'en',
    );
    expect(await screen.findByRole('table', { name: 'Membership fees for 2027' })).toBeTruthy();
    const year = screen.getByRole('combobox', { name: 'Year' }) as HTMLSelectElement;
    expect(year.value).toBe('2027');
    const years = within(year).getAllByRole('option').map((o) => o.textContent);
    expect([years[0], years.at(-1), years.length]).toEqual(['2029', '2017', 13]);
    expect((screen.getByLabelText('Fee: Powiat Policki') as HTMLInputElement).value).toBe('');

    await user.selectOptions(year, '2026');
    await waitFor(() => expect(page.location()).toBe('/w/w1/projects/fees?year=2026'));
    expect(await screen.findByRole('table', { name: 'Membership fees for 2026' })).toBeTruthy();
    expect((screen.getByLabelText('Fee: Powiat Policki') as HTMLInputElement).value).toBe('5000.00');
    expect(screen.getByRole('button', { name: 'Save the fees for 2026' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Year' }));
    expect(page.calls.filter((c) => c.path.startsWith('/workspaces/w1/membership-fees')).map((c) => c.path)).toEqual([
      '/workspaces/w1/membership-fees/2027',
      '/workspaces/w1/membership-fees/2026',
    ]);
  });

  it('is for coordinators only: an expert reads why, and no fee is asked for', async () => {
    const page = openFees({ 'GET /workspaces/w1/membership-fees/2026': [] }, '/w/w1/projects/fees?year=2026', 'pl', 'expert');
    expect(await screen.findByRole('heading', { level: 1, name: 'Brak uprawnień' })).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(page.calls.some((c) => c.path.startsWith('/workspaces/w1/membership-fees'))).toBe(false);
  });
});
