import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { bearerToken, callApi, demoWorkspaceId, invitePerson } from './support/api';
import { COORDINATOR, launchBrowser, openPage, signIn } from './support/browser';
import { statutoryDays, warsawInput } from './support/warsaw';

const DAY = 24 * 60 * 60 * 1000;
/** A date field's text ("05.12.2026 09:00", Polish time); the moment the app reads from it, to the minute. */
const local = warsawInput;
const toMinute = (date: Date) => new Date(Math.floor(date.getTime() / 60_000) * 60_000);

async function bothLanguagesClean(page: Page, englishHeading: RegExp): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: englishHeading }).waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Polski' }).click();
}

async function tableRows(page: Page): Promise<string[]> {
  const table = page.getByRole('table', { name: /Uwagi zgłoszone w konsultacjach/ });
  return (await table.locator('tbody tr').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
}

describe('consultation round: the form, meetings and the triage of comments', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a coordinator creates a round and a meeting, an expert drafts a disposition, the coordinator approves it', async () => {
    const token = await bearerToken(COORDINATOR);
    const workspaceId = await demoWorkspaceId(token);
    const suffix = Date.now().toString(36);
    const documentTitle = `Strategia transportu ${suffix}`;
    const title = `Konsultacje strategii transportu ${suffix}`;
    const documentId = (await callApi<{ id: string }>(token, 'POST', `/workspaces/${workspaceId}/documents`, { title: documentTitle, kind: 'strategy' })).id;
    await callApi(token, 'POST', `/documents/${documentId}/versions`, { name: 'v1.0 — do konsultacji' });
    const expert = await invitePerson(token, workspaceId, {
      email: `ekspertka.${suffix}@som.example`,
      displayName: `Ewa Ekspertka ${suffix}`,
      password: 'metropolia nad odrą 2026',
      role: 'expert',
    });

    // The coordinator creates the round through the form.
    const { context, page, errors } = await openPage(browser);
    await signIn(page, COORDINATOR);
    await page.getByRole('link', { name: 'Nowa konsultacja' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nowa runda konsultacji' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.getByLabel('Dokument').selectOption({ label: documentTitle });
    await page.getByLabel('Zamrożona wersja').selectOption({ label: 'Wersja 1: v1.0 — do konsultacji' });
    await page.getByLabel('Tytuł konsultacji').fill(title);
    await page.getByRole('group', { name: 'Sposoby zgłaszania uwag' }).getByLabel('poczta').check();
    // It opens an hour ago, so that it can be opened for comments at once; the close follows: the end (23:59 in
    // Warsaw) of the 35th day after today, when it can be announced at the earliest.
    const opensAt = new Date(Date.now() - 60 * 60 * 1000);
    await page.getByLabel('Otwarcie zbierania uwag').fill(local(opensAt));
    // The form offers the close once the opening is typed.
    await expect.poll(() => page.getByLabel('Zamknięcie zbierania uwag').inputValue()).toBe(`${warsawInput(new Date(Date.now() + 35 * DAY)).slice(0, 10)} 23:59`);
    expect(await page.getByText(/krócej niż ustawowe 35 dni/).count()).toBe(0);
    // Shorter than 35 days for a strategy: a warning, announced, that does not stop the form (the 10th day is cut short).
    const shortClose = new Date(opensAt.getTime() + 10 * DAY);
    await page.getByLabel('Zamknięcie zbierania uwag').fill(local(shortClose));
    await page.getByRole('status').filter({ hasText: `konsultacje strategii trwają tu ${statutoryDays(new Date(), toMinute(shortClose))} dni` }).waitFor();
    await bothLanguagesClean(page, /New consultation round/);
    await page.getByLabel('Zamknięcie zbierania uwag').fill(local(new Date(opensAt.getTime() + 40 * DAY)));
    // The short close's warning goes away.
    await expect.poll(() => page.getByText(/krócej niż ustawowe 35 dni/).count()).toBe(0);
    await page.getByRole('button', { name: 'Utwórz rundę konsultacji' }).click();
    await page.waitForURL(/\/rounds\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const roundId = page.url().split('/').pop()!;
    const facts = (await page.locator('.round-facts').innerText()).replace(/\s+/g, ' ');
    expect(facts).toContain('Etap Projekt');
    expect(facts).toContain('Sposoby zgłaszania uwag formularz online, e-mail, poczta');

    // A meeting.
    await page.getByLabel('Data i godzina').fill(local(new Date(Date.now() + 7 * DAY)));
    await page.getByLabel('Miejsce').fill('Police, ratusz, sala sesyjna');
    await page.getByRole('button', { name: 'Dodaj spotkanie' }).click();
    await page.getByRole('status').filter({ hasText: 'Dodano spotkanie' }).waitFor();
    await expect.poll(() => page.getByRole('region', { name: 'Spotkania konsultacyjne' }).innerText()).toContain('Police, ratusz, sala sesyjna');
    await bothLanguagesClean(page, new RegExp(title));
    await page.getByRole('button', { name: 'Ogłoś konsultacje' }).click();
    await page.getByRole('status').filter({ hasText: 'Runda jest teraz na etapie „Ogłoszone”.' }).waitFor();
    await page.getByRole('button', { name: 'Otwórz zbieranie uwag' }).click();
    await page.getByRole('status').filter({ hasText: 'Runda jest teraz na etapie „Otwarte”.' }).waitFor();

    // Two comments from the public form.
    const first = await callApi<{ id: string; number: string }>(null, 'POST', `/public/rounds/${roundId}/comments`, {
      part: 'Rozdział 1. Diagnoza',
      currentWording: 'Autobusy kursują co godzinę.',
      proposedWording: 'Autobusy kursują co pół godziny.',
      justification: 'Potrzeba więcej buspasów i kursów.',
      submitter: { kind: 'person', name: 'Jan Kowalski', type: 'resident' },
      email: `jan.${suffix}@example.org`,
    });
    const second = await callApi<{ id: string; number: string }>(null, 'POST', `/public/rounds/${roundId}/comments`, {
      part: 'Rozdział 2. Cele',
      justification: 'Brakuje celu dla portu w Policach.',
      submitter: { kind: 'institution', name: 'Izba Gospodarcza Pomorza', type: 'partner_organisation' },
    });

    // The triage screen, linked from the round's page.
    await page.reload();
    await page.getByRole('link', { name: /Rozpatrywanie uwag/ }).click();
    await page.getByRole('heading', { level: 1, name: `Uwagi: ${title}` }).waitFor();
    await page.getByRole('table', { name: 'Uwagi zgłoszone w konsultacjach, według: numer' }).waitFor();
    await expect.poll(async () => (await tableRows(page)).length).toBe(2);
    let rows = await tableRows(page);
    expect(rows[0]).toContain(`${first.number} Rozdział 1. Diagnoza Jan Kowalski osoba fizyczna · mieszkaniec`);
    expect(rows.join(' ')).not.toContain('@example.org');

    // Staff enter a comment that came by post.
    await page.getByRole('button', { name: 'Wprowadź uwagę w imieniu zgłaszającego' }).click();
    const entry = page.getByRole('form', { name: 'Wprowadź uwagę w imieniu zgłaszającego' });
    await entry.getByLabel('Sposób zgłoszenia').selectOption('post');
    await entry.getByLabel('Imię i nazwisko albo nazwa instytucji').fill('Anna Nowak');
    await entry.getByLabel('Część dokumentu').fill('Rozdział 3. Wdrażanie');
    await entry.getByLabel('Uzasadnienie uwagi').fill('Harmonogram jest zbyt krótki.');
    await entry.getByRole('button', { name: 'Wprowadź uwagę' }).click();
    await page.getByRole('status').filter({ hasText: /Wprowadzono uwagę U\/\d{4}\/\d{4}\./ }).waitFor();
    await expect.poll(async () => (await tableRows(page)).length).toBe(3);

    // The coordinator assigns the first comment to the expert.
    await page.getByRole('button', { name: `Otwórz uwagę ${first.number}` }).click();
    const panel = page.getByRole('region', { name: `Uwaga ${first.number}` });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('triage-detail-heading');
    await panel.getByLabel('Przypisz do').selectOption({ label: `${expert.displayName} (Ekspert)` });
    await panel.getByRole('button', { name: 'Zapisz przypisanie' }).click();
    await page.getByRole('status').filter({ hasText: `Uwagę ${first.number} przypisano: ${expert.displayName} (Ekspert).` }).waitFor();
    await expect.poll(() => panel.getByLabel('Notatka wewnętrzna — nie jest publikowana').count()).toBe(1);
    await panel.getByLabel('Notatka wewnętrzna — nie jest publikowana').fill('Sprawdzić rozkład jazdy.');
    await panel.getByRole('button', { name: 'Dodaj notatkę' }).click();
    await panel.getByText('Sprawdzić rozkład jazdy.', { exact: true }).waitFor();
    await bothLanguagesClean(page, /Comments: /);

    // The expert, signed in separately, drafts the disposition; approving is not theirs.
    const other = await openPage(browser);
    await signIn(other.page, expert.email, expert.password);
    await other.page.goto(`/w/${workspaceId}/rounds/${roundId}/comments?assigneeId=${expert.id}`);
    await other.page.getByRole('heading', { level: 1, name: `Uwagi: ${title}` }).waitFor();
    await other.page.getByRole('table', { name: /Uwagi zgłoszone w konsultacjach/ }).waitFor();
    await expect.poll(async () => (await tableRows(other.page)).length).toBe(1);
    await other.page.getByRole('button', { name: `Otwórz uwagę ${first.number}` }).click();
    const expertPanel = other.page.getByRole('region', { name: `Uwaga ${first.number}` });
    expect(await expertPanel.getByLabel('Przypisz do').count()).toBe(0);
    await expertPanel.getByLabel('Rozstrzygnięcie', { exact: true }).selectOption('partly_accepted');
    await expertPanel.getByRole('button', { name: 'Zapisz rozstrzygnięcie' }).click();
    // The justification is required.
    await expect.poll(() => expertPanel.getByLabel('Uzasadnienie rozstrzygnięcia').getAttribute('aria-invalid')).toBe('true');
    await expertPanel.getByLabel('Uzasadnienie rozstrzygnięcia').fill('Częstsze kursy tak; buspasy zależą od zarządców dróg.');
    await expertPanel.getByRole('button', { name: 'Zapisz rozstrzygnięcie' }).click();
    await other.page.getByRole('status').filter({ hasText: `Zapisano rozstrzygnięcie uwagi ${first.number}` }).waitFor();
    expect(await expertPanel.getByRole('button', { name: 'Zatwierdź rozstrzygnięcie' }).count()).toBe(0);
    // The table reloads after the status is announced.
    await expect.poll(async () => (await tableRows(other.page))[0]).toContain('częściowo uwzględniona czeka na zatwierdzenie');
    await bothLanguagesClean(other.page, /Comments: /);
    expect(other.errors).toEqual([]);
    await other.context.close();

    // The coordinator approves.
    await page.reload();
    await page.getByRole('button', { name: `Otwórz uwagę ${first.number}` }).click();
    await panel.getByRole('button', { name: 'Zatwierdź rozstrzygnięcie' }).click();
    await page.getByRole('status').filter({ hasText: `Zatwierdzono rozstrzygnięcie uwagi ${first.number}.` }).waitFor();
    await panel.getByText('częściowo uwzględniona — zatwierdzone').waitFor();
    expect(await panel.getByRole('button', { name: 'Zatwierdź rozstrzygnięcie' }).count()).toBe(0);

    await panel.getByRole('button', { name: 'Zamknij' }).click();
    // The focus goes back to the row's button once the panel has closed.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(first.number);

    // Filters narrow the table and stand in the address.
    await page.getByLabel('Rozstrzygnięcie', { exact: true }).selectOption('none');
    await page.getByRole('button', { name: 'Pokaż uwagi' }).click();
    await page.waitForURL(/\?disposition=none$/);
    await expect.poll(async () => (await tableRows(page)).length).toBe(2);
    rows = await tableRows(page);
    expect(rows.some((row) => row.startsWith(second.number))).toBe(true);
    expect(rows.some((row) => row.startsWith(first.number))).toBe(false);
    await page.getByLabel('Szukaj w treści').fill('portu w Policach');
    await page.getByRole('button', { name: 'Pokaż uwagi' }).click();
    await page.waitForURL(/disposition=none&q=portu\+w\+Policach$/);
    await expect.poll(async () => (await tableRows(page)).length).toBe(1);
    expect((await tableRows(page))[0]).toContain(second.number);
    await page.getByText('Pokazane uwagi: 1').waitFor();
    await page.getByLabel('Szukaj w treści').fill('nic takiego nie ma');
    await page.getByRole('button', { name: 'Pokaż uwagi' }).click();
    await page.getByText('Żadna uwaga nie spełnia tych warunków.').waitFor();
    await page.getByRole('button', { name: 'Wyczyść filtry' }).click();
    await expect.poll(async () => (await tableRows(page)).length).toBe(3);
    await bothLanguagesClean(page, /Comments: /);
    expect(errors).toEqual([]);
    await context.close();
  });
});
