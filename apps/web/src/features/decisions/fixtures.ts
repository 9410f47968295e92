// Test data for the decisions component tests: the shapes the API answers with (apps/api/src/decisions).
import { type BodyRules, DEFAULT_RULE_BOOK, type Outcome, type RemoteVotingRule } from '@commonplan/domain';
import type { BodyView, MeetingView, RegisterEntry, ResolutionAgendaItem, ResolutionView, VoteView } from './decisions-api';

export const bodyMembers = [
  { id: 'm1', name: 'Gmina Police', population: 33000, voteWeight: 1 },
  { id: 'm2', name: 'Gmina Dobra', population: 25643, voteWeight: 1 },
  { id: 'm3', name: 'Powiat Policki', population: 80000, voteWeight: 1 },
];

export const assembly: BodyView = {
  id: 'b1',
  workspaceId: 'w1',
  kind: 'general_assembly',
  name: 'Walne Zebranie Członków',
  nameGenitive: 'Walnego Zebrania Członków',
  rules: JSON.parse(JSON.stringify(DEFAULT_RULE_BOOK)),
  members: bodyMembers,
  chairId: null,
  approvesProjects: false,
  upcoming: [],
};

export const board: BodyView = { ...assembly, id: 'b2', kind: 'board', name: 'Zarząd', nameGenitive: 'Zarządu', members: bodyMembers.slice(0, 2), approvesProjects: true };

/** Remote voting as a statute allows it: a half of the members voting, an absolute majority of the full membership. */
export const remoteRule: RemoteVotingRule = {
  quorum: { basis: 'members', among: 'voting', fraction: { numerator: 1, denominator: 2 }, comparison: 'at_least' },
  majority: { kind: 'absolute', of: 'statutory' },
  basis: '§ 15 ust. 3 statutu',
};

/** A copy of the body with some general rules changed (e.g. remote voting allowed), its overrides per kind as they were. */
export function withRules(body: BodyView, general: Partial<BodyRules>): BodyView {
  const copy = JSON.parse(JSON.stringify(body)) as BodyView;
  return { ...copy, rules: { ...copy.rules, general: { ...copy.rules.general, ...JSON.parse(JSON.stringify(general)) } } };
}

export function resolution(extra: Partial<ResolutionView> = {}): ResolutionView {
  return {
    id: 'r1',
    workspaceId: 'w1',
    body: { id: 'b1', name: 'Walne Zebranie Członków', nameGenitive: 'Walnego Zebrania Członków' },
    kind: 'ordinary',
    title: 'w sprawie przyjęcia Strategii Rozwoju SOM 2030',
    justification: '',
    documentId: 'doc-r1',
    adopts: { versionId: 'v2', documentId: 'd1', documentTitle: 'Strategia Rozwoju SOM', number: 2, name: 'do przyjęcia', contentHash: 'ab'.repeat(32) },
    state: 'draft',
    number: null,
    fullTitle: null,
    decidedAt: null,
    createdAt: '2026-11-20T10:00:00.000Z',
    ...extra,
  };
}

export function vote(extra: Partial<VoteView> = {}): VoteView {
  return {
    id: 'v1',
    resolutionId: 'r1',
    motionId: null,
    meetingId: 'mt1',
    ballot: 'named',
    rules: { ...JSON.parse(JSON.stringify(DEFAULT_RULE_BOOK.general)), sitting: 'meeting', chairId: null },
    state: 'open',
    opensAt: '2026-12-02T10:05:00.000Z',
    closesAt: null,
    closedAt: null,
    castCount: 0,
    roll: [],
    voted: [],
    outcome: null,
    verification: null,
    ...extra,
  };
}

type Presence = MeetingView['members'][number]['presence'];

/** A meeting of the assembly of three: presence per member (m1, m2, m3), the quorum worked out as the API does. */
export function meeting(presence: [Presence, Presence, Presence], extra: Partial<MeetingView> = {}): MeetingView {
  const members = bodyMembers.map((member, index) => ({
    ...member,
    presence: presence[index]!,
    checkedInAt: presence[index] === 'present' ? '2026-12-02T09:55:00.000Z' : null,
    representedBy: presence[index] === 'represented' ? 'm1' : null,
  }));
  const attending = presence.filter((p) => p !== 'absent').length;
  return {
    id: 'mt1',
    workspaceId: 'w1',
    body: { id: 'b1', name: 'Walne Zebranie Członków', nameGenitive: 'Walnego Zebrania Członków' },
    title: 'XXI Walne Zebranie Członków',
    startsAt: '2026-12-02T10:00:00.000Z',
    place: 'Szczecin, Urząd Miasta',
    state: 'open',
    openedAt: '2026-12-02T10:00:00.000Z',
    closedAt: null,
    cancelledAt: null,
    cancelReason: null,
    secondTermAt: null,
    term: 'first',
    members,
    proxies: presence.includes('represented') ? [{ from: 'm3', to: 'm1', authorisation: 'Pełnomocnictwo Starosty z 1 grudnia', accepted: true, refusal: null }] : [],
    quorum: { basis: 'members', among: 'present', fraction: { numerator: 1, denominator: 2 }, comparison: 'at_least', total: 3, actual: attending, minimum: 2, reached: attending >= 2 },
    agendaAdoptedAt: null,
    currentItemId: null,
    speakingSeconds: 300,
    agenda: [agendaItem(1, resolution())],
    motions: [],
    agendaChanges: { add: 'vote', move: 'vote' },
    ...extra,
  };
}

/** The outcome of a named vote of the three: 2 for, 1 against, all present; adopted by a simple majority. */
export const adoptedOutcome: Outcome = {
  adopted: true,
  reason: 'adopted',
  quorum: { basis: 'members', among: 'present', fraction: { numerator: 1, denominator: 2 }, comparison: 'at_least', total: 3, actual: 3, minimum: 2, reached: true },
  threshold: { majority: { kind: 'simple' }, of: 'against', fraction: { numerator: 1, denominator: 1 }, comparison: 'more_than', base: 1, minimum: 2, met: true },
  moreForThanAgainst: true,
  tally: { for: { count: 2, weight: 2 }, against: { count: 1, weight: 1 }, abstain: { count: 0, weight: 0 }, valid: { count: 3, weight: 3 }, cast: { count: 3, weight: 3 } },
  attendance: { statutory: { count: 3, weight: 3 }, present: { count: 2, weight: 2 }, represented: { count: 1, weight: 1 }, attending: { count: 3, weight: 3 } },
  weighting: 'equal',
  abstentionsCount: true,
  ballot: 'named',
  roll: [
    { memberId: 'm1', castBy: 'm1', choice: 'for' },
    { memberId: 'm2', castBy: 'm2', choice: 'against' },
    { memberId: 'm3', castBy: 'm1', choice: 'for' },
  ],
  refusedVotes: [],
  refusedProxies: [],
};

export const registerEntry: RegisterEntry = {
  position: 1,
  number: '1/2026',
  title: 'Uchwała nr 1/2026 Walnego Zebrania Członków w sprawie przyjęcia Strategii Rozwoju SOM 2030',
  body: 'Walne Zebranie Członków',
  adoptedAt: '2026-12-02T11:00:00.000Z',
  result: { for: 8, against: 2, abstain: 1, quorum: true, reason: 'adopted' },
  versionHash: 'cd'.repeat(32),
  textHash: 'ab'.repeat(32),
  ballotsDigest: 'ef'.repeat(32),
  resolutionId: 'r1',
  auditSeq: 40,
  verified: true,
};

/** An agenda item that is a resolution, with its votes. */
export function agendaItem(position: number, of: ResolutionView, votes: VoteView[] = []): ResolutionAgendaItem {
  return { id: `item-${position}`, position, kind: 'resolution', title: of.title, resolution: of, minutesOf: null, votes, amendments: [], electionId: null, openElectionRoundId: null };
}
