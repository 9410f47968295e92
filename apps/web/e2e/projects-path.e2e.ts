import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerToken, callApi, demoWorkspaceId } from './support/api';
import { bothLanguagesClean, tableRows } from './support/page-checks';
import { COORDINATOR, launchBrowser, openPage, signIn } from './support/browser';
import { adoptByBoard } from './support/decisions';

/**
 * The association's third procedure as its people go through it (issue 15): a project moved by the coordinator from
 * idea to implementation on its page (approved by an adopted resolution, its grant obtained), the grant then in the
 * mayor's "my municipality" statement, and in the year's monitoring report, which the coordinator adopts as an edition.
 */
describe('a joint project from idea to the monitoring report', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('goes idea → concept → approved by resolution → submitted → granted → implementation, and reaches the statement and the report', async () => {
    const token = await bearerToken(COORDINATOR);
    const workspaceId = await demoWorkspaceId(token);
    const suffix = Date.now().toString(36);
    const year = 2034;
    const title = `Ścieżka Stare Czarnowo – Stargard ${suffix}`;
    const organisations = await callApi<Array<{ id: string; name: string; kind: string }>>(token, 'GET', `/workspaces/${workspaceId}/organisations`);
    const id = (name: string) => organisations.find((o) => o.name === name && o.kind === 'member')!.id;
    const call = await callApi<{ id: string }>(token, 'POST', `/workspaces/${workspaceId}/funding-calls`, {
      source: 'zit',
      programme: `ZIT SOM ${suffix}`,
      opensOn: '2033-01-01',
      closesOn: '2033-03-31',
      coFinancingRate: '80',
    });
    const project = await callApi<{ id: string }>(token, 'POST', `/workspaces/${workspaceId}/projects`, {
      title,
      leaderId: id('Gmina Stare Czarnowo'),
      participants: [{ organisationId: id('Gmina Stare Czarnowo') }, { organisationId: id('Gmina Miasto Stargard') }],
      sharingKey: 'equal',
      coFinancingRate: '80',
      callId: call.id,
      budget: [{ year, category: 'works', amount: '500000.00' }],
      ideaOn: '2032-01-10',
    });
    const approval = await adoptByBoard(token, workspaceId, `w sprawie wpisania projektu ${suffix} do listy projektów wspólnych`);

    // The coordinator takes each step on the project's page.
    const { context, page, errors } = await openPage(browser);
    await signIn(page, COORDINATOR);
    await page.goto(`/w/${workspaceId}/projects/${project.id}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const steps: Array<[stage: string, day: string, withResolution?: boolean]> = [
      ['Koncepcja', '01.02.2032'],
      ['Zatwierdzony do realizacji', '01.03.2032', true],
      ['Wniosek złożony', '15.02.2033'],
      ['Dofinansowanie przyznane', '01.09.2033'],
      ['W realizacji', '02.01.2034'],
    ];
    const form = page.getByRole('form', { name: 'Następny etap' });
    for (const [stage, day, withResolution] of steps) {
      await form.getByLabel('Etap', { exact: true }).selectOption({ label: stage });
      await form.getByLabel('Dzień', { exact: true }).fill(day);
      if (withResolution) await form.getByLabel('Uchwała zatwierdzająca projekt').selectOption(approval);
      await form.getByRole('button', { name: 'Zapisz etap' }).click();
      await page.getByText(`Projekt przeszedł do etapu: ${stage}`).waitFor();
    }
    const history = (await tableRows(page, 'Etapy projektu, od najstarszego')).slice(1).map((row) => row.slice(0, 2));
    expect(history).toEqual([
      ['10 sty 2032', 'Pomysł'],
      ['1 lut 2032', 'Koncepcja'],
      ['1 mar 2032', 'Zatwierdzony do realizacji'],
      ['15 lut 2033', 'Wniosek złożony'],
      ['1 wrz 2033', 'Dofinansowanie przyznane'],
      ['2 sty 2034', 'W realizacji'],
    ]);
    await bothLanguagesClean(page, (p) => p.getByRole('heading', { level: 2, name: 'Next stage' }));

    // The year's monitoring report: 400,000 zł from ZIT, half for each member; the coordinator adopts it.
    await page.goto(`/w/${workspaceId}/projects/monitoring?year=${year}`);
    await page.getByRole('heading', { level: 1, name: 'Raport z monitorowania' }).waitFor();
    expect(await tableRows(page, `Środki zewnętrzne według źródła w roku ${year}`)).toContainEqual(['ZIT', '400 000,00 zł']);
    const byMember = await tableRows(page, `Środki zewnętrzne według członka w roku ${year}`);
    expect(byMember.find((row) => row[0].startsWith('Gmina Stare Czarnowo'))).toEqual(expect.arrayContaining(['200 000,00 zł']));
    await bothLanguagesClean(page, (p) => p.getByRole('heading', { level: 1, name: 'Monitoring report' }));
    const adoption = await adoptByBoard(token, workspaceId, `w sprawie przyjęcia raportu z monitorowania za rok ${year} (${suffix})`);
    await page.reload();
    const adopt = page.getByRole('form', { name: 'Przyjmij wydanie raportu' });
    await adopt.getByLabel('Uchwała przyjmująca raport').selectOption(adoption);
    await adopt.getByRole('button', { name: 'Przyjmij wydanie 1' }).click();
    await page.getByText(`Przyjęto wydanie 1 raportu za rok ${year}.`).waitFor();
    await page.getByRole('link', { name: /^Wydanie 1 z / }).click();
    await page.waitForURL(new RegExp(`edition=1`));
    await page.getByText(/^[0-9a-f]{64}$/).waitFor();

    // The module's other pages pass axe in both languages too: the board, the indicators, the fees and the edit form.
    for (const [path, polish, english] of [
      ['/projects?view=board', 'Projekty wspólne', 'Joint projects'],
      ['/projects/indicators', 'Wskaźniki strategii', 'Strategy indicators'],
      ['/projects/fees', 'Składki członkowskie', 'Membership fees'],
      [`/projects/${project.id}/edit`, 'Edycja projektu', 'Editing the project'],
    ]) {
      await page.goto(`/w/${workspaceId}${path}`);
      await page.getByRole('heading', { level: 1, name: polish }).waitFor();
      await bothLanguagesClean(page, (p) => p.getByRole('heading', { level: 1, name: english }));
    }
    expect(errors).toEqual([]);
    await context.close();

    // The mayor of Stare Czarnowo: the grant in "my municipality", year by year.
    const mayor = await openPage(browser);
    await signIn(mayor.page, 'przedstawiciel.stare-czarnowo@som.example');
    await mayor.page.goto(`/w/${workspaceId}/projects`);
    await mayor.page.getByRole('link', { name: 'Moja gmina' }).click();
    await mayor.page.getByRole('heading', { level: 1, name: 'Moja gmina' }).waitFor();
    const statement = await tableRows(mayor.page, `Rok ${year}: składka, wkład własny, środki zewnętrzne i dźwignia`);
    expect(statement).toContainEqual([`Środki zewnętrzne: ${title}`, '200 000,00 zł']);
    expect(statement).toContainEqual([`Wkład własny: ${title}`, '50 000,00 zł']);
    await bothLanguagesClean(mayor.page, (p) => p.getByRole('heading', { level: 1, name: 'My municipality' }));
    expect(mayor.errors).toEqual([]);
    await mayor.context.close();
  });
});
