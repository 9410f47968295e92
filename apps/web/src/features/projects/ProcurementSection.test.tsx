import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Role } from '@commonplan/domain';
import { type ApiCall, type FakeRoute, renderPage, reply } from '../../test/fake-api';
import { plain } from '../../test/render';
import { project } from './fixtures';
import { ProjectPage } from './ProjectPage';
import type { Project } from './projects-api';

const energy = (procurement: Project['procurement']): Project => project({ procurement });

const recorded: Project['procurement'] = {
  jointTotal: '3620000.01',
  members: [
    { organisationId: 'm1', name: 'Gmina Miasto Szczecin', alone: '3600000.00', joint: '3372000.01', saving: '227999.99' },
    { organisationId: 'm2', name: 'Gmina Dobra', alone: '240000.00', joint: '248000.00', saving: '-8000.00' },
  ],
  totalSaving: '219999.99',
  problem: null,
};

function open(role: Role, current: Project, routes: Record<string, FakeRoute> = {}) {
  return renderPage(<ProjectPage />, { route: '/w/:workspaceId/projects/:projectId', path: '/w/w1/projects/pr1', role, routes: { 'GET /projects/pr1': current, ...routes } });
}

const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').map((row) => Array.from(row.children, (cell) => plain(cell.textContent)));
const errorOf = (control: HTMLElement) => document.getElementById(control.getAttribute('aria-describedby')?.split(' ').at(-1) ?? '')?.textContent;

describe('joint procurement on a project’s page', () => {
  it('shows each member’s cost alone, its share of the joint price and the saving, a loss with its sign; no form for an observer', async () => {
    open('observer', energy(recorded));
    const table = await screen.findByRole('table', { name: 'Koszt zakupu osobno, udział w cenie wspólnej i oszczędność każdego członka' });
    expect(rowsOf(table)).toEqual([
      ['Członek', 'Koszt zakupu osobno', 'Udział w cenie wspólnej', 'Oszczędność'],
      ['Gmina Miasto Szczecin', '3 600 000,00 zł', '3 372 000,01 zł', '227 999,99 zł'],
      ['Gmina Dobra', '240 000,00 zł', '248 000,00 zł', '-8 000,00 zł'],
      ['Razem', '219 999,99 zł'],
    ]);
    expect(screen.getByText('Cena wspólna: 3 620 000,01 zł')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Zapisz koszty' })).toBeNull();
  });

  it('shows nothing of it to an observer when no cost alone is recorded', async () => {
    open('observer', energy(null));
    await screen.findByRole('heading', { level: 1, name: 'Trasy rowerowe SOM – etap I' });
    expect(screen.queryByRole('heading', { name: 'Wspólny zakup' })).toBeNull();
  });

  it('lets a coordinator record every member’s cost alone, puts the API’s problem on the member’s field, then shows the savings', async () => {
    const user = userEvent.setup();
    let current = energy(null);
    const page = open('coordinator', current, {
      'GET /projects/pr1': () => reply(200, current),
      'PUT /projects/pr1/procurement': (request: ApiCall) => {
        const body = request.body as { aloneCosts: Array<{ amount: string }> };
        if (body.aloneCosts[1]?.amount === '-1') return reply(400, { code: 'validation_failed', errors: [{ field: 'aloneCosts.1.amount', message: 'amount must not be negative' }] });
        current = energy(recorded);
        return reply(200, current);
      },
    });
    expect(await screen.findByText('Nie zapisano jeszcze kosztów zakupu osobno.')).toBeTruthy();
    const szczecin = screen.getByRole('textbox', { name: 'Koszt zakupu osobno: Gmina Miasto Szczecin' });
    const dobra = screen.getByRole('textbox', { name: 'Koszt zakupu osobno: Gmina Dobra' });
    // Partners buy nothing here: only the members have a field.
    expect(screen.queryByRole('textbox', { name: /Uniwersytet/ })).toBeNull();
    await user.type(szczecin, '3600000');
    await user.type(dobra, '-1');
    await user.click(screen.getByRole('button', { name: 'Zapisz koszty' }));
    await waitFor(() => expect(errorOf(dobra)).toBeTruthy());
    expect(errorOf(szczecin)).toBeFalsy();
    await waitFor(() => expect(document.activeElement).toBe(dobra));

    await user.clear(dobra);
    await user.type(dobra, '240000');
    await user.click(screen.getByRole('button', { name: 'Zapisz koszty' }));
    expect(await screen.findByText('Zapisano koszty zakupu osobno.')).toBeTruthy();
    expect(page.calls.filter((c) => c.method === 'PUT').at(-1)?.body).toEqual({
      aloneCosts: [
        { organisationId: 'm1', amount: '3600000' },
        { organisationId: 'm2', amount: '240000' },
      ],
    });
    expect(rowsOf(await screen.findByRole('table', { name: 'Koszt zakupu osobno, udział w cenie wspólnej i oszczędność każdego członka' })).at(-1)).toEqual(['Razem', '219 999,99 zł']);
  });

  it('clears the comparison when every field is emptied', async () => {
    const user = userEvent.setup();
    const page = open('coordinator', energy(recorded), { 'PUT /projects/pr1/procurement': () => reply(200, energy(null)) });
    const szczecin = await screen.findByRole('textbox', { name: 'Koszt zakupu osobno: Gmina Miasto Szczecin' });
    expect((szczecin as HTMLInputElement).value).toBe('3600000.00');
    await user.clear(szczecin);
    await user.clear(screen.getByRole('textbox', { name: 'Koszt zakupu osobno: Gmina Dobra' }));
    await user.click(screen.getByRole('button', { name: 'Zapisz koszty' }));
    await waitFor(() => expect(page.calls.filter((c) => c.method === 'PUT').at(-1)?.body).toEqual({ aloneCosts: [] }));
  });
});
