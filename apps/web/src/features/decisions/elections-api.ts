/**
 * Elections of persons at a meeting (apps/api decisions/elections): the chair puts an election on the agenda, members'
 * representatives and the chair nominate candidates whose consent is recorded, the chair opens and closes rounds, and
 * representatives cast one ballot per member (their own, and those they hold a proxy for). Every change answers the
 * election as it stands. The rules and a closed round's result are read with libs/domain's own types.
 */
import type { ElectionRoundResult, ElectionRules, VoteChoice } from '@commonplan/domain';
import { apiClient, call } from '../../api/client';
import type { components } from '../../api/schema';

type Schemas = components['schemas'];

export type ElectionCandidate = Schemas['ElectionCandidateDto'];

/** A named round's ballot as the roll keeps it (a secret round keeps none). */
export type ElectionRollBallot = { chosen?: string[]; marks?: Record<string, VoteChoice> } | null;

/** One round: the candidates standing in the ballot paper's order, who voted, and once closed the result. */
export type ElectionRound = Omit<Schemas['ElectionRoundDto'], 'rules' | 'result' | 'roll'> & {
  rules: ElectionRules;
  result: ElectionRoundResult | null;
  roll: Record<string, ElectionRollBallot> | null;
};

/** GET /api/elections/:id */
export type ElectionView = Omit<Schemas['ElectionDto'], 'rules' | 'rounds'> & { rules: ElectionRules; rounds: ElectionRound[] };

export type ElectionRole = ElectionView['role'];
export type ElectionState = ElectionView['state'];

/** What the chair gives to put an election on the agenda (the rules are the body's defaults for elections). */
export type NewElection = Omit<Schemas['CreateElectionDto'], 'rules'>;

/** A ballot: the candidates chosen (choose up to the seats), or a mark per candidate (per candidate). */
export type ElectionBallot = { chosen: string[] } | { marks: Record<string, VoteChoice> };

export const electionPath = (electionId: string) => `/elections/${electionId}`;

const asElection = (pending: Promise<Schemas['ElectionDto']>) => pending as Promise<ElectionView>;
const election = (electionId: string) => ({ params: { path: { electionId } } });
const candidate = (electionId: string, candidateId: string) => ({ params: { path: { electionId, candidateId } } });
const round = (roundId: string) => ({ params: { path: { roundId } } });

export const getElection = (electionId: string) => asElection(call(apiClient.GET('/api/elections/{electionId}', election(electionId))));

/** Puts an election on the meeting's agenda (the chair); its resolution and agenda item are created with it. */
export const createElection = (meetingId: string, values: NewElection) =>
  asElection(call(apiClient.POST('/api/meetings/{meetingId}/elections', { params: { path: { meetingId } }, body: values })));

export const nominateCandidate = (electionId: string, organisationId: string, personName: string) =>
  asElection(call(apiClient.POST('/api/elections/{electionId}/candidates', { ...election(electionId), body: { organisationId, personName } })));

export const recordConsent = (electionId: string, candidateId: string) =>
  asElection(call(apiClient.POST('/api/elections/{electionId}/candidates/{candidateId}/consent', candidate(electionId, candidateId))));

export const withdrawCandidate = (electionId: string, candidateId: string) =>
  asElection(call(apiClient.POST('/api/elections/{electionId}/candidates/{candidateId}/withdraw', candidate(electionId, candidateId))));

/** Opens the next round (the chair, at the open meeting). */
export const openElectionRound = (electionId: string) => asElection(call(apiClient.POST('/api/elections/{electionId}/rounds', election(electionId))));

/** Casts a ballot for one's own member, or (`forOrganisationId`) for a member whose proxy one holds; once. */
export const castElectionBallot = (roundId: string, ballot: ElectionBallot, forOrganisationId?: string) =>
  asElection(call(apiClient.POST('/api/election-rounds/{roundId}/ballots', { ...round(roundId), body: { ...ballot, ...(forOrganisationId ? { forOrganisationId } : {}) } })));

/** Closes the round (the chair); a round after which there is no further one concludes the election. */
export const closeElectionRound = (roundId: string) => asElection(call(apiClient.POST('/api/election-rounds/{roundId}/close', round(roundId))));

/** Records the draw by lot a closed round asked for (the chair): the candidates it gave the seats to; the election concludes. */
export const recordLotDraw = (roundId: string, drawn: string[]) => asElection(call(apiClient.POST('/api/election-rounds/{roundId}/lot', { ...round(roundId), body: { drawn } })));
