import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderPage, reply } from '../../test/fake-api';
import { OwnDataSection } from './OwnDataSection';
import { PersonalDataSection } from './PersonalDataSection';

const WS = 'ws-1';
let downloaded: string[];

beforeEach(() => {
  downloaded = [];
  vi.stubGlobal('URL', Object.assign(globalThis.URL, { createObjectURL: vi.fn(() => 'blob:export'), revokeObjectURL: vi.fn() }));
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloaded.push(this.download);
  });
});
afterEach(() => vi.restoreAllMocks());

const page = (routes: Record<string, unknown>, language: 'pl' | 'en' = 'pl') =>
  renderPage(<PersonalDataSection workspaceId={WS} />, { route: '/w/:workspaceId/people', path: `/w/${WS}/people`, role: 'coordinator', language, routes });

describe('PersonalDataSection', () => {
  it('shows the retention in days, saves a new one with a status message, and names a refused value at its field', async () => {
    const user = userEvent.setup();
    let days = 90;
    const view = page({
      [`GET /workspaces/${WS}/personal-data/settings`]: () => ({ contactRetentionDays: days }),
      [`PUT /workspaces/${WS}/personal-data/settings`]: (call: { body: { contactRetentionDays: number } }) => {
        if (!(call.body.contactRetentionDays >= 1 && call.body.contactRetentionDays <= 3650)) {
          return reply(400, { message: 'contactRetentionDays: contactRetentionDays must be at most 3650', errors: [{ field: 'contactRetentionDays', message: 'contactRetentionDays must be at most 3650' }] });
        }
        days = call.body.contactRetentionDays;
        return { contactRetentionDays: days };
      },
    });
    const section = await screen.findByRole('region', { name: 'Dane osobowe' });
    const field = within(section).getByLabelText('Liczba dni przechowywania danych kontaktowych') as HTMLInputElement;
    await waitFor(() => expect(field.value).toBe('90'));
    expect(field.getAttribute('aria-describedby')).toBe('personal-data-days-hint');

    await user.clear(field);
    await user.type(field, '5000');
    await user.click(within(section).getByRole('button', { name: 'Zapisz okres przechowywania' }));
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(field.getAttribute('aria-describedby')).toContain('personal-data-days-error');

    await user.clear(field);
    await user.type(field, '30');
    await user.keyboard('{Enter}');
    expect(await within(section).findByText('Zapisano. Dane kontaktowe są przechowywane po publikacji sprawozdania przez liczbę dni: 30.')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBeNull();
    expect(view.calls.filter((c) => c.method === 'PUT').map((c) => c.body)).toEqual([{ contactRetentionDays: 5000 }, { contactRetentionDays: 30 }]);
  });

  it('downloads the JSON of a person by e-mail and says a refusal', async () => {
    const user = userEvent.setup();
    const view = page(
      {
        [`GET /workspaces/${WS}/personal-data/settings`]: { contactRetentionDays: 90 },
        [`GET /workspaces/${WS}/personal-data/export?email=anna%40example.pl`]: { subject: { email: 'anna@example.pl' } },
        [`GET /workspaces/${WS}/personal-data/export?email=zle`]: reply(400, { message: 'email: email must be an e-mail address', errors: [{ field: 'email', message: 'email must be an e-mail address' }] }),
      },
      'en',
    );
    const section = await screen.findByRole('region', { name: 'Personal data' });
    const email = within(section).getByLabelText("The person's e-mail address");
    await user.type(email, 'zle');
    await user.click(within(section).getByRole('button', { name: 'Download the data' }));
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(downloaded).toEqual([]);

    await user.clear(email);
    await user.type(email, 'anna@example.pl');
    await user.click(within(section).getByRole('button', { name: 'Download the data' }));
    expect(await within(section).findByText('Downloaded the data of anna@example.pl.')).toBeTruthy();
    expect(downloaded).toEqual(['dane-osobowe.json']);
    expect(view.calls.map((c) => c.path)).toContain(`/workspaces/${WS}/personal-data/export?email=anna%40example.pl`);
  });
});

describe('OwnDataSection', () => {
  it('downloads the signed-in person’s own data', async () => {
    const user = userEvent.setup();
    const view = renderPage(<OwnDataSection />, { route: '/account', path: '/account', role: 'observer', routes: { 'GET /account/personal-data': { account: {} } } });
    const section = await screen.findByRole('region', { name: 'Twoje dane' });
    await user.click(within(section).getByRole('button', { name: 'Pobierz moje dane' }));
    expect(await within(section).findByText('Pobrano Twoje dane.')).toBeTruthy();
    expect(downloaded).toEqual(['moje-dane-osobowe.json']);
    expect(view.calls.filter((c) => c.path === '/account/personal-data')).toHaveLength(1);
  });

  it('says when the download failed', async () => {
    const user = userEvent.setup();
    renderPage(<OwnDataSection />, { route: '/account', path: '/account', role: 'observer', routes: { 'GET /account/personal-data': reply(500, { message: 'boom' }) } });
    const section = await screen.findByRole('region', { name: 'Twoje dane' });
    await user.click(within(section).getByRole('button', { name: 'Pobierz moje dane' }));
    expect(await within(section).findByRole('alert')).toBeTruthy();
    expect(downloaded).toEqual([]);
  });
});
