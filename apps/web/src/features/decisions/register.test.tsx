import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderPage, reply } from '../../test/fake-api';
import { plain, renderWithApp } from '../../test/render';
import type { PublicRegisterEntryDetails, RegisterReport } from './decisions-api';
import { registerEntry } from './fixtures';
import { PublicRegisterEntryPage } from './PublicRegisterEntryPage';
import { PublicRegisterPage } from './PublicRegisterPage';
import { RegisterPage } from './RegisterPage';

const valid: RegisterReport = { valid: true, checkedEntries: 1, checkedVotes: 2, auditChain: { valid: true, checkedEntries: 57, firstBroken: null }, firstBroken: null, problems: [] };
const broken: RegisterReport = {
  valid: false,
  checkedEntries: 1,
  checkedVotes: 2,
  auditChain: { valid: true, checkedEntries: 57, firstBroken: null },
  firstBroken: { kind: 'vote', id: 'v-123', code: 'ballots_changed', reason: 'its ballots were changed after the vote closed' },
  problems: [{ kind: 'vote', id: 'v-123', code: 'ballots_changed', reason: 'its ballots were changed after the vote closed' }],
};

function openRegister(reports: Array<RegisterReport | ReturnType<typeof reply>>) {
  let n = 0;
  return renderPage(<RegisterPage />, {
    route: '/w/:workspaceId/register',
    path: '/w/w1/register',
    role: 'observer',
    routes: {
      'GET /workspaces/w1/register': [registerEntry],
      'GET /workspaces/w1/register/verify': () => reports[Math.min(n++, reports.length - 1)],
    },
  });
}

const verification = () => plain(document.getElementById('register-verification')?.textContent);

describe('RegisterPage', () => {
  it('lists every adopted resolution with its result, the SHA-256 of its text and of the adopted version', async () => {
    openRegister([valid]);
    const table = await screen.findByRole('table', { name: 'Rejestr podjętych uchwał, od najstarszych' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Numer', 'Uchwała', 'Organ', 'Data podjęcia', 'Wynik głosowania', 'SHA-256 tekstu uchwały', 'SHA-256 przyjętej wersji']);
    const row = plain(within(table).getAllByRole('row')[1]!.textContent);
    expect(row).toContain('1/2026Uchwała nr 1/2026 Walnego Zebrania Członków w sprawie przyjęcia Strategii Rozwoju SOM 2030Walne Zebranie Członków');
    expect(row).toContain(`za 8, przeciw 2, wstrzymało się 1${'ab'.repeat(32)}${'cd'.repeat(32)}`);
    // Staff go from the number to the resolution's page.
    expect(within(table).getByRole('link', { name: 'Uchwała nr 1/2026: tekst, protokół i przyjęte dokumenty' }).getAttribute('href')).toBe('/w/w1/resolutions/r1');
    expect(screen.getByRole('link', { name: 'Publiczny rejestr uchwał (bez logowania)' }).getAttribute('href')).toBe('/registers/ssom');
  });

  it('verifies the register on load and says so in a status region', async () => {
    openRegister([valid]);
    await waitFor(() => expect(verification()).toBe('✔ Rejestr jest nienaruszony. Sprawdzono wpisów rejestru: 1, głosowań: 2, wpisów dziennika zdarzeń: 57.'));
    expect(document.getElementById('register-verification')?.getAttribute('role')).toBe('status');
  });

  it('names the first broken item in words when the register does not verify, on demand', async () => {
    const user = userEvent.setup();
    const page = openRegister([valid, broken]);
    await waitFor(() => expect(verification()).toContain('Rejestr jest nienaruszony.'));
    await user.click(screen.getByRole('button', { name: 'Sprawdź rejestr' }));
    await waitFor(() => expect(verification()).toBe('✖ Rejestr nie przechodzi weryfikacji.Pierwsza niezgodność: głosowanie o identyfikatorze v-123 — karty do głosowania lub sumy głosów zmieniono po zamknięciu głosowania.'));
    expect(page.calls.filter((c) => c.path === '/workspaces/w1/register/verify')).toHaveLength(2);
  });

  it('names a changed register entry and a failed request', async () => {
    const user = userEvent.setup();
    openRegister([{ ...broken, firstBroken: { kind: 'register_entry', id: '1/2026', code: 'entry_differs', reason: 'the entry differs from the audit entry that sealed it' } }, reply(500, { message: 'boom' })]);
    await waitFor(() => expect(verification()).toContain('Pierwsza niezgodność: wpis rejestru dla uchwały nr 1/2026 — wpis różni się od wpisu dziennika zdarzeń, który go zapieczętował.'));
    await user.click(screen.getByRole('button', { name: 'Sprawdź rejestr' }));
    await waitFor(() => expect(verification()).toBe('Serwer napotkał błąd. Spróbuj ponownie za chwilę.'));
  });
});

describe('what does not verify', () => {
  it('lists every mismatch when there are several, and marks an entry that does not verify', async () => {
    const several: RegisterReport = {
      ...broken,
      firstBroken: { kind: 'vote', id: 'v-1', code: 'outcome_changed', reason: 'its stored outcome was changed (for 8, against 99)' },
      problems: [
        { kind: 'vote', id: 'v-1', code: 'outcome_changed', reason: 'its stored outcome was changed (for 8, against 99)' },
        { kind: 'register_entry', id: '1/2026', code: 'entry_result_differs', reason: 'its result (against 99) differs from the sealed one (against 2)' },
      ],
    };
    renderPage(<RegisterPage />, {
      route: '/w/:workspaceId/register',
      path: '/w/w1/register',
      role: 'observer',
      routes: { 'GET /workspaces/w1/register': [{ ...registerEntry, verified: false }], 'GET /workspaces/w1/register/verify': several },
    });
    await waitFor(() => expect(verification()).toContain('Wszystkie niezgodności'));
    expect(verification()).toContain('wynik we wpisie różni się od zapieczętowanego');
    expect(verification()).toContain('zmieniono zapisany wynik głosowania');
    // The register's list is read apart from its verification.
    await waitFor(() => expect(plain(within(screen.getByRole('table')).getAllByRole('row')[1]!.textContent)).toContain('niezweryfikowany'));
  });
});

describe('PublicRegisterPage', () => {
  it('lists the published register without signing in', async () => {
    // The public shape: without the resolution's id and the audit entry's number.
    const { resolutionId: _id, auditSeq: _seq, ...published } = registerEntry;
    const calls = fakeApi({ 'GET /public/registers/ssom': { workspace: 'Stowarzyszenie „Szczeciński Obszar Metropolitalny”', entries: [published] } });
    renderWithApp(
      <Routes>
        <Route path="/registers/:slug" element={<PublicRegisterPage />} />
      </Routes>,
      { path: '/registers/ssom', language: 'en' },
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Decision register: Stowarzyszenie „Szczeciński Obszar Metropolitalny”' })).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Register of resolutions adopted, oldest first' });
    expect(plain(within(table).getAllByRole('row')[1]!.textContent)).toContain('for 8, against 2, abstained 1');
    expect(within(table).getByRole('link', { name: 'Resolution no. 1/2026: text, minutes and adopted documents' }).getAttribute('href')).toBe('/registers/ssom/1');
    expect(calls.map((c) => c.path)).toEqual(['/public/registers/ssom']);
  });

  it('explains an unknown register', async () => {
    fakeApi({});
    renderWithApp(
      <Routes>
        <Route path="/registers/:slug" element={<PublicRegisterPage />} />
      </Routes>,
      { path: '/registers/nope' },
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Nie można wyświetlić rejestru uchwał' })).toBeTruthy();
  });
});

describe('PublicRegisterEntryPage', () => {
  const { resolutionId: _id, auditSeq: _seq, ...published } = registerEntry;
  const details: PublicRegisterEntryDetails = {
    workspace: 'Stowarzyszenie „Szczeciński Obszar Metropolitalny”',
    entry: { ...published, position: 3 },
    text: { content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '§ 1. Przyjmuje się Strategię Rozwoju SOM 2030.' }] }] }, contentHash: 'ab'.repeat(32) },
    adopts: { documentTitle: 'Strategia Rozwoju SOM', number: 2, name: 'do przyjęcia', contentHash: 'cd'.repeat(32) },
    minutes: { title: 'XXI Walne Zebranie Członków', startsAt: '2026-12-02T10:00:00.000Z' },
    changes: { number: '4/2025', kind: 'amends', position: 1 },
    changedBy: [{ number: '2/2027', kind: 'repeals', position: 9 }],
  };
  const open = (path: string, routes: Record<string, unknown>, language?: 'en') => {
    const calls = fakeApi(routes);
    renderWithApp(
      <Routes>
        <Route path="/registers/:slug/:position" element={<PublicRegisterEntryPage />} />
      </Routes>,
      { path, language },
    );
    return calls;
  };

  it('shows an entry with its text as voted, the adopted document, the minutes and the resolutions it changes or that change it', async () => {
    const calls = open('/registers/ssom/3', { 'GET /public/registers/ssom/entries/3': details });
    expect(await screen.findByRole('heading', { level: 1, name: registerEntry.title })).toBeTruthy();
    expect(await screen.findByText('§ 1. Przyjmuje się Strategię Rozwoju SOM 2030.')).toBeTruthy();
    expect(screen.getByRole('document', { name: 'Tekst uchwały nr 1/2026' })).toBeTruthy();
    const hrefOf = (name: string) => screen.getByRole('link', { name }).getAttribute('href');
    expect(hrefOf('Pobierz tekst uchwały nr 1/2026 (PDF)')).toBe('/api/public/registers/ssom/entries/3/text.pdf?lang=pl');
    expect(hrefOf('Pobierz przyjęty dokument „Strategia Rozwoju SOM” (PDF)')).toBe('/api/public/registers/ssom/entries/3/adopted.pdf?lang=pl');
    expect(hrefOf('Protokół (PDF)')).toBe('/api/public/registers/ssom/entries/3/minutes.pdf?lang=pl');
    expect(hrefOf('4/2025')).toBe('/registers/ssom/1');
    expect(hrefOf('2/2027')).toBe('/registers/ssom/9');
    const facts = plain(document.querySelector('dl.facts')?.textContent);
    expect(facts).toContain('Zmienia uchwałę4/2025');
    expect(facts).toContain('Zmiany tej uchwałyuchylona uchwałą 2/2027');
    expect(plain(document.body.textContent)).toContain(`SHA-256 tekstu uchwały: ${'ab'.repeat(32)}`);
    expect(plain(document.body.textContent)).toContain('Strategia Rozwoju SOM, wersja 2: do przyjęcia');
    expect(calls.map((c) => c.path)).toEqual(['/public/registers/ssom/entries/3']);
  });

  it('says what an old entry lacks, in English too', async () => {
    open('/registers/ssom/3', { 'GET /public/registers/ssom/entries/3': { ...details, text: null, adopts: null, minutes: null, changes: null, changedBy: [] } }, 'en');
    expect(await screen.findByText('This resolution was adopted before texts were frozen when a vote opened: its text was not recorded in the register.')).toBeTruthy();
    expect(screen.getByText('No minutes to download: the resolution was adopted in a remote vote, or the meeting has not ended yet.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: /PDF/ })).toBeNull();
  });

  it('explains an entry that is not there, and asks nothing for an address that is no entry', async () => {
    open('/registers/ssom/77', {});
    expect(await screen.findByRole('heading', { level: 1, name: 'Nie można wyświetlić wpisu rejestru' })).toBeTruthy();
    const calls = open('/registers/ssom/abc', {});
    expect(await screen.findByText('W rejestrze nie ma takiego wpisu.')).toBeTruthy();
    expect(calls).toEqual([]);
  });
});
