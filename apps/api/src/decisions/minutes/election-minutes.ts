import type { ElectionRoundResult, ElectionRules, Figure, QuorumResult } from '@commonplan/domain';
import { formatNumber, type MinutesLanguage, minutesLabels } from './minutes-labels';

/** An election of the meeting as the minutes read it: its rows as stored, each round's result as stored at its close. */
export interface ElectionMinutesInput {
  id: string;
  /** Its place on the agenda (null if it has none). */
  position: number | null;
  title: string;
  role: 'members' | 'chair';
  seats: number;
  target: { name: string } | null;
  secret: boolean;
  rules: ElectionRules;
  compositionFrom: string | null;
  resolution: { number: string | null; fullTitle: string | null; state: string };
  candidates: ReadonlyArray<{ id: string; personName: string; organisationName: string; nominatedByName: string | null; consentAt: Date | string | null; withdrawnAt: Date | string | null; electedInRound: number | null }>;
  rounds: ReadonlyArray<{ n: number; seatsOpen: number; candidates: readonly string[]; state: 'open' | 'closed'; result: ElectionRoundResult | null; ballotsDigest: string | null; castCount: number; lot?: { drawn: readonly string[] } | null }>;
}

export interface MinutesElectionRound {
  n: number;
  heading: string;
  seatsOpen: number;
  state: 'open' | 'closed';
  /** "kworum: …", once closed. */
  quorum: string | null;
  ballots: { cast: number; valid: number; invalid: number; blank: number; text: string } | null;
  /** Per candidate standing: figures and whether elected, in the ballot paper's order. */
  candidates: Array<{ candidateId: string; name: string; for: number; against: number; abstain: number; threshold: string; elected: boolean; resultText: string }>;
  elected: string[];
  electedText: string | null;
  next: string | null;
  /** The draw by lot the round asked for, once recorded: who it gave the seats to. */
  lot: string | null;
  secretNote: string | null;
  ballotsDigest: string | null;
}

export interface MinutesElection {
  electionId: string;
  position: number | null;
  title: string;
  facts: Array<{ label: string; value: string }>;
  candidates: Array<{ candidateId: string; name: string; nominatedBy: string; consent: string; standing: boolean; elected: boolean; text: string }>;
  rounds: MinutesElectionRound[];
  /** "Wybrano: …" or that nobody was elected; null while the election is not over. */
  resultText: string | null;
  /** The resolution the election adopted, numbered. */
  adopted: { number: string; fullTitle: string } | null;
}

type Words = {
  heading: string;
  facts: { seats: string; target: string; role: string; ballot: string; form: string; majority: string; nextRound: string; composition: string };
  roles: Record<'members' | 'chair', string>;
  ballots: Record<'secret' | 'named', string>;
  forms: Record<ElectionRules['form'], string>;
  nextRounds: (rules: ElectionRules) => string;
  majority: (rules: ElectionRules) => string;
  nominatedBy: (name: string | null) => string;
  consent: (given: boolean) => string;
  withdrawn: string;
  elected: (round: number) => string;
  notElected: string;
  round: (n: number, seats: number) => string;
  open: string;
  ballotFigures: (f: { cast: string; valid: string; invalid: string; blank: string }) => string;
  quorum: (q: QuorumResult, n: (v: number) => string) => string;
  threshold: (minimum: string, met: boolean, plurality: boolean) => string;
  electedInRound: (names: string) => string;
  noneElected: string;
  next: (result: ElectionRoundResult['next'], names: (ids: readonly string[]) => string) => string;
  lot: (names: string) => string;
  electedByLot: (round: number) => string;
  secretNote: string;
  result: (names: string) => string;
  nobody: string;
  columns: { candidate: string; for: string; against: string; abstain: string; threshold: string; result: string };
  digest: string;
  adoptedAs: string;
  quorumLabel: string;
};

const fraction = (r: ElectionRules) => (r.majority.kind === 'qualified' ? `${r.majority.fraction.numerator}/${r.majority.fraction.denominator}` : '');

/** The election's words in the minutes' two languages. */
export const ELECTION_WORDS: Record<MinutesLanguage, Words> = {
  pl: {
    heading: 'Wybory',
    facts: { seats: 'Liczba mandatów', target: 'Organ', role: 'Wybór', ballot: 'Głosowanie', form: 'Karta do głosowania', majority: 'Wymagana większość', nextRound: 'Kolejne tury', composition: 'Nowy skład od' },
    roles: { members: 'członków organu', chair: 'przewodniczącego organu' },
    ballots: { secret: 'tajne', named: 'jawne imienne' },
    forms: { choose_up_to: 'wybór co najwyżej tylu kandydatów, ile jest mandatów do obsadzenia', per_candidate: 'za, przeciw lub wstrzymuję się przy każdym kandydacie' },
    nextRounds: (r) =>
      r.nextRound === 'none'
        ? 'bez kolejnych tur'
        : `${r.nextRound === 'top_candidates' ? 'spośród kandydatów z największą liczbą głosów, dwukrotnie więcej niż mandatów do obsadzenia' : 'wszyscy niewybrani kandydaci'}; najwyżej ${r.maxRounds} tur; ${r.tie === 'lot' ? 'przy równej liczbie głosów rozstrzyga losowanie' : 'przy równej liczbie głosów kolejna tura'}`,
    majority: (r) =>
      r.majority.kind === 'simple'
        ? 'zwykła większość głosów'
        : `${r.majority.kind === 'absolute' ? 'bezwzględna większość' : `większość ${fraction(r)}`} ${r.majority.of === 'valid' ? 'ważnie oddanych głosów' : r.majority.of === 'present' ? 'obecnych' : 'statutowego składu'}${r.majority.of === 'valid' ? (r.abstentionsCount ? ' (karty puste i głosy wstrzymujące się liczą się do ważnych)' : ' (bez kart pustych i głosów wstrzymujących się)') : ''}`,
    nominatedBy: (name) => (name ? `zgłoszony przez: ${name}` : 'zgłoszony przez przewodniczącego obrad'),
    consent: (given) => (given ? 'zgoda na kandydowanie złożona' : 'brak zgody na kandydowanie'),
    withdrawn: 'kandydatura wycofana',
    elected: (round) => `wybrany w turze ${round}`,
    notElected: 'niewybrany',
    round: (n, seats) => `Tura ${n} (mandatów do obsadzenia: ${seats})`,
    open: 'Tura głosowania trwa.',
    ballotFigures: (f) => `Oddano kart: ${f.cast}, ważnych: ${f.valid} (w tym pustych: ${f.blank}), nieważnych: ${f.invalid}.`,
    quorum: (q, n) => `${q.among === 'present' ? 'obecnych' : 'głosujących'}: ${n(q.actual)} z ${n(q.total)} (wymagane: ${n(q.minimum)}): ${q.reached ? 'kworum jest' : 'brak kworum'}`,
    threshold: (minimum, met, plurality) => (plurality ? (met ? 'co najmniej jeden głos' : 'brak głosów') : `co najmniej ${minimum}${met ? '' : ' (nieosiągnięta)'}`),
    electedInRound: (names) => `W tej turze wybrano: ${names}.`,
    noneElected: 'W tej turze nikogo nie wybrano.',
    next: (next, names) =>
      next.kind === 'round'
        ? `Kolejna tura (mandatów: ${next.seats}) spośród: ${names(next.candidates)}.`
        : next.kind === 'lot'
          ? `Losowanie rozstrzyga o pozostałych mandatach (liczba: ${next.seats}) spośród: ${names(next.among)}.`
          : { filled: 'Wszystkie mandaty zostały obsadzone.', no_quorum: 'Brak kworum: w tej turze nic nie rozstrzygnięto.', no_further_round: 'Zasady nie przewidują kolejnej tury; pozostałe mandaty nie zostały obsadzone.', max_rounds: 'To była ostatnia tura, na jaką pozwalają zasady; pozostałe mandaty nie zostały obsadzone.', no_candidates: 'Nie pozostał żaden kandydat do kolejnej tury.' }[next.reason],
    lot: (names) => `Losowanie przeprowadzone na posiedzeniu przyznało mandaty: ${names}.`,
    electedByLot: (round) => `wybrany w drodze losowania (tura ${round})`,
    secretNote: 'Głosowanie tajne: protokół podaje wyłącznie sumy głosów.',
    result: (names) => `Wybrano: ${names}.`,
    nobody: 'Nikogo nie wybrano.',
    columns: { candidate: 'Kandydat', for: 'Za', against: 'Przeciw', abstain: 'Wstrz.', threshold: 'Próg', result: 'Wynik' },
    digest: 'Skrót SHA-256 kart do głosowania',
    adoptedAs: 'Podjęto jako',
    quorumLabel: 'Kworum',
  },
  en: {
    heading: 'Elections',
    facts: { seats: 'Seats', target: 'Body', role: 'Electing', ballot: 'Ballot', form: 'Ballot paper', majority: 'Majority required', nextRound: 'Further rounds', composition: 'New composition from' },
    roles: { members: 'the body’s members', chair: 'the body’s chair' },
    ballots: { secret: 'secret ballot', named: 'named (open) ballot' },
    forms: { choose_up_to: 'mark at most as many candidates as there are seats to fill', per_candidate: 'for, against or abstain on each candidate' },
    nextRounds: (r) =>
      r.nextRound === 'none'
        ? 'no further rounds'
        : `${r.nextRound === 'top_candidates' ? 'among the candidates with the most votes, twice as many as the seats still open' : 'every candidate not elected'}; at most ${r.maxRounds} rounds; ${r.tie === 'lot' ? 'a tie is decided by lot' : 'a tie goes to a further round'}`,
    majority: (r) =>
      r.majority.kind === 'simple'
        ? 'a simple majority of votes'
        : `${r.majority.kind === 'absolute' ? 'an absolute majority' : `a ${fraction(r)} majority`} of ${r.majority.of === 'valid' ? 'the valid votes' : r.majority.of === 'present' ? 'those present' : 'the statutory membership'}${r.majority.of === 'valid' ? (r.abstentionsCount ? ' (blank ballots and abstentions count as valid)' : ' (blank ballots and abstentions left out)') : ''}`,
    nominatedBy: (name) => (name ? `nominated by: ${name}` : 'nominated by the chair'),
    consent: (given) => (given ? 'consent to stand given' : 'no consent to stand'),
    withdrawn: 'candidacy withdrawn',
    elected: (round) => `elected in round ${round}`,
    notElected: 'not elected',
    round: (n, seats) => `Round ${n} (seats to fill: ${seats})`,
    open: 'The round is in progress.',
    ballotFigures: (f) => `Ballots cast: ${f.cast}, valid: ${f.valid} (blank: ${f.blank}), invalid: ${f.invalid}.`,
    quorum: (q, n) => `${q.among === 'present' ? 'present' : 'voting'}: ${n(q.actual)} of ${n(q.total)} (required: ${n(q.minimum)}): ${q.reached ? 'quorum reached' : 'no quorum'}`,
    threshold: (minimum, met, plurality) => (plurality ? (met ? 'at least one vote' : 'no votes') : `at least ${minimum}${met ? '' : ' (not reached)'}`),
    electedInRound: (names) => `Elected in this round: ${names}.`,
    noneElected: 'Nobody was elected in this round.',
    next: (next, names) =>
      next.kind === 'round'
        ? `A further round (seats: ${next.seats}) among: ${names(next.candidates)}.`
        : next.kind === 'lot'
          ? `A draw by lot decides the remaining seats (${next.seats}) among: ${names(next.among)}.`
          : { filled: 'All seats are filled.', no_quorum: 'No quorum: nothing was decided in this round.', no_further_round: 'The rules give no further round; the remaining seats stay unfilled.', max_rounds: 'This was the last round the rules allow; the remaining seats stay unfilled.', no_candidates: 'No candidate is left for a further round.' }[next.reason],
    lot: (names) => `The draw by lot held at the meeting gave the seats to: ${names}.`,
    electedByLot: (round) => `elected by lot (round ${round})`,
    secretNote: 'Secret ballot: the minutes give the totals only.',
    result: (names) => `Elected: ${names}.`,
    nobody: 'Nobody was elected.',
    columns: { candidate: 'Candidate', for: 'For', against: 'Against', abstain: 'Abst.', threshold: 'Threshold', result: 'Result' },
    digest: 'SHA-256 of the ballots',
    adoptedAs: 'Adopted as',
    quorumLabel: 'Quorum',
  },
};

/** The elections of a meeting for its minutes, in one language, with the figures each round was decided by. */
export function electionMinutes(elections: readonly ElectionMinutesInput[], language: MinutesLanguage): MinutesElection[] {
  const w = ELECTION_WORDS[language];
  const labels = minutesLabels(language);
  const n = (value: number) => formatNumber(value, labels);
  return elections.map((election) => {
    const nameOf = (id: string) => {
      const c = election.candidates.find((candidate) => candidate.id === id);
      return c ? `${c.personName} (${c.organisationName})` : id;
    };
    const names = (ids: readonly string[]) => ids.map(nameOf).join(', ');
    const over = election.resolution.state !== 'draft' && election.resolution.state !== 'voting';
    const elected = election.candidates.filter((c) => c.electedInRound !== null).sort((a, b) => (a.electedInRound as number) - (b.electedInRound as number));
    const facts = [
      { label: w.facts.role, value: w.roles[election.role] },
      ...(election.target ? [{ label: w.facts.target, value: election.target.name }] : []),
      { label: w.facts.seats, value: n(election.seats) },
      { label: w.facts.ballot, value: w.ballots[election.secret ? 'secret' : 'named'] },
      { label: w.facts.form, value: w.forms[election.rules.form] },
      { label: w.facts.majority, value: w.majority(election.rules) },
      { label: w.facts.nextRound, value: w.nextRounds(election.rules) },
      ...(election.compositionFrom && election.target && elected.length > 0 ? [{ label: w.facts.composition, value: election.compositionFrom }] : []),
    ];
    const count = (f: Figure | undefined) => f?.count ?? 0;
    return {
      electionId: election.id,
      position: election.position,
      title: election.title,
      facts,
      candidates: election.candidates.map((c) => {
        const parts = [w.nominatedBy(c.nominatedByName), c.withdrawnAt ? w.withdrawn : w.consent(c.consentAt !== null), ...(c.electedInRound !== null ? [w.elected(c.electedInRound)] : [])];
        return {
          candidateId: c.id,
          name: `${c.personName} (${c.organisationName})`,
          nominatedBy: w.nominatedBy(c.nominatedByName),
          consent: w.consent(c.consentAt !== null),
          standing: c.consentAt !== null && c.withdrawnAt === null,
          elected: c.electedInRound !== null,
          text: parts.join('; '),
        };
      }),
      rounds: election.rounds.map((round) => {
        const r = round.state === 'closed' ? round.result : null;
        const drawn = round.lot?.drawn ?? [];
        return {
          n: round.n,
          heading: w.round(round.n, round.seatsOpen),
          seatsOpen: round.seatsOpen,
          state: round.state,
          quorum: r ? w.quorum(r.quorum, n) : null,
          ballots: r
            ? {
                cast: r.ballots.cast.count,
                valid: r.ballots.valid.count,
                invalid: r.ballots.invalid.count,
                blank: r.ballots.blank.count,
                text: w.ballotFigures({ cast: n(r.ballots.cast.count), valid: n(r.ballots.valid.count), invalid: n(r.ballots.invalid.count), blank: n(r.ballots.blank.count) }),
              }
            : null,
          candidates: (r?.candidates ?? []).map((c) => ({
            candidateId: c.candidateId,
            name: nameOf(c.candidateId),
            for: count(c.for),
            against: count(c.against),
            abstain: count(c.abstain),
            threshold: w.threshold(n(c.threshold.minimum), c.threshold.met, c.threshold.of === 'plurality'),
            elected: c.elected || drawn.includes(c.candidateId),
            resultText: c.elected ? w.elected(round.n) : drawn.includes(c.candidateId) ? w.electedByLot(round.n) : w.notElected,
          })),
          elected: r ? [...r.elected] : [],
          electedText: r ? (r.elected.length ? w.electedInRound(names(r.elected)) : w.noneElected) : w.open,
          next: r ? w.next(r.next, names) : null,
          lot: drawn.length > 0 ? w.lot(names(drawn)) : null,
          secretNote: election.secret ? w.secretNote : null,
          ballotsDigest: r ? round.ballotsDigest : null,
        };
      }),
      resultText: over ? (elected.length ? w.result(elected.map((c) => `${c.personName} (${c.organisationName})`).join(', ')) : w.nobody) : null,
      adopted: election.resolution.number && election.resolution.fullTitle ? { number: election.resolution.number, fullTitle: election.resolution.fullTitle } : null,
    };
  });
}
