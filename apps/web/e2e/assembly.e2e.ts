// A general assembly as it really runs, through the pages where a person acts and through the API for the many
// representatives doing the same (checking in, casting most ballots): the agenda adopted by a vote at the opening, a
// speaker given the floor, two conflicting amendments to a draft resolution (one adopted into the text, the other
// dropped), the amended text adopted with its hash in the register, a board of six elected from eight candidates in two
// rounds by secret ballot, and the minutes. The chair works on a desktop; Gmina Police's representative on a phone.
import JSZip from 'jszip';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { bearerToken, callApi, demoWorkspaceId } from './support/api';
import { baseUrl, COORDINATOR, launchBrowser, openPage, signIn } from './support/browser';
import { appendParagraph, connectProvider } from './support/collab';
import { selectInside } from './support/consultation';
import { waitUntil } from './support/editor';
import { literal } from './support/i18n';
import { bothLanguagesClean, fitsThePhone, PHONE, tableRows } from './support/page-checks';

/** Representatives of the demo's members (apps/api/src/demo/demo-seeder.ts REPRESENTATIVE_LOGINS) present besides Police, who checks in on the phone. */
const PRESENT_BY_API = ['wojewodztwo', 'szczecin', 'swinoujscie', 'powiat-policki', 'dobra', 'kolbaskowo', 'nowe-warpno', 'gryfino', 'stare-czarnowo', 'stargard-miasto', 'stargard-gmina'];
const POLICE = 'police';
const representative = (slug: string) => `przedstawiciel.${slug}@som.example`;

const PARAGRAPHS = ['§ 1. Stowarzyszenie przyjmuje program współpracy gmin na lata 2027–2030.', '§ 2. Wykonanie uchwały powierza się Zarządowi.', '§ 3. Uchwała wchodzi w życie z dniem podjęcia.'];

/** The candidates for the board: A–F stand for the board's present members (so that re-electing them leaves the shared server's board as it was), G and H for two other members. */
const CANDIDATES = ['Anna Nowak', 'Piotr Wiśniewski', 'Katarzyna Wójcik', 'Tomasz Kowalczyk', 'Magdalena Kamińska', 'Marek Lewandowski', 'Ewa Zielińska', 'Jan Szymański'];

type Vote = { id: string; state: string; textVersionId: string | null };
type Meeting = {
  agenda: Array<{ id: string; kind: string; electionId: string | null; resolution: { id: string } | null }>;
  motions: Array<{ kind: string; amendmentId: string | null; votes: Vote[] }>;
};
type Amendment = { id: string; number: number; state: string; live: { from: number; to: number; text: string } | null };
type Election = { id: string; candidates: Array<{ id: string; personName: string; organisationId: string }>; rounds: Array<{ id: string; n: number; state: string }>; elected: string[] };
type Minutes = {
  agenda: Array<{
    title: string;
    speakers: Array<{ name: string; text: string }>;
    amendments: Array<{ number: number; state: string; proposer: string; currentText: string; proposedText: string; stateText: string }>;
  }>;
  elections: Array<{ title: string; rounds: Array<{ n: number; elected: string[]; ballots: { cast: number; valid: number } | null }>; resultText: string | null }>;
  procedure: { agendaAdopted: string; motions: Array<{ title: string }> } | null;
  adopted: Array<{ fullTitle: string }>;
};

/**
 * A button's name made of its words and, for screen readers only, what it is about ("Otwórz głosowanie: w sprawie …"):
 * Chromium puts a space before the visually hidden part.
 */
const about = (action: string, what: string) => new RegExp(`^${literal(action).source} ?: ${literal(what).source}$`);

/** The words of a DOCX file's body. */
async function docxText(body: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(body)).file('word/document.xml')!.async('string');
  return xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe('decisions: a whole general assembly', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const cleanup: Array<() => void> = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const done of cleanup) done();
    for (const context of contexts) await context.close();
    await browser?.close();
  });

  async function phonePage(): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ baseURL: baseUrl(), viewport: PHONE, isMobile: true, hasTouch: true, locale: 'pl-PL' });
    contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    return { page, errors };
  }

  it('adopts the agenda, hears a speaker, votes two conflicting amendments and the amended text, elects a board of six in two rounds, and writes the minutes', async () => {
    const token = await bearerToken(COORDINATOR);
    const workspaceId = await demoWorkspaceId(token);
    const suffix = Date.now().toString(36);
    const title = `w sprawie programu współpracy gmin ${suffix}`;
    const electionTitle = `w sprawie wyboru członków Zarządu ${suffix}`;
    const bodies = await callApi<Array<{ id: string; kind: string; members: Array<{ id: string }> }>>(token, 'GET', `/workspaces/${workspaceId}/bodies`);
    const assemblyId = bodies.find((b) => b.kind === 'general_assembly')!.id;
    const board = bodies.find((b) => b.kind === 'board')!;

    // The draft resolution, its text written as an editor would (a Yjs client), and the meeting with it on the agenda.
    const resolution = await callApi<{ id: string; documentId: string }>(token, 'POST', `/workspaces/${workspaceId}/resolutions`, { bodyId: assemblyId, kind: 'ordinary', title });
    const { doc, provider } = await connectProvider(resolution.documentId, token);
    cleanup.push(() => {
      provider.destroy();
      doc.destroy();
    });
    for (const paragraph of PARAGRAPHS) appendParagraph(doc, paragraph);
    const textOf = async () => (await callApi<{ text: string }>(token, 'GET', `/documents/${resolution.documentId}/text`)).text;
    await waitUntil(textOf, (text) => text.includes('§ 3.'), 10_000, 'the draft’s text stored');
    const meeting = await callApi<{ id: string }>(token, 'POST', `/workspaces/${workspaceId}/meetings`, {
      bodyId: assemblyId,
      title: `Walne Zebranie Członków ${suffix}`,
      startsAt: new Date().toISOString(),
      place: 'Szczecin, Urząd Miasta, sala sesyjna',
      agenda: [resolution.id],
    });
    await callApi(token, 'POST', `/meetings/${meeting.id}/open`, {});
    const meetingUrl = `/w/${workspaceId}/meetings/${meeting.id}`;
    const meetingNow = () => callApi<Meeting>(token, 'GET', `/meetings/${meeting.id}`);

    // Eleven representatives check in through the API; their tokens by member.
    const present = await Promise.all(
      [...PRESENT_BY_API, POLICE].map(async (slug) => {
        const rep = await bearerToken(representative(slug));
        const me = await callApi<{ workspaces: Array<{ organisationId: string }> }>(rep, 'GET', '/auth/me');
        return { slug, token: rep, organisationId: me.workspaces[0]!.organisationId };
      }),
    );
    const others = present.filter((p) => p.slug !== POLICE);
    for (const rep of others) await callApi(rep.token, 'POST', `/meetings/${meeting.id}/check-in`, {});
    /** Ballots of the present members on a vote, choices in the order of `present` (Police last). */
    const ballots = async (voteId: string, choices: string[], voters = present) => {
      for (const [index, choice] of choices.entries()) await callApi(voters[index]!.token, 'POST', `/votes/${voteId}/ballots`, { choice });
    };

    // The chair (the coordinator) puts the board's election on the agenda before it is adopted.
    const chair = await openPage(browser);
    contexts.push(chair.context);
    const page = chair.page;
    await signIn(page, COORDINATOR);
    await page.goto(meetingUrl);
    await page.getByRole('heading', { level: 1, name: `Walne Zebranie Członków ${suffix}` }).waitFor();
    await page.getByText('Dodaj wybory do porządku obrad').click();
    const electionForm = page.getByRole('form', { name: 'Nowe wybory' });
    await electionForm.getByLabel('Tytuł uchwały', { exact: true }).fill(electionTitle);
    await electionForm.getByLabel('Organ, którego skład zmienią wybory').selectOption({ label: 'Zarząd' });
    await electionForm.getByLabel('Liczba miejsc do obsadzenia').fill('6');
    expect(await axeViolations(page)).toEqual([]);
    await electionForm.getByRole('button', { name: 'Dodaj wybory' }).click();
    await page.getByText(`Dodano wybory do porządku obrad: ${electionTitle}.`).waitFor();
    const electionPanel = page.getByRole('region', { name: `2. ${electionTitle}` });
    await electionPanel.getByText('Nikt jeszcze nie został zgłoszony.').waitFor();
    const electionId = (await meetingNow()).agenda.find((i) => i.kind === 'election')!.electionId!;

    // Police's representative checks in on the phone.
    const rep = await phonePage();
    await signIn(rep.page, representative(POLICE));
    await rep.page.goto(meetingUrl);
    await rep.page.getByRole('button', { name: 'Potwierdzam obecność' }).click();
    await rep.page.getByText('Obecność członka Gmina Police jest potwierdzona').waitFor();
    await page.locator('#quorum').filter({ hasText: 'obecnych 12 z 15 członków' }).waitFor();

    // 1. The agenda adopted by a vote: the representative's ballot is the first thing on their page.
    await page.getByText('Porządek obrad nie został jeszcze przyjęty.').waitFor();
    await page.getByRole('button', { name: 'Poddaj pod głosowanie przyjęcie porządku obrad' }).click();
    const ownBallots = rep.page.getByRole('region', { name: 'Twoja karta do głosowania' });
    await ownBallots.getByRole('heading', { level: 3, name: 'Przyjęcie porządku obrad' }).waitFor();
    const ballotTop = (await ownBallots.boundingBox())!.y;
    expect(ballotTop).toBeLessThan(PHONE.height);
    expect(ballotTop).toBeLessThan((await rep.page.locator('dl.facts').first().boundingBox())!.y);
    await fitsThePhone(rep.page);
    const ownBallot = ownBallots.getByRole('group', { name: 'Głosujesz w imieniu członka Gmina Police' });
    await ownBallot.getByRole('button', { name: 'Za', exact: true }).click();
    await ownBallot.getByRole('button', { name: 'Oddaj głos' }).click();
    await rep.page.getByText(/Głos w imieniu członka Gmina Police został zapisany/).waitFor();
    const agendaVote = (await meetingNow()).motions.find((m) => m.kind === 'agenda')!.votes[0]!;
    await ballots(agendaVote.id, [...Array(9).fill('for'), 'against', 'abstain'], others);
    await page.locator(`#tally-${agendaVote.id}`).filter({ hasText: 'Oddano głosów: 12 z 12' }).waitFor();
    await page.getByRole('button', { name: /^Zamknij głosowanie/ }).click();
    await page.getByRole('button', { name: 'Tak, zamknij głosowanie' }).click();
    await page.locator(`#outcome-${agendaVote.id}`).filter({ hasText: 'Wniosek przyjęty' }).waitFor();
    await page.getByText('Porządek obrad przyjęty:').waitFor();
    await ownBallots.waitFor({ state: 'detached' });
    expect(await axeViolations(page)).toEqual([]);

    // 2. The first item discussed: Police asks to speak, the chair gives the floor, the time runs, the speech ends.
    const speakers = page.getByRole('region', { name: 'Lista mówców' });
    const repSpeakers = rep.page.getByRole('region', { name: 'Lista mówców' });
    await speakers.getByLabel('Punkt porządku obrad do omówienia').selectOption({ label: `1. ${title}` });
    await speakers.getByRole('button', { name: 'Przejdź do punktu' }).click();
    await repSpeakers.getByText(`Omawiany punkt: 1. ${title}`).waitFor();
    await repSpeakers.getByRole('button', { name: 'Zgłoś się do głosu' }).click();
    await rep.page.getByText('Zgłoszenie przyjęte: wystąpienie członka Gmina Police jest na liście mówców.').waitFor();
    await speakers.getByRole('button', { name: 'Udziel głosu: Gmina Police, wystąpienie' }).click();
    await speakers.getByText('Głos ma Gmina Police (wystąpienie).').waitFor();
    const timer = repSpeakers.getByRole('timer', { name: 'Pozostały czas wystąpienia' });
    const started = await timer.innerText();
    expect(started).toMatch(/^\d\d:\d\d$/);
    // It counts down on the representative's phone.
    await expect.poll(() => timer.innerText(), { timeout: 5_000 }).not.toBe(started);
    await fitsThePhone(rep.page);
    await speakers.getByRole('button', { name: 'Zakończ wystąpienie' }).click();
    await speakers.getByText('Wystąpienie zakończone: Gmina Police.').waitFor();
    await repSpeakers.getByText('Nikt teraz nie przemawia.').waitFor();

    // 3. Police proposes an amendment on a passage picked in the draft's text, on the phone.
    await rep.page.getByRole('button', { name: about('Zgłoś poprawkę', title) }).click();
    const proposal = rep.page.getByRole('form', { name: `Nowa poprawka do projektu uchwały „${title}”` });
    const passageText = proposal.getByRole('textbox', { name: 'Tekst projektu uchwały: zaznacz fragment, którego dotyczy poprawka' });
    await passageText.getByText('§ 3.', { exact: false }).waitFor();
    await passageText.click();
    await selectInside(passageText, '2027–2030');
    await proposal.getByText('Zaznaczono znaków: 9').waitFor();
    await proposal.getByRole('button', { name: 'Wskaż zaznaczony fragment' }).click();
    const wording = proposal.getByLabel('Proponowane brzmienie (puste: skreślenie fragmentu)');
    await expect.poll(() => wording.inputValue()).toBe('2027–2030');
    await wording.fill('2027–2035');
    await proposal.getByLabel('Uzasadnienie', { exact: true }).fill('Program na dłużej niż jedną kadencję samorządów.');
    await fitsThePhone(rep.page);
    await proposal.getByRole('button', { name: 'Zgłoś poprawkę', exact: true }).click();
    await rep.page.getByText('Zgłoszono poprawkę nr 1.').waitFor();
    // Gmina Miasto Szczecin's representative proposes other years for the same passage (through the API).
    const [first] = await callApi<Amendment[]>(token, 'GET', `/resolutions/${resolution.id}/amendments`);
    expect(first).toMatchObject({ number: 1, state: 'proposed', live: { text: '2027–2030' } });
    const szczecin = present.find((p) => p.slug === 'szczecin')!;
    const second = await callApi<Amendment>(szczecin.token, 'POST', `/resolutions/${resolution.id}/amendments`, {
      from: first!.live!.from,
      to: first!.live!.to,
      expectedText: first!.live!.text,
      proposedText: '2027–2032',
      justification: 'Zgodnie z okresem programowania funduszy.',
    });
    expect(second.number).toBe(2);

    // The chair orders them, marking that they exclude each other, and puts no. 1 to the vote.
    const arrange = page.getByRole('group', { name: 'Kolejność głosowania poprawek' });
    const conflict = arrange.getByLabel('Poprawka nr 1 wyklucza się z poprawką nr 2');
    await conflict.check();
    expect(await axeViolations(page)).toEqual([]);
    await arrange.getByRole('button', { name: 'Zapisz kolejność' }).click();
    await page.getByText('Zapisano kolejność głosowania poprawek.').waitFor();
    const amendmentItem = (id: string) => page.locator('li.amendment').filter({ has: page.locator(`#amendment-${id}`) });
    await amendmentItem(first!.id).getByText('Wyklucza się z poprawką nr 2').waitFor();
    await page.getByRole('button', { name: 'Poddaj pod głosowanie poprawkę nr 1' }).click();
    const amendmentVote = await waitUntil(
      async () => (await meetingNow()).motions.find((m) => m.amendmentId === first!.id)?.votes[0],
      (vote) => vote?.state === 'open',
      5_000,
      'the vote on amendment no. 1',
    );
    await ballots(amendmentVote!.id, [...Array(8).fill('for'), ...Array(4).fill('against')]);
    await page.locator(`#tally-${amendmentVote!.id}`).filter({ hasText: 'Oddano głosów: 12 z 12' }).waitFor();
    await page.getByRole('button', { name: /^Zamknij głosowanie ?: Poprawka nr 1 / }).click();
    await page.getByRole('button', { name: 'Tak, zamknij głosowanie' }).click();
    await page.locator(`#outcome-${amendmentVote!.id}`).filter({ hasText: 'Wniosek przyjęty' }).waitFor();
    await amendmentItem(first!.id).locator('.badge', { hasText: 'przyjęta' }).waitFor();
    await amendmentItem(first!.id).getByText('Wprowadzona do tekstu uchwały.').waitFor();
    await amendmentItem(second.id).locator('.badge', { hasText: 'bezprzedmiotowa' }).waitFor();
    await amendmentItem(second.id).getByText('Bezprzedmiotowa po przyjęciu poprawki nr 1.').waitFor();
    await waitUntil(textOf, (text) => text.includes('na lata 2027–2035.'), 5_000, 'the adopted amendment in the text');
    expect(await textOf()).not.toContain('2027–2030');

    // 4. The whole text, as amended, voted and adopted; the register holds the hash of the text voted on.
    await page.getByRole('button', { name: about('Otwórz głosowanie', title) }).click();
    const whole = await waitUntil(
      async () => (await callApi<Vote[]>(token, 'GET', `/resolutions/${resolution.id}/votes`))[0],
      (vote) => vote?.state === 'open',
      5_000,
      'the vote on the whole text',
    );
    await ballots(whole!.id, [...Array(11).fill('for'), 'abstain']);
    await page.locator(`#tally-${whole!.id}`).filter({ hasText: 'Oddano głosów: 12 z 12' }).waitFor();
    await page.getByRole('button', { name: about('Zamknij głosowanie', title) }).click();
    await page.getByRole('button', { name: 'Tak, zamknij głosowanie' }).click();
    await page.locator(`#outcome-${whole!.id}`).filter({ hasText: 'Uchwała podjęta' }).waitFor();
    const frozen = await callApi<{ contentHash: string; content: unknown }>(token, 'GET', `/documents/${resolution.documentId}/versions/${whole!.textVersionId}`);
    expect(JSON.stringify(frozen.content)).toContain('na lata 2027–2035.');
    const register = await callApi<Array<{ resolutionId: string; textHash: string }>>(token, 'GET', `/workspaces/${workspaceId}/register`);
    expect(register.find((e) => e.resolutionId === resolution.id)?.textHash).toBe(frozen.contentHash);
    expect(await axeViolations(page)).toEqual([]);

    // 5. The board's election: eight candidates nominated by their members' representatives, each consenting.
    const boardMembers = board.members.map((m) => m.id);
    const outsiders = ['kolbaskowo', 'nowe-warpno'].map((slug) => present.find((p) => p.slug === slug)!.organisationId);
    const standing = [...boardMembers, ...outsiders].map((organisationId, index) => {
      const nominee = present.find((p) => p.organisationId === organisationId);
      if (!nominee) throw new Error(`the board's member ${organisationId} has no representative present at this meeting`);
      return { ...nominee, name: CANDIDATES[index]! };
    });
    expect(standing).toHaveLength(8);
    for (const nominee of standing) {
      const view = await callApi<Election>(nominee.token, 'POST', `/elections/${electionId}/candidates`, { organisationId: nominee.organisationId, personName: nominee.name });
      const candidate = view.candidates.find((c) => c.personName === nominee.name)!;
      await callApi(nominee.token, 'POST', `/elections/${electionId}/candidates/${candidate.id}/consent`, {});
    }
    const candidates = (await callApi<Election>(token, 'GET', `/elections/${electionId}`)).candidates;
    const ids = (letters: string) => [...letters].map((letter) => candidates.find((c) => c.personName === CANDIDATES['ABCDEFGH'.indexOf(letter)])!.id);
    await electionPanel.getByText(`W pierwszej turze staną kandydaci z zapisaną zgodą: ${CANDIDATES[0]} (`).waitFor();
    await expect.poll(() => electionPanel.getByText('zgoda zapisana').count()).toBe(8);

    // Round 1, opened by the chair; Police votes on the phone, choosing up to six.
    await electionPanel.getByRole('button', { name: about('Otwórz turę 1', electionTitle) }).click();
    await page.getByText(/^Otwarto turę 1\./).waitFor();
    const paper = rep.page.getByRole('form', { name: 'Głosujesz w imieniu członka Gmina Police' });
    const box = (letter: string) => paper.getByRole('checkbox', { name: new RegExp(`^${CANDIDATES['ABCDEFGH'.indexOf(letter)]} \\(`) });
    for (const letter of 'ABCDEFG') await box(letter).check();
    await paper.getByRole('status').filter({ hasText: 'Wybrano 7 z 6' }).waitFor();
    await paper.getByText('Zaznaczono o 1 za dużo: miejsc jest 6.', { exact: false }).waitFor();
    await box('G').uncheck();
    await paper.getByRole('status').filter({ hasText: 'Wybrano 6 z 6' }).waitFor();
    expect(await paper.getByText(/za dużo/).count()).toBe(0);
    await fitsThePhone(rep.page);
    await paper.getByRole('button', { name: 'Oddaj głos' }).click();
    await paper.getByText(/^Oddać głos w imieniu członka Gmina Police: /).waitFor();
    await paper.getByRole('button', { name: 'Oddaj głos' }).click();
    await rep.page.getByText('Karta w imieniu członka Gmina Police została oddana.').waitFor();
    // The other eleven through the API: A–C 9 votes, D 8, E 6, F 3, G 3, H none; one blank. Seven of 12 valid elect.
    const round1 = (await callApi<Election>(token, 'GET', `/elections/${electionId}`)).rounds[0]!;
    const round1Ballots = ['ABCDEF', 'ABCDEF', 'ABCDEG', 'ABCDEG', 'ABCDG', 'ABCD', 'ABCD', 'E', '', 'A', 'BC'];
    for (const [index, marks] of round1Ballots.entries()) await callApi(others[index]!.token, 'POST', `/election-rounds/${round1.id}/ballots`, { chosen: ids(marks) });
    await electionPanel.getByText('Oddane karty: 12 z 12 możliwych.').waitFor();
    await electionPanel.getByRole('button', { name: 'Zamknij turę 1' }).click();
    await electionPanel.getByRole('button', { name: 'Tak, zamknij turę' }).click();
    await electionPanel.getByText(/^W turze 1 wybrano: /).waitFor();
    const results = async (n: number) =>
      Object.fromEntries((await tableRows(page, `Wyniki tury ${n}: ${electionTitle}`, 'tbody tr')).map(([name, votes, , outcome]) => [name!.replace(/ \(.*$/, ''), `${votes}: ${outcome}`]));
    expect(await results(1)).toEqual({
      [CANDIDATES[0]!]: '9: ✔ wybrano',
      [CANDIDATES[1]!]: '9: ✔ wybrano',
      [CANDIDATES[2]!]: '9: ✔ wybrano',
      [CANDIDATES[3]!]: '8: ✔ wybrano',
      [CANDIDATES[4]!]: '6: nie wybrano – przechodzi do tury 2',
      [CANDIDATES[5]!]: '3: nie wybrano – przechodzi do tury 2',
      [CANDIDATES[6]!]: '3: nie wybrano – przechodzi do tury 2',
      [CANDIDATES[7]!]: '0: nie wybrano',
    });

    // Round 2 for the two seats left among E, F and G: all twelve through the API; E and F elected.
    await electionPanel.getByRole('button', { name: about('Otwórz turę 2', electionTitle) }).click();
    await page.getByText(/^Otwarto turę 2\./).waitFor();
    const round2 = (await callApi<Election>(token, 'GET', `/elections/${electionId}`)).rounds[1]!;
    const round2Ballots = [...Array(9).fill('EF'), 'E', 'G', 'G'];
    for (const [index, marks] of round2Ballots.entries()) await callApi(present[index]!.token, 'POST', `/election-rounds/${round2.id}/ballots`, { chosen: ids(marks) });
    await electionPanel.getByText('Oddane karty: 12 z 12 możliwych.').waitFor();
    await electionPanel.getByRole('button', { name: 'Zamknij turę 2' }).click();
    await electionPanel.getByRole('button', { name: 'Tak, zamknij turę' }).click();
    await electionPanel.getByText(/^Wybory zakończone\. Wybrano: /).waitFor();
    expect(await results(2)).toEqual({
      [CANDIDATES[4]!]: '10: ✔ wybrano',
      [CANDIDATES[5]!]: '9: ✔ wybrano',
      [CANDIDATES[6]!]: '2: nie wybrano',
    });
    expect(await axeViolations(page)).toEqual([]);
    // The board is those elected: the six members it had.
    const newBoard = await callApi<{ members: Array<{ id: string }> }>(token, 'GET', `/bodies/${board.id}`);
    expect(newBoard.members.map((m) => m.id).sort()).toEqual([...boardMembers].sort());

    // 6. The chair closes the meeting; the minutes hold all of it, in Polish and in English.
    await page.getByRole('button', { name: 'Zamknij posiedzenie' }).click();
    await page.getByRole('button', { name: 'Tak, zamknij posiedzenie' }).click();
    await page.getByRole('heading', { level: 2, name: 'Protokół' }).waitFor();
    await page.getByText('Posiedzenie nie jest jeszcze zamknięte', { exact: false }).waitFor({ state: 'detached' });
    const minutes = {
      pl: await callApi<Minutes>(token, 'GET', `/meetings/${meeting.id}/minutes?lang=pl`),
      en: await callApi<Minutes>(token, 'GET', `/meetings/${meeting.id}/minutes?lang=en`),
    };
    for (const language of ['pl', 'en'] as const) {
      const content = minutes[language];
      const item = content.agenda.find((i) => i.title === title)!;
      expect(item.speakers.map((s) => s.name)).toEqual(['Gmina Police']);
      const [election] = content.elections;
      expect(election!.rounds.map((r) => [r.n, r.ballots?.cast, r.elected.length])).toEqual([
        [1, 12, 4],
        [2, 12, 2],
      ]);
      expect(content.adopted.map((a) => a.fullTitle)).toEqual([expect.stringContaining(title), expect.stringContaining(electionTitle)]);
      // The agenda adopted by a vote, and the amendments under the resolution: no. 1 adopted into the text, no. 2 dropped.
      expect(content.procedure!.agendaAdopted).toMatch(language === 'pl' ? /^Porządek obrad przyjęto w głosowaniu o godz\. \d\d:\d\d\.$/ : /^The agenda was adopted by a vote at \d\d:\d\d\.$/);
      expect(content.procedure!.motions.map((m) => m.title)).toEqual([language === 'pl' ? 'Przyjęcie porządku obrad' : 'Adoption of the agenda']);
      expect(item.amendments.map((a) => [a.number, a.state, a.proposer, a.currentText, a.proposedText, a.stateText])).toEqual([
        [1, 'adopted', 'Gmina Police', '2027–2030', '2027–2035', language === 'pl' ? 'przyjęta i wprowadzona do tekstu uchwały' : 'adopted and put into the resolution’s text'],
        [2, 'dropped', 'Gmina Miasto Szczecin', '2027–2030', '2027–2032', language === 'pl' ? 'bezprzedmiotowa po przyjęciu poprawki nr 1' : 'dropped when amendment no. 1 was adopted'],
      ]);
    }
    // The files, from the page's links, in both languages.
    const minutesLinks = page.getByRole('region', { name: 'Protokół' });
    const pdfHref = (await minutesLinks.getByRole('link', { name: 'Protokół (PDF)' }).getAttribute('href'))!;
    const docxHref = (await minutesLinks.getByRole('link', { name: 'Protokół (DOCX)' }).getAttribute('href'))!;
    expect([pdfHref, docxHref]).toEqual([`/api/meetings/${meeting.id}/minutes.pdf?lang=pl`, `/api/meetings/${meeting.id}/minutes.docx?lang=pl`]);
    // The speech as the minutes word it ("10:05 – Gmina Police (wystąpienie)").
    const speech = (language: 'pl' | 'en') => minutes[language].agenda.find((i) => i.title === title)!.speakers[0]!.text;
    const procedure = (language: 'pl' | 'en') => minutes[language].procedure!.agendaAdopted;
    const expected = {
      pl: [procedure('pl'), 'Poprawka nr 1', 'bezprzedmiotowa po przyjęciu poprawki nr 1', speech('pl'), 'Tura 1 (mandatów do obsadzenia: 6)', 'Tura 2 (mandatów do obsadzenia: 2)', CANDIDATES[5]!],
      en: [procedure('en'), 'Amendment no. 1', 'dropped when amendment no. 1 was adopted', speech('en'), 'Round 1 (seats to fill: 6)', 'Round 2 (seats to fill: 2)', CANDIDATES[5]!],
    };
    for (const language of ['pl', 'en'] as const) {
      const pdf = await page.request.get(pdfHref.replace('lang=pl', `lang=${language}`));
      expect([pdf.status(), pdf.headers()['content-type']]).toEqual([200, 'application/pdf']);
      const docx = await page.request.get(docxHref.replace('lang=pl', `lang=${language}`));
      expect([docx.status(), docx.headers()['content-type']]).toEqual([200, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']);
      const words = await docxText(await docx.body());
      for (const expectedWords of expected[language]) expect({ language, has: words.includes(expectedWords) ? expectedWords : words }).toEqual({ language, has: expectedWords });
    }

    // 7. The closed meeting with all of it: clean in both languages at the desk, and on the phone without sideways scrolling.
    await bothLanguagesClean(page, (p) => p.getByRole('heading', { level: 2, name: 'Agenda' }));
    await rep.page.reload();
    await rep.page.getByRole('table', { name: `Wyniki tury 2: ${electionTitle}` }).waitFor();
    await fitsThePhone(rep.page);
    expect(chair.errors).toEqual([]);
    expect(rep.errors).toEqual([]);
  });
});
