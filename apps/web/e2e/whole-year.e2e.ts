// A whole year of the association's work, only through its pages, once in Polish and once in English: the coordinator
// creates a strategy, invites an expert and shares the draft with them; the expert edits and comments with a mention;
// a version is frozen and consulted; a resident and a mayor comment; the coordinator closes the round when it is due,
// decides on every comment (one by one and in bulk), applies an accepted wording and publishes the report; the final
// version goes to the general assembly, whose members' representatives check in and vote from their own pages; the
// resolution is adopted and registered, the mayor signs off the adopted version, and anyone reads the public register.
// Every screen visited is checked with axe. Nothing is set up through the API: the round's dates are typed into its
// form (its close a minute or two ahead, so the test waits for it instead of moving a clock).
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { TFunction } from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { selectInside } from './support/consultation';
import { baseUrl, COORDINATOR, DEMO_PASSWORD, launchBrowser, linkFromOutbox } from './support/browser';
import { waitUntil } from './support/editor';
import { headerFollowsInbox } from './support/inbox';
import { type Language, literal, translator } from './support/i18n';

/** The representatives who check in and vote (8 of the 15 members make the quorum); Police's mayor also comments and signs off. */
const VOTERS = ['police', 'szczecin', 'swinoujscie', 'powiat-policki', 'dobra', 'kolbaskowo', 'nowe-warpno', 'gryfino'];
const MAYOR = 'przedstawiciel.police@som.example';
const POLICE = 'Gmina Police';
const representative = (slug: string) => `przedstawiciel.${slug}@som.example`;
const TEXT = ['Dojazdy do Szczecina trwają długo.', 'Cel 1. Spójny system transportu publicznego. Cel 2. Czyste powietrze.'];

/** "06.12.2026 09:05": how the date fields take a moment, in Warsaw time whatever the language. */
function warsawField(date: Date, withTime = true): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return withTime ? `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}` : `${p.day}.${p.month}.${p.year}`;
}

interface Person {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

describe('a whole year of work through the pages', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const language of ['pl', 'en'] as const) {
    it(`co-drafts, consults, reports, resolves, votes and signs off (${language})`, async () => {
      await year(browser, language);
    }, 600_000);
  }
});

async function year(browser: Browser, language: Language): Promise<void> {
  const people: Person[] = [];
  try {
    await story(browser, language, people);
  } catch (error) {
    // What each person saw when the story broke, for the one who reads the failure.
    const dir = process.env.E2E_SCREENSHOTS;
    if (dir) for (const [index, person] of people.entries()) await person.page.screenshot({ path: `${dir}/year-${language}-${index}.png`, fullPage: true }).catch(() => undefined);
    throw error;
  } finally {
    for (const person of people) await person.context.close().catch(() => undefined);
  }
}

async function story(browser: Browser, language: Language, people: Person[]): Promise<void> {
  const t = translator(language);
  const suffix = `${language} ${Date.now().toString(36)}`;
  const title = `Strategia SSOM 2035 ${suffix}`;

  /** A browser of one's own, in the pass's language (the app remembers the reader's choice in localStorage). */
  async function browse(): Promise<Person> {
    const context = await browser.newContext({ baseURL: baseUrl(), viewport: { width: 1280, height: 900 }, locale: language === 'pl' ? 'pl-PL' : 'en-GB' });
    await context.addInitScript((lang) => window.localStorage.setItem('commonplan.language', lang), language);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const person = { context, page, errors };
    people.push(person);
    return person;
  }

  async function signedIn(email: string, password = DEMO_PASSWORD): Promise<Person> {
    const person = await browse();
    await person.page.goto('/login');
    await person.page.getByLabel(t('auth.email'), { exact: true }).fill(email);
    await person.page.getByLabel(t('auth.password'), { exact: true }).fill(password);
    await person.page.getByRole('button', { name: t('auth.login.submit') }).click();
    await person.page.waitForURL(/\/w\/[0-9a-f-]{36}$/);
    await person.page.getByRole('heading', { level: 1 }).waitFor();
    return person;
  }

  const editorOf = (page: Page) => page.getByRole('textbox', { name: t('document.text.label'), exact: true });
  /** The shared text, block by block, without the others' caret labels. */
  const editorText = (page: Page) =>
    editorOf(page).evaluate((element) => {
      const copy = element.cloneNode(true) as HTMLElement;
      for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
      return [...copy.children].map((block) => block.textContent ?? '').join('\n');
    });
  /** The translation as a RegExp with the named placeholders matching any text (for names the test does not know). */
  const shape = (key: string, vars: Record<string, string | number>, open: string[]) =>
    new RegExp(
      t(key, { ...vars, ...Object.fromEntries(open.map((name) => [name, '\u0000'])) })
        .split('\u0000')
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('.+'),
    );
  const status = (scope: Page | Locator, text: string) => scope.getByRole('status').filter({ hasText: literal(text) }).first().waitFor();
  const clean = async (page: Page) => expect(await axeViolations(page), page.url()).toEqual([]);
  const nav = (page: Page, name: string) => page.getByRole('navigation', { name: t('nav.label') }).getByRole('link', { name, exact: true }).click();

  // ── Winter: the coordinator starts the strategy, invites an expert and shares the draft with them. ──
  const coordinator = await signedIn(COORDINATOR);
  const office = coordinator.page;
  await office.getByRole('heading', { name: t('dashboard.waiting.heading') }).waitFor();
  await clean(office);
  const newDocument = office.getByRole('form', { name: t('dashboard.newDocument.heading') });
  await newDocument.getByLabel(t('dashboard.newDocument.title'), { exact: true }).fill(title);
  await newDocument.getByLabel(t('dashboard.newDocument.kind'), { exact: true }).selectOption('strategy');
  await newDocument.getByRole('button', { name: t('dashboard.newDocument.submit') }).click();
  await office.waitForURL(/\/d\/[0-9a-f-]{36}$/);
  const documentPath = new URL(office.url()).pathname;
  // The text takes keys once the server has said the coordinator may edit it.
  const text = office.locator(`[role="textbox"][aria-label="${t('document.text.label')}"][contenteditable="true"]`);
  await text.click();
  await office.keyboard.type(TEXT[0]);
  await office.keyboard.press('Enter');
  await office.keyboard.type(TEXT[1]);
  await clean(office);

  const expertEmail = `ekspertka.${Date.now().toString(36)}@som.example`;
  const expertName = `Ekspertka Roku ${suffix}`;
  await nav(office, t('nav.people'));
  await office.getByRole('heading', { level: 1, name: t('people.title') }).waitFor();
  await office.getByLabel(t('people.invite.email'), { exact: true }).fill(expertEmail);
  await office.getByLabel(t('people.invite.displayName'), { exact: true }).fill(expertName);
  await office.getByLabel(t('people.invite.role'), { exact: true }).selectOption('expert');
  await office.getByRole('button', { name: t('people.invite.submit') }).click();
  await status(office, t('people.invite.sent', { email: expertEmail }));
  await clean(office);

  const expert = await browse();
  await expert.page.goto(await linkFromOutbox(expertEmail, /https?:\/\/\S+\/invitation\?token=[\w-]+/));
  await expert.page.getByRole('heading', { level: 1, name: t('invitation.title') }).waitFor();
  await clean(expert.page);
  await expert.page.getByLabel(t('invitation.password'), { exact: true }).fill('strategia metropolii 2035');
  await expert.page.getByRole('button', { name: t('invitation.accept') }).click();
  await expert.page.waitForURL(/\/w\/[0-9a-f-]{36}$/);
  await expert.page.getByRole('heading', { name: t('dashboard.waiting.heading') }).waitFor();
  await clean(expert.page);

  await office.goto(documentPath);
  const share = office.getByRole('form', { name: t('document.sharing.give') });
  await share.getByLabel(t('document.sharing.person'), { exact: true }).selectOption({ label: t('document.sharing.personWithRole', { name: expertName, role: t('roles.expert') }) });
  await share.getByLabel(t('document.sharing.level'), { exact: true }).selectOption('edit');
  await share.getByLabel(t('document.sharing.end'), { exact: true }).fill(warsawField(new Date(Date.now() + 90 * 24 * 3600_000), false));
  await share.getByRole('button', { name: t('document.sharing.submit') }).click();
  await status(office, t('document.sharing.granted', { name: expertName, level: t('document.sharing.levels.edit') }));
  await office.getByRole('button', { name: t('document.sharing.revokeFor', { name: expertName }) }).waitFor();
  await clean(office);

  // ── Spring: the expert edits the shared draft and asks the coordinator about a passage, with a mention. ──
  await expert.page.getByRole('link', { name: title }).click();
  // The grant makes the expert an editor of the draft (not "read only").
  const expertText = expert.page.locator(`[role="textbox"][aria-label="${t('document.text.label')}"][contenteditable="true"]`);
  await waitUntil(() => editorText(expert.page), (value) => value.includes(TEXT[1]), 15_000, "the coordinator's text on the expert's page");
  await expertText.click();
  await expert.page.keyboard.press('Control+End');
  await expert.page.keyboard.type(' Kolej metropolitalna łączy gminy.');
  await waitUntil(() => editorText(office), (value) => value.includes('Kolej metropolitalna łączy gminy.'), 15_000, "the expert's edit on the coordinator's page");
  await selectInside(expertText, 'Kolej metropolitalna');
  await expert.page.getByRole('button', { name: t('comments.commentSelection'), exact: true }).click();
  const field = expert.page.getByRole('combobox', { name: t('comments.body') });
  await field.pressSequentially('Czy obejmuje to Goleniów? @Koord');
  await expert.page.getByRole('option', { name: /^Koordynator Biura SSOM/, selected: true }).waitFor();
  await expert.page.keyboard.press('Enter');
  await expert.page.getByRole('button', { name: t('comments.submit') }).click();
  await status(expert.page, t('comments.created'));
  await clean(expert.page);

  // The coordinator freezes the draft for consultation; the expert's list of versions shows it at once.
  const versionName = `Projekt do konsultacji ${suffix}`;
  await office.getByLabel(t('versions.freeze.label'), { exact: true }).fill(versionName);
  await office.getByRole('button', { name: t('versions.freeze.submit') }).click();
  await status(office, t('versions.freeze.done', { number: 1, name: versionName }));
  await expert.page.getByRole('link', { name: t('versions.numbered', { number: 1, name: versionName }) }).waitFor();

  // The mention waits for the coordinator on the dashboard, and among the notifications, where it is read.
  await nav(office, t('nav.dashboard'));
  await office.getByText(t('dashboard.waiting.mention.label', { actor: expertName, document: title })).waitFor();
  await office.getByRole('navigation', { name: t('nav.label') }).getByRole('link', { name: shape('notifications.linkUnread', {}, ['count']) }).click();
  await office.getByRole('heading', { level: 1, name: t('notifications.heading') }).waitFor();
  await office.getByText(t('notifications.kinds.mention', { actor: expertName, document: title })).waitFor();
  await clean(office);
  await office.getByRole('button', { name: t('notifications.readAll') }).click();
  // Read, and the header follows (the server's sweeps and other tests may notify the coordinator again at any moment,
  // so the header is held against the inbox rather than expected empty).
  const workspaceId = /\/w\/([0-9a-f-]{36})\//.exec(office.url())![1]!;
  await headerFollowsInbox(
    office,
    workspaceId,
    (inbox) => inbox.items.some((n) => n.kind === 'mention' && n.document?.title === title && n.read),
    'the mention read and the header following',
  );

  // ── The consultation: created from the version, corrected, announced and opened. ──
  await office.goto(documentPath);
  await office.getByRole('link', { name: t('roundForm.fromVersionFor', { number: 1, name: versionName }) }).click();
  await office.getByRole('heading', { level: 1, name: t('roundForm.heading') }).waitFor();
  const roundTitle = `Konsultacje strategii ${suffix}`;
  const now = new Date();
  // Comments are taken until the first full minute at least 50 s ahead: long enough for two comments, short enough to
  // wait for (the form takes minutes).
  const closesAt = new Date(Math.ceil((now.getTime() + 50_000) / 60_000) * 60_000);
  await office.getByLabel(t('roundForm.title'), { exact: true }).fill(`${roundTitle} (projekt)`);
  await office.getByLabel(t('roundForm.opensAt'), { exact: true }).fill(warsawField(now));
  await office.getByLabel(t('roundForm.closesAt'), { exact: true }).fill(warsawField(closesAt));
  await clean(office);
  await office.getByRole('button', { name: t('roundForm.submit') }).click();
  await office.getByRole('heading', { level: 1, name: `${roundTitle} (projekt)` }).waitFor();
  await office.getByRole('button', { name: t('rounds.edit.open') }).click();
  await office.getByLabel(t('roundForm.title'), { exact: true }).fill(roundTitle);
  await office.getByRole('button', { name: t('roundForm.edit.submit') }).click();
  await status(office, t('rounds.edit.saved'));
  await office.getByRole('heading', { level: 1, name: roundTitle }).waitFor();
  const roundPath = new URL(office.url()).pathname;
  const roundId = roundPath.split('/').pop()!;
  await office.getByRole('button', { name: t('rounds.actions.announce') }).click();
  await status(office, t('rounds.done', { state: t('roundStates.announced') }));
  await office.getByRole('button', { name: t('rounds.actions.open') }).click();
  await status(office, t('rounds.done', { state: t('roundStates.open') }));
  await clean(office);

  // A resident comments from the public page, on a passage selected in the text.
  const resident = await browse();
  await resident.page.goto(`/consultations/${roundId}`);
  await resident.page.getByRole('heading', { level: 1, name: roundTitle }).waitFor();
  await clean(resident.page);
  await selectInConsultedText(resident.page, t, 'Spójny system transportu publicznego');
  await resident.page.getByRole('button', { name: t('commentForm.passage.pick') }).click();
  await resident.page.getByLabel(t('commentForm.fields.part'), { exact: true }).fill('Cele');
  await resident.page.getByLabel(t('commentForm.fields.proposedWording'), { exact: true }).fill('Spójny system transportu publicznego z koleją metropolitalną');
  await resident.page.getByLabel(t('commentForm.fields.justification'), { exact: true }).fill('Kolej skraca dojazdy do pracy.');
  await resident.page.getByLabel(t('commentForm.fields.personName'), { exact: true }).fill('Maria Wiśniewska');
  await resident.page.getByRole('button', { name: t('commentForm.submit') }).click();
  await resident.page.getByRole('heading', { name: t('commentForm.receipt.heading') }).waitFor();
  const residentNumber = (await resident.page.getByRole('status').locator('strong').first().innerText()).trim();
  expect(residentNumber).toMatch(/^U\/\d{4}\/\d{4}$/);
  await clean(resident.page);

  // The mayor of Police comments in the member's name from the round's page, reached from the dashboard.
  const mayor = await signedIn(MAYOR);
  await mayor.page.getByRole('link', { name: roundTitle }).first().click();
  await mayor.page.getByRole('heading', { level: 1, name: roundTitle }).waitFor();
  expect(await mayor.page.getByText(t('dashboard.rounds.short')).count()).toBe(0);
  await mayor.page.getByLabel(t('commentForm.fields.part'), { exact: true }).fill('Cele');
  await mayor.page.getByLabel(t('commentForm.fields.justification'), { exact: true }).fill('Police potrzebują połączenia kolejowego.');
  await mayor.page.getByRole('button', { name: t('commentForm.submit') }).click();
  await mayor.page.getByRole('heading', { name: t('commentForm.receipt.heading') }).waitFor();
  await clean(mayor.page);

  // ── Summer: the round closes when due; every comment is decided, approved in bulk, and the report published. ──
  await office.goto(roundPath);
  const close = office.getByRole('button', { name: t('rounds.actions.close') });
  await close.waitFor({ timeout: Math.max(10_000, closesAt.getTime() - Date.now() + 15_000) });
  await close.click();
  await status(office, t('rounds.done', { state: t('roundStates.closed') }));
  const publication = office.getByRole('form', { name: t('publication.heading') });
  await publication.getByLabel(t('publication.reportUrls'), { exact: true }).fill('https://bip.som.example/sprawozdania/strategia-2035');
  await publication.getByRole('button', { name: t('publication.save') }).click();
  await status(publication, t('publication.saved'));
  await office.getByRole('link', { name: t('triage.link', { total: 2 }) }).click();
  const rows = office.getByRole('table', { name: literal(t('triage.table.caption', { sort: '' })) }).locator('tbody tr');
  await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(2);
  const numbers = (await rows.allInnerTexts()).map((row) => row.match(/U\/\d{4}\/\d{4}/)?.[0] ?? '');
  const mayorNumber = numbers.find((n) => n !== residentNumber)!;
  await clean(office);
  await decide(office, t, residentNumber, 'accepted', 'Kolej metropolitalna jest w planie transportowym.');
  const proposal = office.getByRole('region', { name: t('triage.detail.heading', { number: residentNumber }) });
  await proposal.getByRole('button', { name: t('proposal.open') }).click();
  await proposal.getByLabel(t('proposal.newWording'), { exact: true }).fill('Spójny system transportu publicznego z Szczecińską Koleją Metropolitalną');
  await proposal.getByRole('button', { name: t('proposal.apply') }).click();
  await status(office, t('proposal.done', { number: residentNumber }));
  await proposal.getByRole('button', { name: t('triage.detail.close'), exact: true }).click();
  await decide(office, t, mayorNumber, 'explanation', 'Połączenie kolejowe Polic planuje województwo.');
  await office.getByLabel(t('triage.bulk.selectAll', { total: 2 }), { exact: true }).check();
  await office.getByRole('button', { name: t('triage.bulk.approve', { count: 2 }) }).click();
  await status(office, t('triage.bulk.approved', { count: 2 }));
  await clean(office);

  await office.goto(roundPath);
  await office.getByRole('link', { name: t('report.link') }).click();
  await office.getByRole('heading', { level: 1, name: t('report.heading') }).waitFor();
  await clean(office);
  await office.getByRole('button', { name: t('report.publish.button') }).click();
  await office.getByRole('button', { name: t('report.publish.confirm', { edition: 1 }) }).click();
  await status(office, t('report.publish.done', { edition: 1 }));
  const reportHash = (await office.getByLabel(t('report.publish.result'), { exact: true }).innerText()).match(/[0-9a-f]{64}/)?.[0];
  expect(reportHash).toMatch(/^[0-9a-f]{64}$/);
  await resident.page.reload();
  await resident.page.getByText(reportHash!).first().waitFor();
  await clean(resident.page);

  // The accepted wording is in the draft; the final version is frozen for the assembly.
  await office.goto(documentPath);
  await waitUntil(() => editorText(office), (value) => value.includes('z Szczecińską Koleją Metropolitalną'), 15_000, 'the applied wording in the draft');
  const finalName = `Wersja po konsultacjach ${suffix}`;
  await office.getByLabel(t('versions.freeze.label'), { exact: true }).fill(finalName);
  await office.getByRole('button', { name: t('versions.freeze.submit') }).click();
  await status(office, t('versions.freeze.done', { number: 2, name: finalName }));

  // ── Autumn: the assembly adopts the strategy. ──
  await nav(office, t('nav.decisions'));
  await office.getByRole('heading', { level: 1, name: t('decisions.page.heading') }).waitFor();
  const resolutionTitle = `w sprawie przyjęcia Strategii SSOM 2035 (${suffix})`;
  const resolutionForm = office.getByRole('form', { name: t('decisions.resolutionForm.heading') });
  await selectOptionContaining(resolutionForm.getByLabel(t('decisions.resolutionForm.body'), { exact: true }), /Walne Zebranie|General Assembly/i);
  await resolutionForm.getByLabel(t('decisions.resolutionForm.title'), { exact: true }).fill(resolutionTitle);
  await resolutionForm.getByLabel(t('decisions.resolutionForm.document'), { exact: true }).selectOption({ label: title });
  await resolutionForm.getByLabel(t('decisions.resolutionForm.version'), { exact: true }).selectOption({ label: t('versions.numbered', { number: 2, name: finalName }) });
  await resolutionForm.getByRole('button', { name: t('decisions.resolutionForm.submit') }).click();
  await status(office, t('decisions.resolutionForm.created', { title: resolutionTitle }));
  const meetingTitle = `Walne Zebranie Członków ${suffix}`;
  const meetingForm = office.getByRole('form', { name: t('decisions.meetingForm.heading') });
  await selectOptionContaining(meetingForm.getByLabel(t('decisions.meetingForm.body'), { exact: true }), /Walne Zebranie|General Assembly/i);
  await meetingForm.getByLabel(t('decisions.meetingForm.title'), { exact: true }).fill(meetingTitle);
  await meetingForm.getByLabel(t('decisions.meetingForm.startsAt'), { exact: true }).fill(warsawField(new Date()));
  await meetingForm.getByLabel(t('decisions.meetingForm.place'), { exact: true }).fill('Szczecin, Urząd Miasta');
  await meetingForm.getByLabel(literal(resolutionTitle)).check();
  await clean(office);
  await meetingForm.getByRole('button', { name: t('decisions.meetingForm.submit') }).click();
  // Calling the meeting opens its page.
  await office.getByRole('heading', { level: 1, name: meetingTitle }).waitFor();
  const meetingPath = new URL(office.url()).pathname;
  await office.getByRole('button', { name: t('decisions.meeting.open') }).click();
  await status(office, t('decisions.meeting.opened'));

  // Eight members' representatives check in from their own pages: the mayor of Police from the dashboard.
  const voters: Person[] = [];
  for (const slug of VOTERS) {
    const voter = slug === 'police' ? mayor : await signedIn(representative(slug));
    if (slug === 'police') {
      await nav(voter.page, t('nav.dashboard'));
      await voter.page.getByRole('link', { name: literal(meetingTitle) }).first().click();
    } else {
      await voter.page.goto(meetingPath);
    }
    await voter.page.getByRole('heading', { level: 1, name: meetingTitle }).waitFor();
    await voter.page.getByRole('button', { name: t('decisions.own.checkIn') }).click();
    await voter.page.getByText(shape('decisions.own.present', {}, ['member'])).first().waitFor();
    voters.push(voter);
  }
  await clean(mayor.page);
  await office.getByRole('button', { name: t('decisions.vote.open') }).click();
  for (const voter of voters) {
    const ballot = voter.page.getByRole('group', { name: shape('decisions.ballot.forOwn', {}, ['member']) }).first();
    await ballot.getByRole('button', { name: t('decisions.ballot.buttons.for'), exact: true }).click();
    await ballot.getByRole('button', { name: t('decisions.ballot.confirmButton') }).click();
    await voter.page.getByText(shape('decisions.ballot.recordedChoice', { choice: t('decisions.choices.for') }, ['member'])).first().waitFor();
  }
  await clean(mayor.page);
  await office.getByRole('button', { name: new RegExp(`^${t('decisions.vote.close')}`) }).click();
  await office.getByRole('button', { name: t('decisions.vote.closeConfirm') }).click();
  await office.getByText(t('decisions.outcome.result.adopted')).first().waitFor();
  await clean(office);
  await office.getByRole('button', { name: t('decisions.meeting.close') }).click();
  await office.getByRole('button', { name: t('decisions.meeting.closeConfirm') }).click();
  await status(office, t('decisions.meeting.closedNotice'));

  // The mayor signs off the adopted version on behalf of Police, seeing what is signed first.
  await nav(mayor.page, t('nav.dashboard'));
  await mayor.page.getByRole('link', { name: literal(finalName) }).first().click();
  await mayor.page.getByRole('button', { name: t('versions.approvals.approve', { organisation: POLICE }) }).click();
  await mayor.page.getByRole('heading', { name: t('versions.approvals.subjectHeading') }).waitFor();
  await mayor.page.getByText(literal(resolutionTitle)).first().waitFor();
  await clean(mayor.page);
  await mayor.page.getByRole('button', { name: t('versions.approvals.confirm'), exact: true }).click();
  await status(mayor.page, t('versions.approvals.done', { organisation: POLICE }));

  // ── Winter again: the register holds the resolution, intact, and anyone reads it without signing in. ──
  await nav(office, t('nav.decisions'));
  await office.getByRole('link', { name: t('decisions.register.link') }).first().click();
  await office.getByRole('heading', { level: 1, name: t('decisions.register.heading') }).waitFor();
  await office.getByText(literal(resolutionTitle)).first().waitFor();
  await office.locator('#register-verification').filter({ hasText: t('decisions.register.valid') }).waitFor();
  await clean(office);
  await resident.page.goto('/registers/ssom');
  await resident.page.getByRole('row').filter({ hasText: literal(resolutionTitle) }).waitFor();
  await clean(resident.page);
  await resident.page.getByRole('row').filter({ hasText: literal(resolutionTitle) }).getByRole('link').first().click();
  await resident.page.getByRole('heading', { level: 2, name: t('decisions.register.textHeading') }).waitFor();
  await clean(resident.page);

  for (const person of people) expect(person.errors, person.page.url()).toEqual([]);
}

async function selectInConsultedText(page: Page, t: TFunction, words: string): Promise<void> {
  const consulted = page.getByRole('textbox', { name: t('commentForm.passage.label') });
  await consulted.click();
  await selectInside(consulted, words);
  await page.getByText(t('commentForm.passage.selected', { count: words.length })).waitFor();
}

/** Chooses the first option whose label matches, once the list has it (its options may still be loading). */
async function selectOptionContaining(select: Locator, label: RegExp): Promise<void> {
  await select.locator('option').filter({ hasText: label }).first().waitFor({ state: 'attached' });
  const wanted = (await select.locator('option').allInnerTexts()).find((option) => label.test(option))!;
  await select.selectOption({ label: wanted });
}

/** Decides on a comment in the triage table, with its justification (approval comes later, in bulk). */
async function decide(page: Page, t: TFunction, number: string, disposition: string, justification: string): Promise<void> {
  await page.getByRole('button', { name: t('triage.table.open', { number }) }).click();
  const panel = page.getByRole('region', { name: t('triage.detail.heading', { number }) });
  await panel.getByLabel(t('triage.decide.disposition'), { exact: true }).selectOption(disposition);
  await panel.getByLabel(t('triage.decide.justification'), { exact: true }).fill(justification);
  await panel.getByRole('button', { name: t('triage.decide.submit') }).click();
  const done = t('triage.decide.done', { number, disposition: t(`triage.dispositions.${disposition}`) });
  await page.getByRole('status').filter({ hasText: literal(done) }).first().waitFor();
}
