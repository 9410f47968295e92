import JSZip from 'jszip';
import { type BodyRules, decide, defaultRulesFor, type ProxyAuthorisation, type Vote } from '@commonplan/domain';
import { buildMinutes, type MinutesInput } from './minutes-data';
import { renderMinutesDocx } from './render-minutes-docx';
import { renderMinutesPdf } from './render-minutes-pdf';

// pdf-parse's own entry reads a sample file when loaded as the main module: take its library file.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (data: Buffer) => Promise<{ text: string; numpages: number }>;

const NAMES: Record<string, string> = {
  police: 'Gmina Police',
  dobra: 'Gmina Dobra',
  gryfino: 'Gmina Gryfino',
  stepnica: 'Gmina Stepnica',
  goleniow: 'Gmina Goleniów',
  kobylanka: 'Gmina Kobylanka',
};
const MEMBERS = Object.entries(NAMES).map(([id, name]) => ({ id, name, population: 10000, voteWeight: 1 }));
const withProxies: BodyRules = { ...defaultRulesFor('ordinary'), proxiesAllowed: true };
const HASH = 'ab'.repeat(32);

type StoredVote = MinutesInput['agenda'][number]['votes'][number];

/** A closed vote as VotesService stores it: the outcome by its rules, the attendance it was decided on. */
function closedVote(id: string, rules: BodyRules, present: string[], proxies: ProxyAuthorisation[], votes: Vote[]): StoredVote {
  return {
    id,
    ballot: rules.ballot,
    rules,
    state: 'closed',
    openedAt: '2026-12-05T10:00:00.000Z',
    closedAt: '2026-12-05T10:10:00.000Z',
    outcome: decide({ rules, members: MEMBERS.map((m) => ({ id: m.id, population: m.population, weight: m.voteWeight })), present, proxies, votes }),
    present: { present, proxies },
    ballotsDigest: id.repeat(64).slice(0, 64),
    textHash: `${id}e`.repeat(64).slice(0, 64),
    verification: { verified: true, code: null, reason: null },
  };
}

function input(agenda: MinutesInput['agenda'], overrides: Partial<MinutesInput> = {}): MinutesInput {
  return {
    meeting: {
      id: 'meeting-1',
      title: 'XXI Walne Zebranie Członków',
      body: { name: 'Walne Zebranie Członków', nameGenitive: 'Walnego Zebrania Członków' },
      startsAt: '2026-12-05T09:00:00.000Z',
      place: 'Szczecin, Urząd Miasta',
      state: 'closed',
      openedAt: '2026-12-05T09:05:00.000Z',
      closedAt: '2026-12-05T12:00:00.000Z',
    },
    members: MEMBERS,
    names: NAMES,
    rules: withProxies,
    // Four present; stepnica represented by police's representative; kobylanka absent.
    checkIns: ['police', 'dobra', 'gryfino', 'goleniow'].map((memberId, i) => ({ memberId, at: `2026-12-05T08:5${i}:00.000Z` })),
    proxies: [{ from: 'stepnica', to: 'police', authorisation: 'Pełnomocnictwo Wójta z 1 grudnia 2026' }],
    agenda,
    generatedAt: '2026-12-05T12:30:00.000Z',
    ...overrides,
  };
}

const resolution = (id: string, title: string, extra: Partial<MinutesInput['agenda'][number]['resolution']> = {}) => ({
  id,
  title,
  kind: 'ordinary' as const,
  number: null,
  fullTitle: null,
  adopts: null,
  ...extra,
});

const present = ['police', 'dobra', 'gryfino', 'goleniow'];
const proxy = [{ from: 'stepnica', to: 'police' }];

const strategy = {
  position: 1,
  resolution: resolution('r1', 'w sprawie przyjęcia Strategii Rozwoju SOM 2030', {
    number: '1/2026',
    fullTitle: 'Uchwała nr 1/2026 Walnego Zebrania Członków w sprawie przyjęcia Strategii Rozwoju SOM 2030',
    adopts: { documentTitle: 'Strategia Rozwoju SOM 2030', number: 3, name: 'wersja do przyjęcia', contentHash: HASH },
  }),
  votes: [
    closedVote('a', withProxies, present, proxy, [
      { memberId: 'police', choice: 'for' },
      { memberId: 'dobra', choice: 'for' },
      { memberId: 'gryfino', choice: 'against' },
      { memberId: 'stepnica', choice: 'for', castBy: 'police' },
    ]),
  ],
};

const election = {
  position: 2,
  resolution: resolution('r2', 'w sprawie wyboru Przewodniczącego Walnego Zebrania', { kind: 'election' }),
  votes: [
    closedVote('b', { ...withProxies, majority: { kind: 'absolute', of: 'valid' }, ballot: 'secret' }, present, proxy, [
      { memberId: 'police', choice: 'for' },
      { memberId: 'dobra', choice: 'against' },
      { memberId: 'gryfino', choice: 'against' },
      { memberId: 'goleniow', choice: 'abstain' },
      { memberId: 'stepnica', choice: 'for', castBy: 'police' },
    ]),
  ],
};

describe('buildMinutes', () => {
  it('heads the minutes with the body in the genitive and lists attendance with check-in times and the proxy', () => {
    const minutes = buildMinutes(input([strategy]));
    expect(minutes.heading).toBe('Protokół z posiedzenia Walnego Zebrania Członków');
    expect(minutes.title).toBe('XXI Walne Zebranie Członków');
    expect(minutes.draft).toBe(false);
    expect(minutes.facts).toContainEqual({ label: 'Miejsce', value: 'Szczecin, Urząd Miasta' });
    expect(minutes.facts.find((f) => f.label === 'Termin')?.value).toMatch(/^5 grudnia 2026\D+10:00$/);
    expect(minutes.attendance.counts).toEqual({ statutory: 6, present: 4, represented: 1, absent: 1 });
    expect(minutes.attendance.summary).toBe('Skład statutowy: 6. Obecni: 4, reprezentowani przez pełnomocnika: 1, nieobecni: 1.');
    const byId = Object.fromEntries(minutes.attendance.members.map((m) => [m.memberId, m]));
    expect(byId['police']).toMatchObject({ presence: 'present', presenceText: 'obecny', checkedInAt: '2026-12-05T08:50:00.000Z', details: 'zarejestrowany 09:50' });
    expect(byId['stepnica']).toMatchObject({
      presence: 'represented',
      presenceText: 'przez pełnomocnika',
      representedBy: { memberId: 'police', name: 'Gmina Police', authorisation: 'Pełnomocnictwo Wójta z 1 grudnia 2026' },
      details: 'pełnomocnik: Gmina Police; pełnomocnictwo: Pełnomocnictwo Wójta z 1 grudnia 2026',
    });
    expect(byId['kobylanka']).toMatchObject({ presence: 'absent', details: '' });
    expect(minutes.attendance.quorum).toMatchObject({ actual: 5, total: 6, minimum: 3, reached: true });
    expect(minutes.attendance.quorum.text).toBe('obecnych (osobiście lub przez pełnomocnika): 5 z 6 członków (wymagane co najmniej 1/2 składu, tj. 3): kworum jest');
  });

  it('gives a named ballot its roll, member by member, with the proxy holder who cast a vote', () => {
    const [item] = buildMinutes(input([strategy])).agenda;
    const [vote] = item.votes;
    expect(vote).toMatchObject({ ballot: 'named', ballotText: 'jawne imienne', secretNote: null, ballotsDigest: 'a'.repeat(64), textHash: 'ae'.repeat(32) });
    expect(vote.roll?.map((r) => [r.name, r.text])).toEqual([
      ['Gmina Police', 'za'],
      ['Gmina Dobra', 'za'],
      ['Gmina Gryfino', 'przeciw'],
      ['Gmina Stepnica', 'za (przez pełnomocnika: Gmina Police)'],
      ['Gmina Goleniów', 'nie oddano głosu'],
    ]);
    expect(vote.roll?.find((r) => r.memberId === 'stepnica')).toMatchObject({ choice: 'for', byProxy: true, castBy: { memberId: 'police', name: 'Gmina Police' } });
    expect(vote.roll?.find((r) => r.memberId === 'goleniow')).toMatchObject({ choice: null, byProxy: false });
    expect(vote.tally).toMatchObject({ for: { count: 3, text: '3' }, against: { count: 1, text: '1' }, abstain: { count: 0 }, valid: { count: 4 }, cast: { count: 4 } });
    expect(vote.quorum).toMatchObject({ actual: 5, total: 6, reached: true });
    expect(vote.majority?.text).toBe('zwykła większość głosów (więcej głosów za niż przeciw); wymagane głosów za: co najmniej 2');
  });

  it('names an adopted resolution by its number and full title, with the version it adopts', () => {
    const minutes = buildMinutes(input([strategy]));
    const [item] = minutes.agenda;
    expect(item.votes[0].result).toEqual({ reason: 'adopted', adopted: true, text: 'podjęta', sentence: 'Uchwała została podjęta.' });
    expect(item.adopted).toEqual({
      number: '1/2026',
      fullTitle: 'Uchwała nr 1/2026 Walnego Zebrania Członków w sprawie przyjęcia Strategii Rozwoju SOM 2030',
      adopts: { documentTitle: 'Strategia Rozwoju SOM 2030', versionNumber: 3, versionName: 'wersja do przyjęcia', contentHash: HASH, text: 'Przyjmuje dokument „Strategia Rozwoju SOM 2030”, wersja 3: wersja do przyjęcia' },
    });
    expect(minutes.adopted).toEqual([item.adopted]);
  });

  it('gives a secret ballot only its totals, and describes an absolute majority of valid votes', () => {
    const [item] = buildMinutes(input([election])).agenda;
    const [vote] = item.votes;
    expect(item.kindText).toBe('wybory');
    expect(vote).toMatchObject({ ballot: 'secret', ballotText: 'tajne', roll: null, secretNote: 'Głosowanie tajne: protokół podaje wyłącznie sumy głosów.' });
    expect(vote.tally).toMatchObject({ for: { count: 2 }, against: { count: 2 }, abstain: { count: 1 }, valid: { count: 5 }, cast: { count: 5 } });
    expect(vote.majority?.text).toBe('bezwzględna większość ważnie oddanych głosów; wymagane głosów za: co najmniej 3; głosy wstrzymujące się liczą się do ważnych');
    // 2 for, 2 against: a tie.
    expect(vote.result).toMatchObject({ reason: 'tie', adopted: false, text: 'remis' });
    expect(item.adopted).toBeNull();
    // Nothing in the secret ballot's minutes names a member.
    const text = JSON.stringify(vote);
    for (const name of Object.values(NAMES)) expect(text).not.toContain(name);
  });

  it('records a vote without quorum, a rejection, a 2/3 majority of the statutory membership and an item not voted on', () => {
    const few = ['police', 'dobra'];
    const statute: BodyRules = { ...withProxies, majority: { kind: 'qualified', fraction: { numerator: 2, denominator: 3 }, of: 'statutory' } };
    const minutes = buildMinutes(
      input(
        [
          { position: 1, resolution: resolution('r3', 'w sprawie składki'), votes: [closedVote('c', withProxies, few, [], [{ memberId: 'police', choice: 'for' }, { memberId: 'dobra', choice: 'for' }])] },
          { position: 2, resolution: resolution('r4', 'w sprawie zmiany statutu', { kind: 'statute_change' }), votes: [closedVote('d', statute, present, proxy, present.map((memberId) => ({ memberId, choice: 'for' as const })))] },
          { position: 3, resolution: resolution('r5', 'w sprawie budżetu'), votes: [closedVote('e', withProxies, present, [], [{ memberId: 'police', choice: 'against' }, { memberId: 'dobra', choice: 'for' }, { memberId: 'gryfino', choice: 'against' }])] },
          { position: 4, resolution: resolution('r6', 'wolne wnioski'), votes: [] },
        ],
        { checkIns: few.map((memberId) => ({ memberId, at: '2026-12-05T08:50:00.000Z' })), proxies: [], meeting: { ...input([]).meeting, state: 'open', closedAt: null } },
      ),
    );
    expect(minutes.draft).toBe(true);
    expect(minutes.draftText).toBe('Posiedzenie nie zostało jeszcze zamknięte: protokół jest projektem.');
    expect(minutes.attendance.quorum).toMatchObject({ actual: 2, minimum: 3, reached: false });
    expect(minutes.attendance.quorum.text).toMatch(/: brak kworum$/);
    const [noQuorum, statuteChange, rejected, notVoted] = minutes.agenda;
    expect(noQuorum.votes[0].result).toEqual({ reason: 'no_quorum', adopted: null, text: 'brak kworum', sentence: 'Brak kworum: głosowanie nie rozstrzygnęło o uchwale.' });
    expect(noQuorum.votes[0].quorum).toMatchObject({ actual: 2, total: 6, minimum: 3, reached: false });
    // 4 for of a statutory 6: 2/3 of 6 is 4.
    expect(statuteChange.votes[0].majority?.text).toBe('większość 2/3 statutowego składu; wymagane głosów za: co najmniej 4');
    expect(statuteChange.votes[0].result.text).toBe('podjęta');
    expect(rejected.votes[0].result).toMatchObject({ reason: 'rejected', text: 'odrzucona', sentence: 'Uchwała została odrzucona.' });
    expect(notVoted).toMatchObject({ votes: [], noVoteText: 'Na tym posiedzeniu nie głosowano nad tą uchwałą.', adopted: null });
    // Adopted by the vote but not numbered in the data given: not listed as adopted.
    expect(minutes.adopted).toEqual([]);
  });

  it('shows weights when the members vote by weight, and an open vote as in progress', () => {
    const weighted: BodyRules = { ...withProxies, weighting: 'custom' };
    const members = MEMBERS.map((m, i) => ({ ...m, voteWeight: i === 0 ? 2.5 : 1 }));
    const vote = { ...closedVote('f', withProxies, present, [], []), rules: weighted };
    vote.outcome = decide({ rules: weighted, members: members.map((m) => ({ id: m.id, weight: m.voteWeight })), present, votes: [{ memberId: 'police', choice: 'for' }, { memberId: 'dobra', choice: 'against' }] });
    const open: StoredVote = { ...vote, id: 'g', state: 'open', closedAt: null, outcome: null, present: null, ballotsDigest: null };
    const minutes = buildMinutes(input([{ position: 1, resolution: resolution('r7', 'w sprawie wag'), votes: [vote, open] }], { members }));
    const [closed, inProgress] = minutes.agenda[0].votes;
    expect(closed.heading).toBe('Głosowanie 1');
    expect(closed.tally?.for.text).toBe('1 (waga 2,5)');
    expect(inProgress).toMatchObject({ heading: 'Głosowanie 2', quorum: null, tally: null, roll: null, result: { reason: 'open', text: 'głosowanie w toku' }, ballotsDigest: null });
  });

  it('speaks English with lang=en, keeping names and titles as entered', () => {
    const minutes = buildMinutes(input([strategy, election]), 'en');
    expect(minutes.heading).toBe('Minutes of the meeting of the Walne Zebranie Członków');
    expect(minutes.attendance.summary).toBe('Statutory membership: 6. Present: 4, represented by proxy: 1, absent: 1.');
    expect(minutes.agenda[0].votes[0].result.text).toBe('adopted');
    expect(minutes.agenda[0].votes[0].roll?.[3].text).toBe('for (by proxy: Gmina Police)');
    expect(minutes.agenda[1].votes[0].majority?.text).toBe('absolute majority of the valid votes cast; votes for required: at least 3; abstentions count as valid votes');
    expect(minutes.agenda[1].votes[0].result.text).toBe('tie');
    expect(minutes.adopted[0].fullTitle).toBe('Uchwała nr 1/2026 Walnego Zebrania Członków w sprawie przyjęcia Strategii Rozwoju SOM 2030');
  });
});

describe('the minutes as files', () => {
  it('prints the minutes as a PDF with the attendance, the roll, the totals and page numbers', async () => {
    const minutes = buildMinutes(input([strategy, election]));
    const parsed = await pdfParse(await renderMinutesPdf(minutes));
    const text = parsed.text.replace(/\s+/g, ' ');
    for (const expected of [
      'Protokół z posiedzenia Walnego Zebrania Członków',
      'XXI Walne Zebranie Członków',
      'Lista obecności',
      'Gmina Kobylanka',
      '5 z 6 członków',
      'Uchwała nr 1/2026 Walnego Zebrania Członków w sprawie przyjęcia Strategii Rozwoju SOM 2030',
      'przez pełnomocnika: Gmina Police',
      'zwykła większość głosów',
      'bezwzględna większość ważnie oddanych głosów',
      'remis',
      HASH,
      'a'.repeat(64),
      `Strona 1 z ${parsed.numpages}`,
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('marks a vote whose record does not verify, before its figures, in every format', async () => {
    const tampered = { ...strategy, votes: strategy.votes.map((vote) => ({ ...vote, verification: { verified: false, code: 'outcome_changed', reason: 'its stored outcome was changed' } })) };
    const minutes = buildMinutes(input([tampered]));
    expect(minutes.agenda[0].votes[0].unverified).toBe('UWAGA: zapis tego głosowania nie przechodzi weryfikacji (its stored outcome was changed). Podane wyniki nie są potwierdzone.');
    expect(buildMinutes(input([strategy])).agenda[0].votes[0].unverified).toBeNull();
    const pdf = (await pdfParse(await renderMinutesPdf(minutes))).text.replace(/\s+/g, ' ');
    expect(pdf).toContain('nie przechodzi weryfikacji');
    const zip = await JSZip.loadAsync(await renderMinutesDocx(buildMinutes(input([tampered]), 'en')));
    expect((await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '')).toContain('WARNING: the record of this vote does not verify');
  });

  it('writes the minutes as a Word file', async () => {
    const zip = await JSZip.loadAsync(await renderMinutesDocx(buildMinutes(input([strategy, election]), 'en')));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    for (const expected of ['Minutes of the meeting of the Walne Zebranie Członków', 'Attendance', 'Gmina Kobylanka', 'by proxy: Gmina Police', 'Roll of the named ballot', 'Secret ballot: the minutes give the totals only.', 'Uchwała nr 1/2026']) {
      expect(text).toContain(expected);
    }
    // Real tables: attendance, two tallies and one roll.
    expect(xml.match(/<w:tbl>/g)).toHaveLength(4);
    const footers = await Promise.all(Object.keys(zip.files).filter((name) => /^word\/footer\d*\.xml$/.test(name)).map((name) => zip.file(name)!.async('string')));
    expect(footers.join('')).toContain('PAGE');
  });
});

describe('who spoke on each agenda item', () => {
  const speakers = {
    'item-1': [
      { name: 'Gmina Dobra', kind: 'speech' as const, startedAt: '2026-12-05T09:20:00.000Z' },
      { name: 'Gmina Police', kind: 'point_of_order' as const, startedAt: '2026-12-05T09:12:00.000Z' },
      { name: 'dr Jan Nowak (ekspert)', kind: 'speech' as const, startedAt: '2026-12-05T09:31:00.000Z', guest: true },
    ],
    'item-other': [{ name: 'Gmina Gryfino', kind: 'speech' as const, startedAt: '2026-12-05T09:40:00.000Z' }],
  };

  it('lists them per item by its id, in the order they were given the floor, with the time in Warsaw', () => {
    const minutes = buildMinutes(input([{ ...strategy, id: 'item-1' }, { ...election, id: 'item-2' }], { speakers }));
    expect(minutes.agenda.map((item) => item.agendaItemId)).toEqual(['item-1', 'item-2']);
    expect(minutes.agenda[0].speakers).toEqual([
      { name: 'Gmina Police', kind: 'point_of_order', kindText: 'wniosek formalny', startedAt: '2026-12-05T09:12:00.000Z', time: '10:12', text: '10:12 – Gmina Police (wniosek formalny)' },
      { name: 'Gmina Dobra', kind: 'speech', kindText: 'wystąpienie', startedAt: '2026-12-05T09:20:00.000Z', time: '10:20', text: '10:20 – Gmina Dobra (wystąpienie)' },
      { name: 'dr Jan Nowak (ekspert)', kind: 'speech', kindText: 'wystąpienie', startedAt: '2026-12-05T09:31:00.000Z', time: '10:31', text: '10:31 – dr Jan Nowak (ekspert) (wystąpienie)' },
    ]);
    // Nobody spoke on the election; an item without an id has no speakers.
    expect(minutes.agenda[1].speakers).toEqual([]);
    expect(buildMinutes(input([strategy], { speakers })).agenda[0]).toMatchObject({ agendaItemId: null, speakers: [] });
    expect(buildMinutes(input([{ ...strategy, id: 'item-1' }], { speakers }), 'en').agenda[0].speakers[0].text).toBe('10:12 – Gmina Police (point of order)');
  });

  it('does not name a guest in the minutes published to anyone, only the members who spoke', () => {
    const published = buildMinutes({ ...input([{ ...strategy, id: 'item-1' }], { speakers }), published: true });
    expect(published.agenda[0].speakers.map((s) => s.text)).toEqual(['10:12 – Gmina Police (wniosek formalny)', '10:20 – Gmina Dobra (wystąpienie)', '10:31 – gość posiedzenia (wystąpienie)']);
    expect(buildMinutes({ ...input([{ ...strategy, id: 'item-1' }], { speakers }), published: true }, 'en').agenda[0].speakers[2].name).toBe('a guest of the meeting');
  });

  it('prints them under the item in the PDF and the Word file', async () => {
    const pl = buildMinutes(input([{ ...strategy, id: 'item-1' }], { speakers }));
    const pdf = (await pdfParse(await renderMinutesPdf(pl))).text.replace(/\s+/g, ' ');
    expect(pdf).toContain('Głos zabrali');
    expect(pdf).toContain('10:12 – Gmina Police (wniosek formalny)');
    expect(pdf.indexOf('10:12 – Gmina Police')).toBeLessThan(pdf.indexOf('10:20 – Gmina Dobra'));
    const zip = await JSZip.loadAsync(await renderMinutesDocx(buildMinutes(input([{ ...strategy, id: 'item-1' }], { speakers }), 'en')));
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('Speakers');
    expect(text).toContain('10:31 – dr Jan Nowak (ekspert) (speech)');
    // Without speakers, no heading.
    const none = (await pdfParse(await renderMinutesPdf(buildMinutes(input([strategy]))))).text;
    expect(none).not.toContain('Głos zabrali');
  });
});

describe('the agenda, procedural votes and amendments', () => {
  const simple = { ...withProxies, ballot: 'named' as const };
  const carried = closedVote('m', simple, present, proxy, [
    { memberId: 'police', choice: 'for' },
    { memberId: 'dobra', choice: 'for' },
    { memberId: 'gryfino', choice: 'against' },
  ]);
  const lost = closedVote('n', simple, present, proxy, [
    { memberId: 'police', choice: 'against' },
    { memberId: 'dobra', choice: 'against' },
    { memberId: 'gryfino', choice: 'for' },
  ]);
  const procedure = {
    agendaAdoptedAt: '2026-12-05T09:07:00.000Z',
    items: [
      { position: 1, kind: 'minutes', title: '', minutesOf: { title: 'XX Walne Zebranie Członków', startsAt: '2026-06-20T08:00:00.000Z' } },
      { position: 2, kind: 'resolution', title: 'w sprawie przyjęcia Strategii Rozwoju SOM 2030', minutesOf: null },
      { position: 3, kind: 'other', title: 'Wolne wnioski', minutesOf: null },
    ],
    motions: [
      { kind: 'agenda' as const, change: null, minutesOf: null, votes: [carried] },
      { kind: 'agenda_change' as const, change: { action: 'move' as const, title: 'Wolne wnioski', position: 1 }, minutesOf: null, votes: [lost] },
    ],
    amendments: {
      r1: [
        { number: 1, proposer: 'Gmina Police', currentText: '2027–2030', proposedText: '2027–2035', justification: 'Dłuższy horyzont.', state: 'adopted' as const, applied: true, droppedBy: null, votes: [carried] },
        { number: 2, proposer: 'Gmina Dobra', currentText: '2027–2030', proposedText: '', justification: '', state: 'dropped' as const, applied: false, droppedBy: 1, votes: [] },
      ],
    },
  };

  it('states the agenda and when it was adopted, each procedural vote with its figures, and each amendment with its fate', () => {
    const minutes = buildMinutes(input([{ ...strategy, position: 2 }], { procedure }));
    expect(minutes.procedure?.agendaAdopted).toBe('Porządek obrad przyjęto w głosowaniu o godz. 10:07.');
    expect(minutes.procedure?.items.map((i) => i.title)).toEqual(['Przyjęcie protokołu z posiedzenia „XX Walne Zebranie Członków” z 20 czerwca 2026 10:00', 'w sprawie przyjęcia Strategii Rozwoju SOM 2030', 'Wolne wnioski']);
    expect(minutes.procedure?.motions.map((m) => [m.title, m.votes.map((v) => [v.result.reason, v.tally?.for.count, v.tally?.against.count])])).toEqual([
      ['Przyjęcie porządku obrad', [['adopted', 2, 1]]],
      ['Zmiana porządku obrad: przeniesienie punktu „Wolne wnioski” na miejsce 1', [['rejected', 1, 2]]],
    ]);
    expect(minutes.agenda[0].amendments.map((a) => [a.heading, a.proposer, a.proposedText, a.stateText, a.votes.length])).toEqual([
      ['Poprawka nr 1', 'Gmina Police', '2027–2035', 'przyjęta i wprowadzona do tekstu uchwały', 1],
      ['Poprawka nr 2', 'Gmina Dobra', '(skreślenie)', 'bezprzedmiotowa po przyjęciu poprawki nr 1', 0],
    ]);
    const en = buildMinutes(input([{ ...strategy, position: 2 }], { procedure }), 'en');
    expect(en.procedure?.agendaAdopted).toBe('The agenda was adopted by a vote at 10:07.');
    expect(en.agenda[0].amendments[1].stateText).toBe('dropped when amendment no. 1 was adopted');
    // A meeting without any of it keeps the minutes as they were.
    expect(buildMinutes(input([strategy])).procedure).toBeNull();
    expect(buildMinutes(input([strategy])).agenda[0].amendments).toEqual([]);
  });

  it('prints them in the PDF and the Word file', async () => {
    const pdf = (await pdfParse(await renderMinutesPdf(buildMinutes(input([{ ...strategy, position: 2 }], { procedure }))))).text.replace(/\s+/g, ' ');
    for (const words of ['Porządek obrad przyjęto w głosowaniu o godz. 10:07.', '3. Wolne wnioski', 'Poprawka nr 1', 'Dotychczasowy zapis', 'Głosowania w sprawach proceduralnych', 'Przyjęcie porządku obrad']) expect(pdf).toContain(words);
    const zip = await JSZip.loadAsync(await renderMinutesDocx(buildMinutes(input([{ ...strategy, position: 2 }], { procedure }), 'en')));
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    for (const words of ['Amendment no. 2', '(deletion)', 'Procedural votes', 'Change of the agenda: item “Wolne wnioski” moved to place 1']) expect(text).toContain(words);
  });
});
