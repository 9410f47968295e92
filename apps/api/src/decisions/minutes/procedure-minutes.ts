import { quoted } from '@commonplan/domain';
import { formatDateTime, formatTime, type MinutesLabels, type MinutesLanguage } from './minutes-labels';
import type { MinutesVote } from './minutes-data';

export type AmendmentMinutesState = 'proposed' | 'withdrawn' | 'voting' | 'adopted' | 'rejected' | 'dropped';

/** How the meeting ran besides its resolutions, as stored: the agenda and its adoption, motions, amendments. */
export interface ProcedureInput<V> {
  agendaAdoptedAt: Date | string | null;
  /** Every agenda item in order, resolutions included. */
  items: ReadonlyArray<{ position: number; kind: string; title: string; minutesOf: { title: string; startsAt: Date | string } | null }>;
  /** Votes on the agenda, its changes and minutes, oldest first. */
  motions: ReadonlyArray<{
    kind: 'agenda' | 'agenda_change' | 'minutes';
    /** agenda_change: what was added or moved, and where to. */
    change: { action: 'add' | 'move'; title: string; position: number | null } | null;
    /** minutes: the meeting whose minutes were approved. */
    minutesOf: { title: string; startsAt: Date | string } | null;
    votes: readonly V[];
  }>;
  /** The chair's changes of the adopted agenda, where the rule book gives them to the chair, oldest first. */
  chairChanges?: ReadonlyArray<{ action: 'add' | 'move'; at: Date | string; title: string; position: number }>;
  /** Each resolution's amendments (by resolution id), in their number's order. */
  amendments: Readonly<
    Record<
      string,
      ReadonlyArray<{
        number: number;
        proposer: string;
        currentText: string;
        proposedText: string;
        justification: string;
        state: AmendmentMinutesState;
        applied: boolean;
        droppedBy: number | null;
        votes: readonly V[];
      }>
    >
  >;
}

export interface MinutesAmendment {
  number: number;
  heading: string;
  proposer: string;
  currentText: string;
  proposedText: string;
  justification: string;
  state: AmendmentMinutesState;
  /** What became of it, in words (adopted and put into the text, rejected, dropped by amendment no. N, withdrawn). */
  stateText: string;
  votes: MinutesVote[];
}

export interface MinutesProcedure {
  /** "Porządek obrad przyjęto w głosowaniu o godz. 10:03." or that it was not adopted by a vote. */
  agendaAdopted: string;
  /** The agenda as it stood at the end, every item (resolutions, minutes, elections, other items). */
  items: Array<{ position: number; title: string }>;
  /** The votes on the agenda, its changes and minutes, each with its title in words. */
  motions: Array<{ title: string; votes: MinutesVote[] }>;
  /** The chair's changes of the adopted agenda (where the rule book gives them to the chair), in words. */
  chairChanges: string[];
}

/** The words of the procedure, in Polish and English. */
export const PROCEDURE_LABELS: Record<
  MinutesLanguage,
  {
    section: string;
    agendaAdopted: (time: string) => string;
    agendaNotAdopted: string;
    minutesItem: (title: string, date: string) => string;
    motions: { agenda: string; add: (title: string, position: number | null) => string; move: (title: string, position: number | null) => string; minutes: (title: string, date: string) => string };
    byChair: (time: string, change: string) => string;
    amendments: {
      heading: string;
      number: (n: number) => string;
      proposer: string;
      current: string;
      proposed: string;
      deleted: string;
      justification: string;
      outcome: string;
      states: Record<AmendmentMinutesState, string>;
      dropped: (n: number) => string;
      appliedNot: string;
    };
  }
> = {
  pl: {
    section: 'Głosowania w sprawach proceduralnych',
    agendaAdopted: (time) => `Porządek obrad przyjęto w głosowaniu o godz. ${time}.`,
    agendaNotAdopted: 'Porządku obrad nie przyjęto w głosowaniu.',
    minutesItem: (title, date) => `Przyjęcie protokołu z posiedzenia ${quoted(title, 'pl')} z ${date}`,
    motions: {
      agenda: 'Przyjęcie porządku obrad',
      add: (title, position) => `Zmiana porządku obrad: dodanie punktu ${quoted(title, 'pl')}${position ? ` jako punktu ${position}` : ''}`,
      move: (title, position) => `Zmiana porządku obrad: przeniesienie punktu ${quoted(title, 'pl')} na miejsce ${position ?? ''}`,
      minutes: (title, date) => `Przyjęcie protokołu z posiedzenia ${quoted(title, 'pl')} z ${date}`,
    },
    byChair: (time, change) => `${change} – przez przewodniczącego obrad o godz. ${time}, zgodnie z regulaminem.`,
    amendments: {
      heading: 'Poprawki',
      number: (n) => `Poprawka nr ${n}`,
      proposer: 'Zgłaszający',
      current: 'Dotychczasowy zapis',
      proposed: 'Proponowane brzmienie',
      deleted: '(skreślenie)',
      justification: 'Uzasadnienie',
      outcome: 'Rozstrzygnięcie',
      states: {
        proposed: 'nierozstrzygnięta',
        withdrawn: 'wycofana przez zgłaszającego',
        voting: 'w trakcie głosowania',
        adopted: 'przyjęta i wprowadzona do tekstu uchwały',
        rejected: 'odrzucona',
        dropped: 'bezprzedmiotowa',
      },
      dropped: (n) => `bezprzedmiotowa po przyjęciu poprawki nr ${n}`,
      appliedNot: 'przyjęta; fragmentu nie było już w tekście, przewodniczący wprowadził zmianę w edytorze',
    },
  },
  en: {
    section: 'Procedural votes',
    agendaAdopted: (time) => `The agenda was adopted by a vote at ${time}.`,
    agendaNotAdopted: 'The agenda was not adopted by a vote.',
    minutesItem: (title, date) => `Approval of the minutes of ${quoted(title, 'en')} of ${date}`,
    motions: {
      agenda: 'Adoption of the agenda',
      add: (title, position) => `Change of the agenda: item ${quoted(title, 'en')} added${position ? ` as item ${position}` : ''}`,
      move: (title, position) => `Change of the agenda: item ${quoted(title, 'en')} moved to place ${position ?? ''}`,
      minutes: (title, date) => `Approval of the minutes of ${quoted(title, 'en')} of ${date}`,
    },
    byChair: (time, change) => `${change}, by the chair at ${time}, as the standing orders allow.`,
    amendments: {
      heading: 'Amendments',
      number: (n) => `Amendment no. ${n}`,
      proposer: 'Proposed by',
      current: 'Current wording',
      proposed: 'Proposed wording',
      deleted: '(deletion)',
      justification: 'Justification',
      outcome: 'Decision',
      states: {
        proposed: 'not decided',
        withdrawn: 'withdrawn by its proposer',
        voting: 'being voted',
        adopted: 'adopted and put into the resolution’s text',
        rejected: 'rejected',
        dropped: 'dropped',
      },
      dropped: (n) => `dropped when amendment no. ${n} was adopted`,
      appliedNot: 'adopted; the passage was no longer in the text, and the chair made the change in the editor',
    },
  },
};

/** The agenda, its adoption and the procedural votes, in the minutes' language. */
export function procedureMinutes<V>(input: ProcedureInput<V>, language: MinutesLanguage, labels: MinutesLabels, voteMinutes: (vote: V, ordinal: number, count: number) => MinutesVote): MinutesProcedure {
  const words = PROCEDURE_LABELS[language];
  const date = (value: Date | string) => formatDateTime(value, labels);
  return {
    agendaAdopted: input.agendaAdoptedAt ? words.agendaAdopted(formatTime(input.agendaAdoptedAt, labels)) : words.agendaNotAdopted,
    items: input.items.map((item) => ({ position: item.position, title: item.kind === 'minutes' && item.minutesOf ? words.minutesItem(item.minutesOf.title, date(item.minutesOf.startsAt)) : item.title })),
    motions: input.motions.map((motion) => ({
      title:
        motion.kind === 'agenda'
          ? words.motions.agenda
          : motion.kind === 'minutes'
            ? words.motions.minutes(motion.minutesOf?.title ?? '', motion.minutesOf ? date(motion.minutesOf.startsAt) : '')
            : motion.change?.action === 'move'
              ? words.motions.move(motion.change.title, motion.change.position)
              : words.motions.add(motion.change?.title ?? '', motion.change?.position ?? null),
      votes: motion.votes.map((vote, index) => voteMinutes(vote, index + 1, motion.votes.length)),
    })),
    chairChanges: (input.chairChanges ?? []).map((c) =>
      words.byChair(formatTime(c.at, labels), c.action === 'move' ? words.motions.move(c.title, c.position) : words.motions.add(c.title, c.position)),
    ),
  };
}

/** A resolution's amendments in the minutes: each with its proposer, wordings, votes and what became of it. */
export function amendmentMinutes<V>(amendments: ProcedureInput<V>['amendments'][string] | undefined, language: MinutesLanguage, voteMinutes: (vote: V, ordinal: number, count: number) => MinutesVote): MinutesAmendment[] {
  const words = PROCEDURE_LABELS[language].amendments;
  return (amendments ?? []).map((amendment) => ({
    number: amendment.number,
    heading: words.number(amendment.number),
    proposer: amendment.proposer,
    currentText: amendment.currentText,
    proposedText: amendment.proposedText || words.deleted,
    justification: amendment.justification,
    state: amendment.state,
    stateText: amendment.state === 'dropped' && amendment.droppedBy !== null ? words.dropped(amendment.droppedBy) : amendment.state === 'adopted' && !amendment.applied ? words.appliedNot : words.states[amendment.state],
    votes: amendment.votes.map((vote, index) => voteMinutes(vote, index + 1, amendment.votes.length)),
  }));
}
