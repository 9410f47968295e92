import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerToken, callApi, demoWorkspaceId } from './support/api';
import { bothLanguagesClean, tableRows } from './support/page-checks';
import { COORDINATOR, launchBrowser, OBSERVER, openPage, signIn } from './support/browser';

interface Year {
  year: number;
  total: string;
  grant: string;
  own: string;
  shares: Array<{ organisationId: string; amount: string }>;
}

describe('joint projects: the pipeline, a project’s shares and its next stage', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lists a project created by the coordinator, shows each member’s share, moves it from idea to concept, and an observer reads it without the form', async () => {
    const token = await bearerToken(COORDINATOR);
    const workspaceId = await demoWorkspaceId(token);
    const suffix = Date.now().toString(36);
    const title = `Wspólna sieć ładowarek ${suffix}`;
    const organisations = await callApi<Array<{ id: string; name: string; kind: string }>>(token, 'GET', `/workspaces/${workspaceId}/organisations`);
    const id = (name: string) => organisations.find((o) => o.name === name && o.kind === 'member')!.id;
    // Three members sharing equally, Police leading; 80% co-financed.
    const project = await callApi<{ id: string; years: Year[] }>(token, 'POST', `/workspaces/${workspaceId}/projects`, {
      title,
      scope: 'Ładowarki przy urzędach gmin.',
      leaderId: id('Gmina Police'),
      participants: [{ organisationId: id('Gmina Dobra') }, { organisationId: id('Gmina Police') }, { organisationId: id('Gmina Miasto Szczecin') }],
      sharingKey: 'equal',
      coFinancingRate: '80',
      budget: [
        { year: 2027, category: 'works', amount: '100000.00' },
        { year: 2027, category: 'services', amount: '0.03' },
        { year: 2028, category: 'equipment', amount: '12345.67' },
      ],
    });
    // 2028: the grant is 80% of 12 345,67 rounded down, 9 876,53; the rest, 2 469,14, shared in three: a grosz left
    // twice, to the first listed (the leader first).
    expect(project.years.map((y) => [y.year, y.total, y.grant, y.own, ...y.shares.map((s) => s.amount)])).toEqual([
      [2027, '100000.03', '80000.02', '20000.01', '6666.67', '6666.67', '6666.67'],
      [2028, '12345.67', '9876.53', '2469.14', '823.05', '823.05', '823.04'],
    ]);
    const projectUrl = `/w/${workspaceId}/projects/${project.id}`;

    const { context, page, errors } = await openPage(browser);
    await signIn(page, COORDINATOR);
    await page.getByRole('navigation', { name: 'Nawigacja główna' }).getByRole('link', { name: 'Projekty', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Projekty wspólne' }).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: title, exact: true }) });
    await row.waitFor();
    const cells = await row.locator('th, td').evaluateAll((all) => all.map((cell) => (cell.textContent ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim()));
    expect([...cells.slice(0, 2), ...cells.slice(3, 6), cells[7]]).toEqual([title, 'Pomysł', 'Gmina Police', '3', '112 345,70 zł', '80%']);
    // The stage chosen is kept in the address; the project is at the idea stage, not the concept.
    await page.getByLabel('Etap', { exact: true }).selectOption('concept');
    await page.waitForURL(/\/projects\?stage=concept$/);
    await page.getByRole('table', { name: 'Projekty wspólne na etapie: Koncepcja, od ostatnio zmienionych' }).or(page.getByText('Żaden projekt nie jest na etapie: Koncepcja.')).waitFor();
    expect(await row.count()).toBe(0);
    await page.getByLabel('Etap', { exact: true }).selectOption('idea');
    await page.waitForURL(/\/projects\?stage=idea$/);
    await row.waitFor();
    await bothLanguagesClean(page, (p) => p.getByRole('heading', { level: 1, name: 'Joint projects' }));

    // The form of a new project, in both languages; one made through it opens its page with its budget.
    await page.getByRole('link', { name: 'Nowy projekt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nowy projekt wspólny' }).waitFor();
    await bothLanguagesClean(page, (p) => p.getByRole('heading', { level: 1, name: 'New joint project' }));
    const formTitle = `Wspólne zakupy papieru ${suffix}`;
    await page.getByLabel('Tytuł projektu').fill(formTitle);
    await page.getByRole('group', { name: 'Członkowie stowarzyszenia' }).getByLabel('Gmina Dobra', { exact: true }).check();
    const line = page.getByRole('group', { name: 'Pozycja budżetu 1' });
    await line.getByLabel('Rok', { exact: true }).fill('2027');
    await line.getByLabel('Kategoria kosztów').selectOption('equipment');
    await line.getByLabel('Kwota (zł)').fill('1 000,50');
    await page.getByRole('button', { name: 'Utwórz projekt' }).click();
    await page.getByRole('heading', { level: 1, name: formTitle }).waitFor();
    expect(await tableRows(page, 'Budżet według lat i kategorii kosztów', 'tbody tr')).toEqual([['2027', 'Wyposażenie', '1 000,50 zł']]);

    // The project created through the API: its shares year by year.
    await page.goto(projectUrl);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(await tableRows(page, 'Rok 2027: koszt, dofinansowanie i udziały członków we wkładzie własnym', 'tbody tr')).toEqual([
      ['Koszt ogółem', '100 000,03 zł'],
      ['Dofinansowanie', '80 000,02 zł'],
      ['Wkład własny', '20 000,01 zł'],
      ['Udział: Gmina Police', '6 666,67 zł'],
      ['Udział: Gmina Dobra', '6 666,67 zł'],
      ['Udział: Gmina Miasto Szczecin', '6 666,67 zł'],
    ]);
    expect((await tableRows(page, 'Rok 2028: koszt, dofinansowanie i udziały członków we wkładzie własnym', 'tbody tr')).slice(3)).toEqual([
      ['Udział: Gmina Police', '823,05 zł'],
      ['Udział: Gmina Dobra', '823,05 zł'],
      ['Udział: Gmina Miasto Szczecin', '823,04 zł'],
    ]);
    await bothLanguagesClean(page, (p) => p.getByRole('heading', { level: 2, name: 'History of stages' }));

    // Idea → concept through the form, on the day it offers (today); the page says so and shows the step.
    const form = page.getByRole('form', { name: 'Następny etap' });
    expect(await form.getByLabel('Etap', { exact: true }).locator('option').allInnerTexts()).toEqual(['Koncepcja', 'Wycofany']);
    expect(await form.getByLabel('Uchwała zatwierdzająca projekt').count()).toBe(0);
    await form.getByLabel('Uwagi (nieobowiązkowe)').fill('Koncepcja opisana w dokumencie.');
    await form.getByRole('button', { name: 'Zapisz etap' }).click();
    await page.getByRole('status').filter({ hasText: /^Projekt przeszedł do etapu: Koncepcja \(.+\)\.$/ }).waitFor();
    await page.locator('.project-facts dd').first().filter({ hasText: /^Koncepcja od / }).waitFor();
    const steps = await tableRows(page, 'Etapy projektu, od najstarszego', 'tbody tr');
    expect(steps.map((s) => [s[1], s[3], s[4]])).toEqual([
      ['Pomysł', '', 'Koordynator Biura SSOM'],
      ['Koncepcja', 'Koncepcja opisana w dokumencie.', 'Koordynator Biura SSOM'],
    ]);
    // Approval, the next stage, asks for an adopted resolution.
    await expect.poll(() => form.getByLabel('Etap', { exact: true }).locator('option').allInnerTexts()).toEqual(['Zatwierdzony do realizacji', 'Wycofany']);
    await form.getByLabel('Uchwała zatwierdzająca projekt').waitFor();
    await bothLanguagesClean(page, (p) => p.getByRole('heading', { level: 2, name: 'History of stages' }));
    expect(errors).toEqual([]);
    await context.close();

    // An observer reads the project and its shares, without the form.
    const observer = await openPage(browser);
    await signIn(observer.page, OBSERVER);
    await observer.page.goto(projectUrl);
    await observer.page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect((await tableRows(observer.page, 'Rok 2027: koszt, dofinansowanie i udziały członków we wkładzie własnym', 'tbody tr')).at(-1)).toEqual(['Udział: Gmina Miasto Szczecin', '6 666,67 zł']);
    await observer.page.getByRole('heading', { level: 2, name: 'Historia etapów' }).waitFor();
    expect(await observer.page.getByRole('heading', { name: 'Następny etap' }).count()).toBe(0);
    expect(await observer.page.getByRole('button', { name: 'Zapisz etap' }).count()).toBe(0);
    await observer.page.goto(`/w/${workspaceId}/projects`);
    await observer.page.getByRole('link', { name: title, exact: true }).waitFor();
    expect(await observer.page.getByRole('link', { name: 'Nowy projekt' }).count()).toBe(0);

    // The funding calls, where a calendar's "call closes" event leads: a call recorded by the coordinator, axe clean.
    const programme = `Program e2e ${Date.now()}`;
    await callApi(token, 'POST', `/workspaces/${workspaceId}/funding-calls`, { source: 'zit', programme, measure: 'Działanie 6.1', coFinancingRate: '85', opensOn: '2027-01-15', closesOn: '2027-03-31' });
    await observer.page.getByRole('link', { name: 'Nabory wniosków' }).click();
    await observer.page.getByRole('heading', { level: 1, name: 'Nabory wniosków' }).waitFor();
    await observer.page.getByRole('rowheader', { name: new RegExp(programme) }).waitFor();
    await bothLanguagesClean(observer.page, (p) => p.getByRole('heading', { level: 1, name: 'Funding calls' }));
    expect(observer.errors).toEqual([]);
    await observer.context.close();
  });
});
