import { electionMinutes, type ElectionMinutesInput, type MinutesElection } from './election-minutes';
import { amendmentMinutes, type MinutesAmendment, type MinutesProcedure, type ProcedureInput, procedureMinutes } from './procedure-minutes';
import {
  type Ballot,
  type BodyRules,
  decide,
  effectiveVoters,
  type Figure,
  type MajorityBase,
  type MajorityKind,
  type Outcome,
  type OutcomeReason,
  type ProxyAuthorisation,
  type QuorumResult,
  type VoteRules,
  type ResolutionKind,
  type VoteChoice,
} from '@commonplan/domain';
import { formatDateTime, formatNumber, formatTime, type MinutesLabels, type MinutesLanguage, minutesLabels, type MinutesSpeakerKind, type Presence } from './minutes-labels';

/** What the minutes are made from: the meeting's rows as read, nothing computed yet except each vote's stored outcome. */
export interface MinutesInput {
  meeting: {
    id: string;
    title: string;
    body: { name: string; nameGenitive: string };
    startsAt: Date | string;
    place: string;
    state: 'planned' | 'open' | 'closed';
    openedAt: Date | string | null;
    closedAt: Date | string | null;
    /** Opened in its second term: when that term began (null: the first term, or not opened yet). */
    secondTermAt?: Date | string | null;
  };
  /** The body's members in the body's order, with the weights the rule engine uses. */
  members: ReadonlyArray<{ id: string; name: string; population: number | null; voteWeight: number }>;
  /** Names of every organisation a vote may mention (members who left the body since keep their name). */
  names: Readonly<Record<string, string>>;
  /** The body's general rules now (for the attendance and the quorum stated from it, as the meeting page shows them). */
  rules: BodyRules;
  /** The elections on the meeting's agenda, as stored. */
  elections?: readonly ElectionMinutesInput[];
  checkIns: ReadonlyArray<{ memberId: string; at: Date | string }>;
  /** Authorisations as recorded, oldest first. */
  proxies: ReadonlyArray<{ from: string; to: string; authorisation: string }>;
  agenda: ReadonlyArray<{
    /** The agenda item's id (its speakers are keyed by it). */
    id?: string;
    position: number;
    resolution: {
      id: string;
      title: string;
      kind: ResolutionKind;
      /** Once adopted: "1/2026" and "Uchwała nr 1/2026 Walnego Zebrania Członków w sprawie …". */
      number: string | null;
      fullTitle: string | null;
      adopts: { documentTitle: string; number: number; name: string; contentHash: string } | null;
    };
    /** The votes on it taken at this meeting, in the order they were opened. */
    votes: ReadonlyArray<{
      id: string;
      ballot: Ballot;
      rules: VoteRules;
      state: 'open' | 'closed';
      openedAt: Date | string;
      closedAt: Date | string | null;
      /** votes.outcome and votes.present as stored at the close (null while open). */
      outcome: Outcome | null;
      present: { present: string[]; proxies: ProxyAuthorisation[] } | null;
      ballotsDigest: string | null;
      /** SHA-256 of the resolution's text frozen when the vote opened (null for votes from before texts were frozen). */
      textHash: string | null;
      /** Once closed: whether the stored vote verifies against its seals and ballots (VoteVerifier). */
      verification: { verified: boolean; code: string | null; reason: string | null } | null;
    }>;
  }>;
  generatedAt: Date | string;
  /** The agenda's adoption, the procedural votes and the amendments (meetings since assemblies run so). */
  procedure?: ProcedureInput<StoredVote>;
  /**
   * Who was given the floor on each agenda item (by the item's id), in the order they spoke; `guest`: a person the
   * chair entered by name, not a member's representative.
   */
  speakers?: Readonly<Record<string, ReadonlyArray<{ name: string; kind: MinutesSpeakerKind; startedAt: Date | string; guest?: boolean }>>>;
  /**
   * Minutes for anyone (the public register): guests who spoke are not named, only said to be guests (a private
   * person's name is not published beyond the body's own record: data minimisation, GDPR art. 5(1)(c)).
   */
  published?: boolean;
}

/** One who spoke on an item: the member's name or the person's the chair entered, and when they were given the floor. */
export interface MinutesSpeaker {
  name: string;
  kind: MinutesSpeakerKind;
  kindText: string;
  startedAt: string;
  /** "10:05" in Warsaw's time. */
  time: string;
  /** "10:05 – Gmina Police (wniosek formalny)" */
  text: string;
}

export interface MinutesQuorum {
  basis: QuorumResult['basis'];
  among: QuorumResult['among'];
  actual: number;
  total: number;
  minimum: number;
  reached: boolean;
  /** "obecnych (osobiście lub przez pełnomocnika): 11 z 15 członków (wymagane: …): kworum jest" */
  text: string;
}

export interface MinutesMember {
  memberId: string;
  name: string;
  presence: Presence;
  presenceText: string;
  checkedInAt: string | null;
  representedBy: { memberId: string; name: string; authorisation: string } | null;
  /** Check-in time, the proxy and its authorisation, or a proxy not accepted. */
  details: string;
}

export interface MinutesFigure extends Figure {
  /** "8", or "8 (waga 1234)" when the members' votes are weighed. */
  text: string;
}

export interface MinutesRollEntry {
  memberId: string;
  name: string;
  choice: VoteChoice | null;
  choiceText: string;
  /** Whose representative casts this member's vote: the member's own, or the proxy holder's. */
  castBy: { memberId: string; name: string };
  byProxy: boolean;
  /** "za", "przeciw (przez pełnomocnika: Gmina Police)", "nie oddano głosu" */
  text: string;
}

export interface MinutesVote {
  id: string;
  heading: string;
  ballot: Ballot;
  ballotText: string;
  state: 'open' | 'closed';
  openedAt: string;
  closedAt: string | null;
  quorum: MinutesQuorum | null;
  majority: { kind: MajorityKind; of: MajorityBase | 'against'; minimum: number; text: string } | null;
  tally: { for: MinutesFigure; against: MinutesFigure; abstain: MinutesFigure; valid: MinutesFigure; cast: MinutesFigure } | null;
  result: { reason: OutcomeReason | 'open'; adopted: boolean | null; text: string; sentence: string };
  /** Named ballot: every member entitled to vote, with the choice (null when not voted); secret ballot: null. */
  roll: MinutesRollEntry[] | null;
  /** Secret ballot: that only totals are given. */
  secretNote: string | null;
  /** The chair's casting vote, when it decided a tie. */
  castingVote: string | null;
  /** Said of a vote taken in the meeting's second term. */
  secondTerm: string | null;
  ballotsDigest: string | null;
  /** SHA-256 of the text put to the vote (null for votes from before texts were frozen). */
  textHash: string | null;
  /** A closed vote whose record does not verify: the warning printed before its figures; null when it verifies. */
  unverified: string | null;
}

export interface MinutesAdoption {
  number: string;
  fullTitle: string;
  adopts: { documentTitle: string; versionNumber: number; versionName: string; contentHash: string; text: string } | null;
}

export interface MinutesItem {
  /** The agenda item's id (null where the input had none). */
  agendaItemId: string | null;
  position: number;
  resolutionId: string;
  title: string;
  kind: ResolutionKind;
  kindText: string;
  votes: MinutesVote[];
  /** When no vote was taken on it at this meeting. */
  noVoteText: string | null;
  /** When a vote at this meeting adopted it. */
  adopted: MinutesAdoption | null;
  /** Who spoke on it, in the order they were given the floor. */
  speakers: MinutesSpeaker[];
  /** The resolution's amendments, each with its votes and what became of it. */
  amendments: MinutesAmendment[];
}

/** The minutes as data, in one language: structured figures and codes, and the same in words for printing. */
export interface MinutesContent {
  language: MinutesLanguage;
  meetingId: string;
  /** "Protokół z posiedzenia Walnego Zebrania Członków" */
  heading: string;
  title: string;
  body: { name: string; nameGenitive: string };
  /** The meeting is not closed: the minutes are a draft. */
  draft: boolean;
  draftText: string | null;
  facts: Array<{ label: string; value: string }>;
  attendance: {
    counts: { statutory: number; present: number; represented: number; absent: number };
    summary: string;
    members: MinutesMember[];
    quorum: MinutesQuorum;
  };
  agenda: MinutesItem[];
  /** The elections held at the meeting, round by round. */
  elections: MinutesElection[];
  /** The agenda as adopted and changed, and the procedural votes (null for meetings without them). */
  procedure: MinutesProcedure | null;
  adopted: MinutesAdoption[];
  generatedAt: string;
}

type StoredVote = MinutesInput['agenda'][number]['votes'][number];

const iso = (value: Date | string) => new Date(value).toISOString();

/**
 * The minutes (protokół) of a meeting, from its rows and each vote's outcome as stored at the close (the figures
 * are never recomputed: they are the ones the resolution was decided by). Attendance and the quorum stated from the
 * attendance list follow the body's general rules, as the meeting page does; a named ballot lists every member
 * entitled to vote with the choice and who cast it, a secret ballot only the totals.
 */
export function buildMinutes(input: MinutesInput, language: MinutesLanguage = 'pl'): MinutesContent {
  const labels = minutesLabels(language);
  const nameOf = (id: string) => input.names[id] ?? input.members.find((m) => m.id === id)?.name ?? id;
  const number = (value: number) => formatNumber(value, labels);
  const { meeting } = input;

  // Attendance: the members whose representative checked in, those represented by an accepted proxy, the others.
  const present = input.checkIns.map((c) => c.memberId);
  const proxies = input.proxies.map((p) => ({ from: p.from, to: p.to }));
  const attendance = effectiveVoters({ members: input.members, present, proxies, proxiesAllowed: input.rules.proxiesAllowed });
  const members: MinutesMember[] = input.members.map((member) => {
    const checkIn = input.checkIns.find((c) => c.memberId === member.id);
    const voter = attendance.voters.find((v) => v.memberId === member.id);
    const presence: Presence = voter ? (voter.byProxy ? 'represented' : 'present') : 'absent';
    const proxy = voter?.byProxy ? input.proxies.find((p) => p.from === member.id && p.to === voter.castBy) : undefined;
    const refused = !voter ? input.proxies.find((p) => p.from === member.id) : undefined;
    const details =
      presence === 'present' && checkIn
        ? labels.attendance.checkedIn(formatTime(checkIn.at, labels))
        : proxy
          ? labels.attendance.representedBy(nameOf(proxy.to), proxy.authorisation)
          : refused
            ? labels.attendance.proxyNotAccepted(nameOf(refused.to))
            : '';
    return {
      memberId: member.id,
      name: member.name,
      presence,
      presenceText: labels.attendance.presence[presence],
      checkedInAt: checkIn && presence === 'present' ? iso(checkIn.at) : null,
      representedBy: proxy ? { memberId: proxy.to, name: nameOf(proxy.to), authorisation: proxy.authorisation } : null,
      details,
    };
  });
  const counts = {
    statutory: members.length,
    present: members.filter((m) => m.presence === 'present').length,
    represented: members.filter((m) => m.presence === 'represented').length,
    absent: members.filter((m) => m.presence === 'absent').length,
  };
  const opening = decide({ rules: input.rules, members: input.members.map((m) => ({ id: m.id, population: m.population, weight: m.voteWeight })), present, proxies, votes: [] });

  const quorumOf = (q: QuorumResult): MinutesQuorum => ({
    basis: q.basis,
    among: q.among,
    actual: q.actual,
    total: q.total,
    minimum: q.minimum,
    reached: q.reached,
    text: labels.quorum({ ...q, actual: number(q.actual), total: number(q.total), minimum: number(q.minimum) }),
  });

  const agenda: MinutesItem[] = input.agenda.map((item) => {
    const votes = item.votes.map((vote, index) => voteMinutes(vote, index + 1, item.votes.length));
    const adoptedHere = votes.some((v) => v.result.reason === 'adopted') && item.resolution.number && item.resolution.fullTitle;
    const adopts = item.resolution.adopts;
    return {
      agendaItemId: item.id ?? null,
      position: item.position,
      resolutionId: item.resolution.id,
      title: item.resolution.title,
      kind: item.resolution.kind,
      kindText: labels.kinds[item.resolution.kind],
      votes,
      noVoteText: votes.length === 0 ? labels.noVote : null,
      adopted: adoptedHere
        ? {
            number: item.resolution.number as string,
            fullTitle: item.resolution.fullTitle as string,
            adopts: adopts
              ? { documentTitle: adopts.documentTitle, versionNumber: adopts.number, versionName: adopts.name, contentHash: adopts.contentHash, text: labels.adoptsVersion(adopts.documentTitle, adopts.number, adopts.name) }
              : null,
          }
        : null,
      speakers: speakersOf(item.id),
      amendments: amendmentMinutes(input.procedure?.amendments[item.resolution.id], language, voteMinutes),
    };
  });

  const facts: MinutesContent['facts'] = [
    { label: labels.facts.meeting, value: meeting.title },
    { label: labels.facts.date, value: formatDateTime(meeting.startsAt, labels) },
    ...(meeting.place.trim() ? [{ label: labels.facts.place, value: meeting.place }] : []),
    { label: labels.facts.openedAt, value: meeting.openedAt ? formatDateTime(meeting.openedAt, labels) : labels.facts.notOpened },
    ...(meeting.secondTermAt ? [{ label: labels.facts.term, value: labels.facts.secondTerm(formatDateTime(meeting.secondTermAt, labels)) }] : []),
    { label: labels.facts.closedAt, value: meeting.closedAt ? formatDateTime(meeting.closedAt, labels) : labels.facts.notClosed },
  ];
  const draft = meeting.state !== 'closed';
  const elections = electionMinutes(input.elections ?? [], language);
  return {
    language,
    meetingId: meeting.id,
    heading: labels.heading(meeting.body),
    title: meeting.title,
    body: { name: meeting.body.name, nameGenitive: meeting.body.nameGenitive },
    draft,
    draftText: draft ? labels.draft : null,
    facts,
    attendance: { counts, summary: labels.attendance.summary(counts), members, quorum: quorumOf(opening.quorum) },
    agenda,
    elections,
    procedure: input.procedure ? procedureMinutes(input.procedure, language, labels, voteMinutes) : null,
    adopted: [...agenda.flatMap((item) => (item.adopted ? [item.adopted] : [])), ...elections.flatMap((e) => (e.adopted ? [{ ...e.adopted, adopts: null }] : []))],
    generatedAt: iso(input.generatedAt),
  };

  function speakersOf(itemId: string | undefined): MinutesSpeaker[] {
    const spoke = itemId ? (input.speakers?.[itemId] ?? []) : [];
    return [...spoke]
      .sort((a, b) => new Date(a.startedAt).getTime() - new Date(b.startedAt).getTime())
      .map((speaker) => {
        const kindText = labels.speakers.kinds[speaker.kind];
        const time = formatTime(speaker.startedAt, labels);
        const name = input.published && speaker.guest ? labels.speakers.guest : speaker.name;
        return { name, kind: speaker.kind, kindText, startedAt: iso(speaker.startedAt), time, text: labels.speakers.entry(time, name, kindText) };
      });
  }

  function voteMinutes(vote: StoredVote, ordinal: number, count: number): MinutesVote {
    const l = labels;
    const outcome = vote.state === 'closed' ? vote.outcome : null;
    const reason: OutcomeReason | 'open' = outcome ? outcome.reason : 'open';
    const weighed = vote.rules.weighting !== 'equal';
    const figure = (f: Figure): MinutesFigure => ({ ...f, text: weighed ? `${number(f.count)} (${l.tally.weight(number(f.weight))})` : number(f.count) });
    const secret = vote.ballot === 'secret';
    return {
      id: vote.id,
      heading: l.vote(ordinal, count),
      ballot: vote.ballot,
      ballotText: l.ballots[vote.ballot],
      state: vote.state,
      openedAt: iso(vote.openedAt),
      closedAt: vote.closedAt ? iso(vote.closedAt) : null,
      quorum: outcome ? quorumOf(outcome.quorum) : null,
      majority: outcome
        ? {
            kind: outcome.threshold.majority.kind,
            of: outcome.threshold.of,
            minimum: outcome.threshold.minimum,
            text: l.majorityWords({ kind: outcome.threshold.majority.kind, of: outcome.threshold.of, fraction: outcome.threshold.fraction, minimum: number(outcome.threshold.minimum), abstentionsCount: outcome.abstentionsCount }),
          }
        : null,
      tally: outcome
        ? { for: figure(outcome.tally.for), against: figure(outcome.tally.against), abstain: figure(outcome.tally.abstain), valid: figure(outcome.tally.valid), cast: figure(outcome.tally.cast) }
        : null,
      result: { reason, adopted: outcome ? outcome.adopted : null, text: l.results[reason], sentence: l.resultSentences[reason] },
      roll: !secret && outcome ? rollOf(outcome, vote, input, labels, nameOf) : null,
      secretNote: secret ? l.secretNote : null,
      castingVote: outcome?.castingVote ? l.castingVote(input.names[outcome.castingVote.memberId] ?? outcome.castingVote.memberId, outcome.castingVote.choice) : null,
      secondTerm: vote.rules.sitting === 'second_term' ? l.secondTermVote : null,
      ballotsDigest: vote.state === 'closed' ? vote.ballotsDigest : null,
      textHash: vote.textHash,
      unverified: vote.verification && !vote.verification.verified ? l.unverified(vote.verification.reason ?? '') : null,
    };
  }
}

/**
 * A named ballot's roll: each member entitled to vote (present or represented when the vote closed, in the body's
 * order), with the choice from the stored outcome and, when a proxy holder cast it, the holder.
 */
function rollOf(
  outcome: Outcome,
  vote: StoredVote,
  input: MinutesInput,
  labels: MinutesLabels,
  nameOf: (id: string) => string,
): MinutesRollEntry[] {
  const cast = new Map((outcome.roll ?? []).map((entry) => [entry.memberId, entry]));
  const entitled = vote.present ? effectiveVoters({ members: input.members, present: vote.present.present, proxies: vote.present.proxies, proxiesAllowed: vote.rules.proxiesAllowed }).voters : [];
  const ids = [...entitled.map((voter) => voter.memberId), ...[...cast.keys()].filter((id) => !entitled.some((voter) => voter.memberId === id))];
  return ids.map((memberId) => {
    const entry = cast.get(memberId);
    const castById = entry?.castBy ?? entitled.find((voter) => voter.memberId === memberId)?.castBy ?? memberId;
    const byProxy = castById !== memberId;
    const choiceText = entry ? labels.choices[entry.choice] : labels.notVoted;
    const holder = nameOf(castById);
    return {
      memberId,
      name: nameOf(memberId),
      choice: entry?.choice ?? null,
      choiceText,
      castBy: { memberId: castById, name: holder },
      byProxy,
      text: byProxy ? `${choiceText} (${labels.byProxy(holder)})` : choiceText,
    };
  });
}
