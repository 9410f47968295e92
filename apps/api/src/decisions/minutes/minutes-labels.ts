import { type Ballot, type Comparison, type MajorityBase, type OutcomeReason, type QuorumBasis, type QuorumCount, quoted, type Rational, type ResolutionKind, type VoteChoice } from '@commonplan/domain';

/** The minutes' fixed words in Polish (the default) and English; names, titles and texts stay as entered. */
export const MINUTES_LANGUAGES = ['pl', 'en'] as const;
export type MinutesLanguage = (typeof MINUTES_LANGUAGES)[number];

export type Presence = 'present' | 'represented' | 'absent';

export interface MinutesLabels {
  locale: string;
  /** "Protokół z posiedzenia Walnego Zebrania Członków" (the body's name in the genitive, as data). */
  heading: (body: { name: string; nameGenitive: string }) => string;
  draft: string;
  facts: { meeting: string; date: string; place: string; openedAt: string; closedAt: string; notOpened: string; notClosed: string; term: string; secondTerm: (at: string) => string };
  sections: { attendance: string; agenda: string; votes: string; adopted: string; signatures: string };
  attendance: {
    summary: (counts: { statutory: number; present: number; represented: number; absent: number }) => string;
    presence: Record<Presence, string>;
    checkedIn: (time: string) => string;
    representedBy: (holder: string, authorisation: string) => string;
    proxyNotAccepted: (holder: string) => string;
    quorumAtOpening: string;
    columns: { number: string; member: string; presence: string; details: string };
  };
  quorum: (q: { basis: QuorumBasis; among: QuorumCount; fraction: Rational; comparison: Comparison; actual: string; total: string; minimum: string; reached: boolean }) => string;
  kinds: Record<ResolutionKind, string>;
  kind: string;
  noVote: string;
  vote: (ordinal: number, count: number) => string;
  ballots: Record<Ballot, string>;
  ballot: string;
  quorumAtVote: string;
  majority: string;
  majorityWords: (m: { kind: 'simple' | 'absolute' | 'qualified'; of: MajorityBase | 'against'; fraction: Rational; minimum: string; abstentionsCount: boolean }) => string;
  results: Record<OutcomeReason | 'open', string>;
  resultSentences: Record<OutcomeReason | 'open', string>;
  result: string;
  tally: { for: string; against: string; abstain: string; valid: string; cast: string; weight: (weight: string) => string };
  choices: Record<VoteChoice, string>;
  notVoted: string;
  byProxy: (holder: string) => string;
  roll: { title: string; number: string; member: string; choice: string; castBy: string; own: string };
  secretNote: string;
  /** The chair's casting vote that decided a tie. */
  castingVote: (chair: string, choice: 'for' | 'against') => string;
  /** A vote taken at a meeting held in its second term. */
  secondTermVote: string;
  /** A closed vote whose record does not verify against its seals and ballots. */
  unverified: (reason: string) => string;
  ballotsDigest: string;
  textHash: string;
  adoptedAs: string;
  adoptsVersion: (document: string, number: number, name: string) => string;
  versionHash: string;
  noneAdopted: string;
  signatures: string[];
  generatedAt: string;
  page: (n: number, of: number) => string;
  /** The words around the page number and the page count, for word processors' page fields. */
  pageFields: [string, string];
  fileName: string;
  /** Who spoke on an agenda item: "10:05 – Gmina Police (wniosek formalny)". */
  speakers: { heading: string; kinds: Record<MinutesSpeakerKind, string>; entry: (time: string, name: string, kind: string) => string; guest: string };
}

export type MinutesSpeakerKind = 'speech' | 'point_of_order';

const fraction = (f: Rational) => `${f.numerator}/${f.denominator}`;

export const MINUTES_LABELS: Record<MinutesLanguage, MinutesLabels> = {
  pl: {
    locale: 'pl-PL',
    heading: (body) => `Protokół z posiedzenia ${body.nameGenitive}`,
    draft: 'Posiedzenie nie zostało jeszcze zamknięte: protokół jest projektem.',
    facts: { meeting: 'Posiedzenie', date: 'Termin', place: 'Miejsce', openedAt: 'Otwarcie posiedzenia', closedAt: 'Zamknięcie posiedzenia', notOpened: 'posiedzenie nie zostało otwarte', notClosed: 'posiedzenie trwa', term: 'Otwarte w terminie', secondTerm: (at) => `drugim, ${at} (w pierwszym terminie nie było kworum)` },
    sections: { attendance: 'Lista obecności', agenda: 'Porządek obrad', votes: 'Przebieg głosowań', adopted: 'Podjęte uchwały', signatures: 'Podpisy' },
    attendance: {
      summary: (c) => `Skład statutowy: ${c.statutory}. Obecni: ${c.present}, reprezentowani przez pełnomocnika: ${c.represented}, nieobecni: ${c.absent}.`,
      presence: { present: 'obecny', represented: 'przez pełnomocnika', absent: 'nieobecny' },
      checkedIn: (time) => `zarejestrowany ${time}`,
      representedBy: (holder, authorisation) => `pełnomocnik: ${holder}; pełnomocnictwo: ${authorisation}`,
      proxyNotAccepted: (holder) => `pełnomocnictwo dla: ${holder} nie zostało uwzględnione`,
      quorumAtOpening: 'Kworum według listy obecności',
      columns: { number: 'Lp.', member: 'Członek', presence: 'Obecność', details: 'Uwagi' },
    },
    quorum: (q) => {
      const unit = q.basis === 'weight' ? 'głosów (według wagi)' : 'członków';
      const counted = q.among === 'present' ? 'obecnych (osobiście lub przez pełnomocnika)' : 'głosujących';
      if (q.fraction.numerator === 0) return `${counted}: ${q.actual} z ${q.total} ${unit}: kworum nie jest wymagane (drugi termin, bez względu na liczbę obecnych)`;
      const rule = q.comparison === 'at_least' ? `co najmniej ${fraction(q.fraction)} składu, tj. ${q.minimum}` : `więcej niż ${fraction(q.fraction)} składu, tj. co najmniej ${q.minimum}`;
      return `${counted}: ${q.actual} z ${q.total} ${unit} (wymagane ${rule}): ${q.reached ? 'kworum jest' : 'brak kworum'}`;
    },
    kinds: { ordinary: 'uchwała zwykła', election: 'wybory', statute_change: 'zmiana statutu' },
    kind: 'Rodzaj',
    noVote: 'Na tym posiedzeniu nie głosowano nad tą uchwałą.',
    vote: (ordinal, count) => (count > 1 ? `Głosowanie ${ordinal}` : 'Głosowanie'),
    ballots: { named: 'jawne imienne', secret: 'tajne' },
    ballot: 'Tryb głosowania',
    quorumAtVote: 'Kworum przy głosowaniu',
    majority: 'Wymagana większość',
    majorityWords: (m) => {
      const bases: Record<MajorityBase, string> = { valid: 'ważnie oddanych głosów', present: 'głosów obecnych członków', statutory: 'statutowego składu' };
      const words =
        m.kind === 'simple' || m.of === 'against'
          ? 'zwykła większość głosów (więcej głosów za niż przeciw)'
          : m.kind === 'absolute'
            ? `bezwzględna większość ${bases[m.of]}`
            : `większość ${fraction(m.fraction)} ${bases[m.of]}`;
      const abstentions = m.kind !== 'simple' && m.of === 'valid' ? (m.abstentionsCount ? '; głosy wstrzymujące się liczą się do ważnych' : '; głosy wstrzymujące się nie liczą się do ważnych') : '';
      return `${words}; wymagane głosów za: co najmniej ${m.minimum}${abstentions}`;
    },
    results: { adopted: 'podjęta', rejected: 'odrzucona', tie: 'remis', no_quorum: 'brak kworum', open: 'głosowanie w toku' },
    resultSentences: {
      adopted: 'Uchwała została podjęta.',
      rejected: 'Uchwała została odrzucona.',
      tie: 'Uchwała nie została podjęta: remis (tyle samo głosów za i przeciw).',
      no_quorum: 'Brak kworum: głosowanie nie rozstrzygnęło o uchwale.',
      open: 'Głosowanie nie zostało zakończone.',
    },
    result: 'Wynik',
    tally: { for: 'Za', against: 'Przeciw', abstain: 'Wstrzymujące się', valid: 'Ważne', cast: 'Oddane', weight: (w) => `waga ${w}` },
    choices: { for: 'za', against: 'przeciw', abstain: 'wstrzymuje się' },
    notVoted: 'nie oddano głosu',
    byProxy: (holder) => `przez pełnomocnika: ${holder}`,
    roll: { title: 'Imienny wykaz głosowania', number: 'Lp.', member: 'Członek', choice: 'Głos', castBy: 'Kto oddał głos', own: 'przedstawiciel członka' },
    secretNote: 'Głosowanie tajne: protokół podaje wyłącznie sumy głosów.',
    castingVote: (chair, choice) => `Przy równej liczbie głosów rozstrzygnął głos przewodniczącego (${chair}: ${choice === 'for' ? 'za' : 'przeciw'}).`,
    secondTermVote: 'Głosowanie na posiedzeniu w drugim terminie, z kworum drugiego terminu według statutu.',
    unverified: (reason) => `UWAGA: zapis tego głosowania nie przechodzi weryfikacji (${reason}). Podane wyniki nie są potwierdzone.`,
    ballotsDigest: 'Skrót SHA-256 oddanych głosów (rejestr uchwał)',
    textHash: 'Skrót SHA-256 tekstu uchwały poddanego głosowaniu',
    adoptedAs: 'Podjęta uchwała',
    adoptsVersion: (document, number, name) => `Przyjmuje dokument ${quoted(document)}, wersja ${number}: ${name}`,
    versionHash: 'Skrót SHA-256 przyjętej wersji',
    noneAdopted: 'Na posiedzeniu nie podjęto uchwał.',
    signatures: ['Przewodniczący obrad', 'Protokolant'],
    generatedAt: 'Protokół wygenerowano w Commonplan',
    page: (n, of) => `Strona ${n} z ${of}`,
    pageFields: ['Strona ', ' z '],
    fileName: 'protokol',
    speakers: { heading: 'Głos zabrali', kinds: { speech: 'wystąpienie', point_of_order: 'wniosek formalny' }, entry: (time, name, kind) => `${time} – ${name} (${kind})`, guest: 'gość posiedzenia' },
  },
  en: {
    locale: 'en-GB',
    heading: (body) => `Minutes of the meeting of the ${body.name}`,
    draft: 'The meeting has not been closed yet: these minutes are a draft.',
    facts: { meeting: 'Meeting', date: 'Date', place: 'Place', openedAt: 'Meeting opened', closedAt: 'Meeting closed', notOpened: 'the meeting was not opened', notClosed: 'the meeting is in progress', term: 'Opened in its', secondTerm: (at) => `second term, ${at} (the first term lacked the quorum)` },
    sections: { attendance: 'Attendance', agenda: 'Agenda', votes: 'Votes', adopted: 'Resolutions adopted', signatures: 'Signatures' },
    attendance: {
      summary: (c) => `Statutory membership: ${c.statutory}. Present: ${c.present}, represented by proxy: ${c.represented}, absent: ${c.absent}.`,
      presence: { present: 'present', represented: 'by proxy', absent: 'absent' },
      checkedIn: (time) => `checked in ${time}`,
      representedBy: (holder, authorisation) => `proxy holder: ${holder}; authorisation: ${authorisation}`,
      proxyNotAccepted: (holder) => `the proxy given to ${holder} was not accepted`,
      quorumAtOpening: 'Quorum according to the attendance list',
      columns: { number: 'No.', member: 'Member', presence: 'Attendance', details: 'Notes' },
    },
    quorum: (q) => {
      const unit = q.basis === 'weight' ? 'votes (by weight)' : 'members';
      const counted = q.among === 'present' ? 'present (in person or by proxy)' : 'voting';
      if (q.fraction.numerator === 0) return `${counted}: ${q.actual} of ${q.total} ${unit}: no quorum required (second term, regardless of the number present)`;
      const rule = q.comparison === 'at_least' ? `at least ${fraction(q.fraction)} of the membership, i.e. ${q.minimum}` : `more than ${fraction(q.fraction)} of the membership, i.e. at least ${q.minimum}`;
      return `${counted}: ${q.actual} of ${q.total} ${unit} (required: ${rule}): ${q.reached ? 'quorum reached' : 'no quorum'}`;
    },
    kinds: { ordinary: 'ordinary resolution', election: 'election', statute_change: 'statute change' },
    kind: 'Kind',
    noVote: 'This resolution was not voted on at this meeting.',
    vote: (ordinal, count) => (count > 1 ? `Vote ${ordinal}` : 'Vote'),
    ballots: { named: 'named (open) ballot', secret: 'secret ballot' },
    ballot: 'Ballot',
    quorumAtVote: 'Quorum at the vote',
    majority: 'Majority required',
    majorityWords: (m) => {
      const bases: Record<MajorityBase, string> = { valid: 'of the valid votes cast', present: 'of the members present', statutory: 'of the statutory membership' };
      const words =
        m.kind === 'simple' || m.of === 'against'
          ? 'simple majority (more votes for than against)'
          : m.kind === 'absolute'
            ? `absolute majority ${bases[m.of]}`
            : `${fraction(m.fraction)} majority ${bases[m.of]}`;
      const abstentions = m.kind !== 'simple' && m.of === 'valid' ? (m.abstentionsCount ? '; abstentions count as valid votes' : '; abstentions do not count as valid votes') : '';
      return `${words}; votes for required: at least ${m.minimum}${abstentions}`;
    },
    results: { adopted: 'adopted', rejected: 'rejected', tie: 'tie', no_quorum: 'no quorum', open: 'vote in progress' },
    resultSentences: {
      adopted: 'The resolution was adopted.',
      rejected: 'The resolution was rejected.',
      tie: 'The resolution was not adopted: a tie (as many votes for as against).',
      no_quorum: 'No quorum: the vote did not decide the resolution.',
      open: 'The vote has not been closed.',
    },
    result: 'Result',
    tally: { for: 'For', against: 'Against', abstain: 'Abstentions', valid: 'Valid', cast: 'Cast', weight: (w) => `weight ${w}` },
    choices: { for: 'for', against: 'against', abstain: 'abstains' },
    notVoted: 'did not vote',
    byProxy: (holder) => `by proxy: ${holder}`,
    roll: { title: 'Roll of the named ballot', number: 'No.', member: 'Member', choice: 'Vote', castBy: 'Cast by', own: "the member's representative" },
    secretNote: 'Secret ballot: the minutes give the totals only.',
    castingVote: (chair, choice) => `With the votes tied, the chair’s casting vote decided (${chair}: ${choice}).`,
    secondTermVote: 'Vote at a meeting held in its second term, with the second term’s quorum under the statute.',
    unverified: (reason) => `WARNING: the record of this vote does not verify (${reason}). The results given are not confirmed.`,
    ballotsDigest: 'SHA-256 digest of the ballots (decision register)',
    textHash: 'SHA-256 digest of the resolution’s text put to the vote',
    adoptedAs: 'Resolution adopted',
    adoptsVersion: (document, number, name) => `Adopts the document ${quoted(document, 'en')}, version ${number}: ${name}`,
    versionHash: 'SHA-256 hash of the adopted version',
    noneAdopted: 'No resolution was adopted at this meeting.',
    signatures: ['Chair of the meeting', 'Minute-taker'],
    generatedAt: 'Minutes generated by Commonplan',
    page: (n, of) => `Page ${n} of ${of}`,
    pageFields: ['Page ', ' of '],
    fileName: 'minutes',
    speakers: { heading: 'Speakers', kinds: { speech: 'speech', point_of_order: 'point of order' }, entry: (time, name, kind) => `${time} – ${name} (${kind})`, guest: 'a guest of the meeting' },
  },
};

export function minutesLabels(language: MinutesLanguage): MinutesLabels {
  return MINUTES_LABELS[language];
}

/** A date and time in Warsaw's time. */
export function formatDateTime(value: Date | string, labels: MinutesLabels): string {
  return new Intl.DateTimeFormat(labels.locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Warsaw' }).format(new Date(value));
}

/** A time of day in Warsaw's time (for check-ins). */
export function formatTime(value: Date | string, labels: MinutesLabels): string {
  return new Intl.DateTimeFormat(labels.locale, { timeStyle: 'short', timeZone: 'Europe/Warsaw' }).format(new Date(value));
}

/** A count or a vote weight, in the language's way of writing numbers. */
export function formatNumber(value: number, labels: MinutesLabels): string {
  return new Intl.NumberFormat(labels.locale, { maximumFractionDigits: 4 }).format(value);
}
