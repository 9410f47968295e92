import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderPage, reply } from '../../test/fake-api';
import { plain, renderWithApp } from '../../test/render';
import { AccessibilityStatementPage } from './AccessibilityStatementPage';
import { record, site, statement } from './fixtures';
import { PublicationSettingsPage } from './PublicationSettingsPage';
import { PublicRecordPage } from './PublicRecordPage';
import { PublicSitePage } from './PublicSitePage';

function openPublic(path: string, routes: Record<string, unknown>, language?: 'pl' | 'en') {
  const calls = fakeApi(routes);
  renderWithApp(
    <Routes>
      <Route path="/p/:slug" element={<PublicSitePage />} />
      <Route path="/p/:slug/accessibility" element={<AccessibilityStatementPage />} />
      <Route path="/p/:slug/records/:kind/:key" element={<PublicRecordPage />} />
    </Routes>,
    { path, language },
  );
  return calls;
}

const linkHref = (name: string | RegExp) => screen.getByRole('link', { name }).getAttribute('href');

describe('PublicSitePage', () => {
  it('shows the adopted documents with their hash and files, consultations by state, the register, projects and contacts', async () => {
    openPublic('/p/ssom', { 'GET /public/sites/ssom': site });
    await screen.findByRole('heading', { level: 1, name: site.association.name });
    expect(document.title).toBe('SSOM: strona publiczna – Commonplan');
    const documents = screen.getByRole('region', { name: 'Przyjęte dokumenty' });
    expect(plain(documents.textContent)).toContain('Przyjęty uchwałą nr 3/2026 (Walne Zebranie Członków) dnia 15 cze 2026. Wersja 2: Wersja przyjęta.');
    expect(within(documents).getByText('ab'.repeat(32))).toBeTruthy();
    expect(within(documents).getByRole('link', { name: 'PDF: Strategia Rozwoju SOM 2030' }).getAttribute('href')).toBe('/api/public/registers/ssom/entries/3/adopted.pdf?lang=pl');
    expect(within(documents).getByRole('link', { name: 'DOCX: Strategia Rozwoju SOM 2030' }).getAttribute('href')).toBe('/api/public/registers/ssom/entries/3/adopted.docx?lang=pl');
    expect(within(documents).getByRole('link', { name: 'Metryka: Strategia Rozwoju SOM 2030' }).getAttribute('href')).toBe('/p/ssom/records/resolution/3');

    const consultations = screen.getByRole('region', { name: 'Konsultacje' });
    expect(within(consultations).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Trwające: można zgłaszać uwagi', 'Zapowiedziane', 'Zakończone']);
    expect(linkHref('Zgłoś uwagę: Konsultacje planu mobilności')).toBe('/consultations/r-open');
    expect(linkHref('Strona konsultacji: Konsultacje programu kultury')).toBe('/consultations/r-soon');
    expect(linkHref('Sprawozdanie (PDF, najnowsze wydanie; wydań: 2): Konsultacje Strategii SOM 2030')).toBe('/api/public/rounds/r-past/report.pdf?lang=pl');
    expect(linkHref('Metryka: sprawozdanie z konsultacji Konsultacje Strategii SOM 2030')).toBe('/p/ssom/records/report/r-past');
    expect(plain(consultations.textContent)).toContain('Sprawozdanie jest w przygotowaniu.');

    const register = screen.getByRole('region', { name: 'Rejestr uchwał' });
    expect(plain(register.textContent)).toContain('Uchwał w rejestrze: 3. Najnowsze:');
    expect(within(register).getByRole('link', { name: /^Uchwała nr 3\/2026 Walnego/ }).getAttribute('href')).toBe('/registers/ssom/3');
    expect(within(register).getByRole('link', { name: 'Cały rejestr uchwał z tekstami i protokołami' }).getAttribute('href')).toBe('/registers/ssom');

    const projects = screen.getByRole('region', { name: 'Wspólne projekty' });
    expect(plain(projects.textContent)).toContain('EtapDofinansowanie przyznane (30 wrz 2026)LiderGmina Miasto SzczecinUczestnicyGmina Miasto Szczecin, Gmina Police');
    expect(plain(projects.textContent)).toContain('Poziom dofinansowania85%');
    expect(within(screen.getByRole('region', { name: 'Kontakt' })).getByRole('link', { name: '+48 91 111 11 11' }).getAttribute('href')).toBe('tel:+48911111111');

    expect(plain(screen.getByRole('region', { name: 'Dane osobowe' }).textContent)).toContain('Dane kontaktowe są usuwane 90 dni po opublikowaniu sprawozdania.');
    // Its own navigation, and the feed announced to feed readers.
    const nav = screen.getByRole('navigation', { name: 'Strona publiczna stowarzyszenia' });
    expect(within(nav).getAllByRole('link').map((l) => [l.textContent, l.getAttribute('href')])).toEqual([
      ['Strona główna', '/p/ssom'],
      ['Rejestr uchwał', '/registers/ssom'],
      ['Deklaracja dostępności', '/p/ssom/accessibility'],
      ['Kanał Atom z nowymi publikacjami', '/api/public/sites/ssom/feed.atom'],
    ]);
    expect(within(nav).getByRole('link', { name: 'Strona główna' }).getAttribute('aria-current')).toBe('page');
    const feed = document.head.querySelector('link[rel="alternate"][type="application/atom+xml"]');
    expect(feed?.getAttribute('href')).toBe('/api/public/sites/ssom/feed.atom');
  });

  it('says what there is not yet, in English too', async () => {
    openPublic('/p/ssom', { 'GET /public/sites/ssom': { ...site, documents: [], consultations: [], projects: [], register: { total: 0, latest: [] }, association: { ...site.association, email: null, phone: null, address: null } } }, 'en');
    await screen.findByRole('heading', { level: 1 });
    expect(screen.getByText('The association has not adopted any document by resolution yet.')).toBeTruthy();
    expect(screen.getByText('The association has not announced any consultation yet.')).toBeTruthy();
    expect(screen.getByText('There are no approved joint projects yet.')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Contact' })).toBeNull();
  });

  it('says when there is no such association', async () => {
    openPublic('/p/nie-ma', { 'GET /public/sites/nie-ma': reply(404, { statusCode: 404, message: 'no association has this address' }) });
    await screen.findByRole('heading', { level: 1, name: 'Nie można wyświetlić strony publicznej' });
    expect(screen.getByRole('alert').textContent).not.toBe('');
  });
});

describe('PublicRecordPage', () => {
  it('shows the metadata, the history of changes, the files and the export for BIP', async () => {
    openPublic('/p/ssom/records/report/r-past', { 'GET /public/sites/ssom/records/report/r-past': record });
    await screen.findByRole('heading', { level: 1, name: record.title });
    const metadata = screen.getByRole('region', { name: 'Metryka informacji publicznej' });
    expect(plain(metadata.textContent)).toContain('Informację wytworzyłStowarzyszenie „Szczeciński Obszar Metropolitalny”Data wytworzenia1 maj 2026, 12:00');
    expect(plain(metadata.textContent)).toContain('Informację wprowadziłAnna KoordynatorData udostępnienia1 maj 2026, 12:00');
    const history = screen.getByRole('table', { name: `Rejestr zmian: ${record.title}` });
    expect(within(history).getAllByRole('row').slice(1).map((row) => plain(row.textContent))).toEqual([
      `1 maj 2026, 12:00Wydanie sprawozdaniaAnna Koordynator1 · SHA-256 ${'ab'.repeat(32)}`,
      `20 maj 2026, 11:30Wydanie sprawozdaniaJan Biuro2 · SHA-256 ${'cd'.repeat(32)}`,
    ]);
    expect(linkHref('sprawozdanie-wydanie-2.pdf')).toBe('/api/public/rounds/r-past/report.pdf?edition=2');
    expect(linkHref('Pobierz publikację dla BIP (ZIP: pliki i metryka)')).toBe('/api/public/sites/ssom/records/report/r-past/export.zip');
  });

  it('asks nothing for a kind of record there is not', async () => {
    const calls = openPublic('/p/ssom/records/other/1', {});
    await screen.findByRole('heading', { level: 1, name: 'Nie można wyświetlić metryki' });
    expect(screen.getByText('Nie ma takiej publikacji.')).toBeTruthy();
    expect(calls).toEqual([]);
  });
});

describe('AccessibilityStatementPage', () => {
  it('states compliance from the measured checks, with the dates, the contact and the procedure', async () => {
    openPublic('/p/ssom/accessibility', { 'GET /public/sites/ssom/accessibility': statement });
    await screen.findByRole('heading', { level: 1, name: 'Deklaracja dostępności' });
    expect(screen.getByText(/Deklaracja dostępności dotyczy strony https:\/\/commonplan\.example\/p\/ssom\./)).toBeTruthy();
    expect(screen.getByText(/jest zgodna z ustawą z dnia 4 kwietnia 2019 r\./)).toBeTruthy();
    expect(screen.getByText('Deklarację sporządzono dnia 7 gru 2026.')).toBeTruthy();
    expect(screen.getByText(/narzędziem axe-core 4\.11\.0 względem WCAG 2\.1 AA: 5 badań 2 stron/)).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Zbadane strony i wyniki badań' });
    expect(within(table).getAllByRole('row').slice(1).map((row) => plain(row.textContent))).toEqual(['/p/ssom3brak', '/p/ssom/accessibility2brak']);
    expect(screen.getByText(/Osobą kontaktową jest: Koordynator ds\. dostępności/)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Procedura wnioskowo-skargowa' })).toBeTruthy();
    expect(screen.getByText(/nie później niż w ciągu 7 dni/)).toBeTruthy();
    expect(screen.getByText(/Biuro stowarzyszenia: Biuro Stowarzyszenia, 70-001 Szczecin\./)).toBeTruthy();
  });

  it('lists the failing rules page by page when it is only partly compliant', async () => {
    const failing = { ...statement, status: 'partially_compliant' as const, audit: { ...statement.audit, pages: [...statement.audit.pages, { path: '/login', checks: 1, violations: ['color-contrast'] }] } };
    openPublic('/p/ssom/accessibility', { 'GET /public/sites/ssom/accessibility': failing }, 'en');
    await screen.findByRole('heading', { level: 1, name: 'Accessibility statement' });
    expect(screen.getByText(/is partially compliant/)).toBeTruthy();
    expect(screen.getByText('/login: rules not met color-contrast')).toBeTruthy();
  });
});

describe('PublicationSettingsPage', () => {
  const settings = { slug: 'ssom', email: 'biuro@som.example', phone: null, address: 'Szczecin', accessibilityContact: null, updatedAt: '2026-12-01T10:00:00.000Z' };

  it('links the public site and saves the details, saying so', async () => {
    const user = userEvent.setup();
    const page = renderPage(<PublicationSettingsPage />, {
      route: '/w/:workspaceId/publication',
      path: '/w/w1/publication',
      role: 'coordinator',
      routes: {
        'GET /workspaces/w1/publication': settings,
        'PUT /workspaces/w1/publication': ({ body }: { body: Record<string, string> }) => ({ ...settings, ...body, updatedAt: '2026-12-07T10:00:00.000Z' }),
      },
    });
    await screen.findByRole('heading', { level: 1, name: 'Strona publiczna' });
    expect(screen.getByRole('link', { name: /^Otwórz stronę publiczną/ }).getAttribute('href')).toBe('/p/ssom');
    const phone = await screen.findByLabelText('Telefon biura');
    await user.type(phone, '+48 91 111 11 11');
    await user.type(screen.getByLabelText('Kontakt w sprawie dostępności', { exact: false }), 'Anna Dostępna');
    await user.click(screen.getByRole('button', { name: 'Zapisz dane' }));
    await screen.findByText('Zapisano dane strony publicznej.');
    const put = page.calls.find((c) => c.method === 'PUT');
    expect(put?.body).toEqual({ email: 'biuro@som.example', phone: '+48 91 111 11 11', address: 'Szczecin', accessibilityContact: 'Anna Dostępna' });
  });

  it('shows the server’s refusal at the field and moves the focus there', async () => {
    const user = userEvent.setup();
    renderPage(<PublicationSettingsPage />, {
      route: '/w/:workspaceId/publication',
      path: '/w/w1/publication',
      role: 'coordinator',
      routes: {
        'GET /workspaces/w1/publication': settings,
        'PUT /workspaces/w1/publication': reply(400, { statusCode: 400, message: 'email must be an e-mail address', errors: [{ field: 'email', message: 'email must be an e-mail address', code: 'invalid_email' }] }),
      },
    });
    const email = await screen.findByLabelText('E-mail biura');
    await user.clear(email);
    await user.type(email, 'nie-adres');
    await user.click(screen.getByRole('button', { name: 'Zapisz dane' }));
    await waitFor(() => expect(document.activeElement).toBe(email));
    expect(email.getAttribute('aria-invalid')).toBe('true');
  });
});
