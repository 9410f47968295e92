import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { type ApiCall, renderPage, reply } from '../../test/fake-api';
import { plain } from '../../test/render';
import { type MailDeliveries, type MailDelivery, MailDeliveriesPage } from './MailDeliveriesPage';

const sent: MailDelivery = {
  id: '3',
  address: 'wojt@dobra.example',
  kind: 'vote_opened',
  subject: 'Głosowanie otwarte: Uchwała budżetowa',
  status: 'sent',
  attempts: 1,
  lastError: null,
  createdAt: '2026-03-02T09:00:00.000Z',
  sentAt: '2026-03-02T09:00:05.000Z',
  nextAttemptAt: null,
};

const bounced: MailDelivery = {
  ...sent,
  id: '2',
  address: 'nikt@zla-domena.example',
  status: 'bounced',
  lastError: '550 5.1.1 <nikt@zla-domena.example>: Recipient address rejected',
  sentAt: null,
};

const waiting: MailDelivery = {
  ...sent,
  id: '1',
  address: 'burmistrz@police.example',
  status: 'pending',
  attempts: 2,
  lastError: 'connect ECONNREFUSED 127.0.0.1:25',
  sentAt: null,
  // 10:15 in Warsaw
  nextAttemptAt: '2026-03-02T09:15:00.000Z',
};

const ALL = '/workspaces/w1/mail-deliveries';
const answer = (items: MailDelivery[]): MailDeliveries => ({ counts: { pending: 1, sent: 1, failed: 0, bounced: 1 }, items });

function open(routes: Record<string, unknown>, options: { language?: 'pl' | 'en'; path?: string } = {}) {
  return renderPage(<MailDeliveriesPage />, {
    route: '/w/:workspaceId/mail',
    path: options.path ?? '/w/w1/mail',
    role: 'coordinator',
    language: options.language,
    routes,
  });
}

describe('MailDeliveriesPage', () => {
  it('shows the counts by state and the newest e-mails with their state, attempts, last error and times in Warsaw', async () => {
    open({ [`GET ${ALL}`]: answer([sent, bounced, waiting]) });
    const table = await screen.findByRole('table', { name: 'Najnowsze wiadomości e-mail (do 200)' });
    const counts = screen.getByRole('heading', { level: 2, name: 'Stan wysyłki' }).closest('section')!;
    expect([...counts.querySelectorAll('dt')].map((dt) => `${dt.textContent} ${dt.nextElementSibling?.textContent}`)).toEqual([
      'Oczekujące 1',
      'Wysłane 1',
      'Nieudane 0',
      'Zwrócone 1',
    ]);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell').slice(0, 6).map((cell) => plain(cell.textContent)))).toEqual([
      ['Głosowanie otwarte: Uchwała budżetowa', 'wysłana', '1', '—', '2 mar 2026, 10:00', '2 mar 2026, 10:00'],
      ['Głosowanie otwarte: Uchwała budżetowa', 'zwrócona', '1', '550 5.1.1 <nikt@zla-domena.example>: Recipient address rejected', '2 mar 2026, 10:00', '—'],
      ['Głosowanie otwarte: Uchwała budżetowa', 'oczekuje', '2', 'connect ECONNREFUSED 127.0.0.1:25', '2 mar 2026, 10:00', 'następna próba: 2 mar 2026, 10:15'],
    ]);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['wojt@dobra.example', 'nikt@zla-domena.example', 'burmistrz@police.example']);
    // Only a failed or bounced e-mail can be sent again.
    expect(rows.map((row) => within(row).queryByRole('button')?.textContent ?? null)).toEqual([null, 'Wyślij ponownie', null]);
  });

  it('sends a bounced e-mail again and shows it waiting', async () => {
    const user = userEvent.setup();
    let items = [sent, bounced];
    const page = open({
      [`GET ${ALL}`]: () => answer(items),
      [`POST ${ALL}/2/retry`]: () => {
        items = [sent, { ...bounced, status: 'pending', attempts: 0, lastError: null, nextAttemptAt: '2026-03-02T09:20:00.000Z' }];
        return reply(204);
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Wyślij ponownie wiadomość do nikt@zla-domena.example: Głosowanie otwarte: Uchwała budżetowa' }));
    expect(await screen.findByText('Wiadomość do nikt@zla-domena.example zostanie wysłana ponownie.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('button', { name: /Wyślij ponownie/ })).toBeNull());
    const row = screen.getByRole('row', { name: /nikt@zla-domena/ });
    expect(within(row).getAllByRole('cell')[1].textContent).toBe('oczekuje');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('region', { name: 'Najnowsze wiadomości e-mail (do 200)' })));
    expect(page.calls.filter((c: ApiCall) => c.method === 'POST').map((c) => c.path)).toEqual([`${ALL}/2/retry`]);
  });

  it('says why an e-mail could not be sent again', async () => {
    const user = userEvent.setup();
    open({
      [`GET ${ALL}`]: answer([bounced]),
      [`POST ${ALL}/2/retry`]: reply(409, { status: 409, code: 'mail_not_retryable', detail: 'the e-mail is sent' }),
    });
    await user.click(await screen.findByRole('button', { name: /Wyślij ponownie/ }));
    expect(await screen.findByText('Ponownie można wysłać tylko wiadomość, której nie udało się doręczyć.')).toBeTruthy();
  });

  it('filters by state, reading that state from the API, the counts staying; in English too', async () => {
    const user = userEvent.setup();
    const page = open(
      {
        [`GET ${ALL}`]: answer([sent, bounced, waiting]),
        [`GET ${ALL}?status=bounced`]: answer([bounced]),
        [`GET ${ALL}?status=failed`]: answer([]),
      },
      { language: 'en' },
    );
    await screen.findByRole('table');
    await user.selectOptions(screen.getByRole('combobox', { name: 'State' }), 'bounced');
    await waitFor(() => expect(page.location()).toBe('/w/w1/mail?status=bounced'));
    await waitFor(() => expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(2));
    expect(within(screen.getByRole('table')).getByRole('rowheader').textContent).toBe('nikt@zla-domena.example');
    expect(screen.getByText('Bounced', { selector: 'dt' })).toBeTruthy();

    await user.selectOptions(screen.getByRole('combobox', { name: 'State' }), 'failed');
    expect(await screen.findByText('No e-mails.')).toBeTruthy();
    expect(page.calls.filter((c) => c.method === 'GET' && c.path.startsWith(ALL)).map((c) => c.path)).toEqual([ALL, `${ALL}?status=bounced`, `${ALL}?status=failed`]);
  });

  it('says why the list could not be read', async () => {
    open({ [`GET ${ALL}`]: reply(403, { message: 'no' }) });
    expect(await screen.findByText('Nie masz uprawnień do tej czynności.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
