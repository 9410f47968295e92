import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { can, type ElectionRoundResult, type ElectionRules, type Figure } from '@commonplan/domain';
import type { Organisation } from '../../api/types';
import { useApiData } from '../../api/useApiData';
import { formatDay, formatNumber } from '../../i18n/format';
import { ConfirmAction } from '../../ui/ConfirmAction';
import { useFocusWhenShown } from '../../ui/focus-when-shown';
import { ErrorMessage, StatusMessage } from '../../ui/Messages';
import { SelectField } from '../../ui/SelectField';
import { TableRegion } from '../../ui/TableRegion';
import { TextField } from '../../ui/TextField';
import { useWorkspace } from '../workspace/workspace-context';
import { memberOrganisationsPath } from './bodies-api';
import { decisionErrorText, decisionFieldErrors } from './decision-errors';
import type { AgendaItemView, MeetingView } from './decisions-api';
import {
  closeElectionRound,
  type ElectionCandidate,
  type ElectionRound,
  type ElectionView,
  getElection,
  nominateCandidate,
  openElectionRound,
  recordConsent,
  recordLotDraw,
  withdrawCandidate,
} from './elections-api';
import { ElectionRoll } from './ElectionRoll';
import { LotDrawForm } from './LotDrawForm';
import { OWN_BALLOTS_ID } from './own-ballots-id';
import { majorityText, quorumNowText } from './rules-text';
import { useAction } from './useAction';
import './elections.css';

export const electionHeadingId = (electionId: string) => `election-${electionId}`;
export const roundHeadingId = (roundId: string) => `round-${roundId}`;
export const roundResultId = (roundId: string) => `round-result-${roundId}`;
const candidateId = (candidate: Pick<ElectionCandidate, 'id'>) => `candidate-${candidate.id}`;

/** An election event the page heard: which election changed (null: the meeting did), counted so each is new. */
export type ElectionSignal = { electionId: string | null; n: number };

/** Reads the election again on each signal about it or about the meeting (the page's one socket hears them). */
export function useElectionSignal(election: Pick<Election, 'reload'>, electionId: string, signal: ElectionSignal): void {
  const { reload } = election;
  const seen = useRef(signal.n);
  useEffect(() => {
    if (signal.n === seen.current) return;
    seen.current = signal.n;
    if (signal.electionId === null || signal.electionId === electionId) void reload();
  }, [signal, electionId, reload]);
}

export interface Election {
  data: ElectionView | null;
  error: unknown;
  reload: () => Promise<void>;
  replace: (view: ElectionView) => void;
}

/** The election as the API has it now; late answers of older reads are dropped (as useSpeakers). */
export function useElection(electionId: string): Election {
  const [state, setState] = useState<{ id: string; data: ElectionView | null; error: unknown }>({ id: electionId, data: null, error: null });
  const generation = useRef(0);
  const reload = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const data = await getElection(electionId);
      if (mine === generation.current) setState({ id: electionId, data, error: null });
    } catch (error) {
      if (mine === generation.current) setState((s) => ({ ...s, id: electionId, error }));
    }
  }, [electionId]);
  const replace = useCallback(
    (data: ElectionView) => {
      generation.current += 1;
      setState({ id: electionId, data, error: null });
    },
    [electionId],
  );
  useEffect(() => {
    void reload();
  }, [reload]);
  const fresh = state.id === electionId;
  return { data: fresh ? state.data : null, error: fresh ? state.error : null, reload, replace };
}

/** "Anna Nowak (Gmina Police)" */
export const candidateName = (candidate: Pick<ElectionCandidate, 'personName' | 'organisationName'>) => `${candidate.personName} (${candidate.organisationName})`;

/** The names of candidates by id, in the order given, joined for a sentence. */
export function candidateNames(view: ElectionView, ids: readonly string[]): string {
  const byId = new Map(view.candidates.map((c) => [c.id, c]));
  return ids.map((id) => (byId.has(id) ? candidateName(byId.get(id)!) : id)).join(', ');
}

/** The majority of an election in words; a simple majority when candidates are chosen is a plurality. */
export function electionMajorityText(rules: ElectionRules, t: TFunction): string {
  if (rules.form === 'choose_up_to' && rules.majority.kind === 'simple') return t('decisions.elections.rules.plurality');
  return majorityText(rules.majority, t);
}

/**
 * An election on the meeting's agenda: what is elected and by which rules, the candidates (nominated, consenting,
 * withdrawn, elected), the nomination form (members' representatives and the chair), and its rounds: the ballots of a
 * representative while a round is open, the chair's opening and closing, and each closed round's results. Read again
 * when the meeting says this election (or the meeting) changed.
 */
export function ElectionPanel({ meeting, item, electionId, chair, signal }: { meeting: MeetingView; item: AgendaItemView; electionId: string; chair: boolean; signal: ElectionSignal }) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const ownId = can(workspace.role, 'decisions.vote') ? workspace.organisationId : null;
  const cancelled = meeting.state === 'cancelled';
  // The member the reader represents when it is one of the body's (it votes and nominates).
  const own = cancelled ? null : (meeting.members.find((m) => m.id === ownId) ?? null);
  const election = useElection(electionId);
  useElectionSignal(election, electionId, signal);
  const { busy, failure, run } = useAction();
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmClose, setConfirmClose] = useState<string | null>(null);
  const focusWhenShown = useFocusWhenShown();
  const headingId = electionHeadingId(electionId);
  const view = election.data;

  /** Runs a change whose answer is the election as it stands, says what happened and moves the focus. */
  async function act(change: () => Promise<ElectionView>, after: (next: ElectionView) => { message: string; focus: string | null }): Promise<boolean> {
    setNotice(null);
    const ok = await run(async () => {
      const next = await change();
      election.replace(next);
      const { message, focus } = after(next);
      setNotice(message);
      if (focus) focusWhenShown(focus);
    });
    // Something changed meanwhile (another round opened, a candidacy withdrawn): show the election as it is now.
    if (!ok) void election.reload();
    return ok;
  }

  const header = (
    <>
      <h3 id={headingId} tabIndex={-1}>
        {t('decisions.agenda.itemHeading', { position: item.position, title: item.title })}
      </h3>
      <p className="muted">
        {t('decisions.agenda.itemKinds.election')}
        {view && (
          <>
            {' · '}
            <span className={`badge election__state election__state--${view.state}`}>{t(`decisions.elections.states.${view.state}`)}</span>
          </>
        )}
      </p>
    </>
  );

  if (!view) {
    return (
      <section aria-labelledby={headingId} className="agenda-item election">
        {header}
        <p>{election.error != null ? t('decisions.elections.unavailable') : t('decisions.elections.loading')}</p>
      </section>
    );
  }

  const openRound = view.rounds.find((r) => r.state === 'open') ?? null;
  const last = view.rounds.at(-1) ?? null;
  const nextRound = last?.result?.next.kind === 'round' ? last.result.next : null;
  const standing = view.candidates.filter((c) => !c.withdrawnAt);
  const consenting = standing.filter((c) => c.consentAt);
  const mayOpen = chair && meeting.state === 'open' && (view.state === 'nominating' || view.state === 'voting') && !openRound && (last === null || nextRound !== null);
  const nominating = view.state === 'nominating' && !cancelled && meeting.state !== 'closed';
  const mayNominate = nominating && (chair || own !== null);

  return (
    <section aria-labelledby={headingId} className="agenda-item election">
      {header}
      <StatusMessage message={notice} />
      <ErrorMessage message={failure ? decisionErrorText(failure, t) : null} />
      <ElectionFacts view={view} />
      {view.state === 'concluded' && <Conclusion view={view} />}

      <h4 id={`${headingId}-candidates`}>{t('decisions.elections.candidates.heading')}</h4>
      {view.candidates.length === 0 ? (
        <p>{t('decisions.elections.candidates.none')}</p>
      ) : (
        <ol className="election__candidates" aria-labelledby={`${headingId}-candidates`}>
          {view.candidates.map((candidate) => {
            const name = candidateName(candidate);
            const mayConsent = nominating && !candidate.withdrawnAt && !candidate.consentAt && (chair || candidate.organisationId === ownId);
            const mayWithdraw = nominating && !candidate.withdrawnAt && (chair || (ownId !== null && (candidate.organisationId === ownId || candidate.nominatedBy === ownId)));
            return (
              <li key={candidate.id} id={candidateId(candidate)} tabIndex={-1} className={candidate.withdrawnAt ? 'election__candidate election__candidate--withdrawn' : 'election__candidate'}>
                <span className="election__name">{candidate.personName}</span> <span className="election__member">({candidate.organisationName})</span>{' '}
                <span className="election__facts">
                  {candidate.electedInRound !== null && (
                    <strong className="badge election__elected">
                      <span aria-hidden="true">✔ </span>
                      {t('decisions.elections.candidates.elected', { n: candidate.electedInRound })}
                    </strong>
                  )}{' '}
                  {candidate.withdrawnAt ? (
                    <span className="badge">{t('decisions.elections.candidates.withdrawn')}</span>
                  ) : (
                    <span className={candidate.consentAt ? 'badge' : 'badge election__no-consent'}>{t(candidate.consentAt ? 'decisions.elections.candidates.consented' : 'decisions.elections.candidates.noConsent')}</span>
                  )}{' '}
                  <span className="election__nominated">
                    {candidate.nominatedByName ? t('decisions.elections.candidates.nominatedBy', { member: candidate.nominatedByName }) : t('decisions.elections.candidates.nominatedByChair')}
                  </span>
                </span>{' '}
                {(mayConsent || mayWithdraw) && (
                  <span className="election__actions">
                    {mayConsent && (
                      <button
                        type="button"
                        className="button"
                        aria-disabled={busy}
                        aria-label={t('decisions.elections.candidates.consentNamed', { name })}
                        onClick={() => void act(() => recordConsent(view.id, candidate.id), () => ({ message: t('decisions.elections.candidates.consentRecorded', { name }), focus: candidateId(candidate) }))}
                      >
                        {t('decisions.elections.candidates.consent')}
                      </button>
                    )}{' '}
                    {mayWithdraw && (
                      <button
                        type="button"
                        className="button"
                        aria-disabled={busy}
                        aria-label={t('decisions.elections.candidates.withdrawNamed', { name })}
                        onClick={() => void act(() => withdrawCandidate(view.id, candidate.id), () => ({ message: t('decisions.elections.candidates.withdrawnNotice', { name }), focus: candidateId(candidate) }))}
                      >
                        {t('decisions.elections.candidates.withdraw')}
                      </button>
                    )}
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      )}

      {mayNominate && (
        <NominationForm
          view={view}
          meeting={meeting}
          own={chair ? null : own}
          busy={busy}
          onNominate={(organisationId, personName) =>
            act(
              () => nominateCandidate(view.id, organisationId, personName),
              (next) => {
                const added = next.candidates.find((c) => !view.candidates.some((before) => before.id === c.id));
                return {
                  message: t('decisions.elections.nominate.done', { name: added ? candidateName(added) : personName }),
                  focus: added ? candidateId(added) : null,
                };
              },
            )
          }
          failure={failure}
        />
      )}

      {chair && meeting.state === 'planned' && view.state === 'nominating' && <p className="muted">{t('decisions.elections.rounds.openAtMeeting')}</p>}
      {mayOpen && (
        <div className="election__controls">
          <p>
            {last === null
              ? consenting.length > 0
                ? t('decisions.elections.rounds.firstStanding', { names: candidateNames(view, consenting.map((c) => c.id)) })
                : t('decisions.elections.rounds.noneConsenting')
              : t('decisions.elections.rounds.nextStanding', { n: nextRound!.round, names: candidateNames(view, nextRound!.candidates), seats: nextRound!.seats })}
          </p>
          {(last !== null || consenting.length > 0) && (
            <p>
              <button
                type="button"
                className="button button--primary"
                aria-disabled={busy}
                onClick={() =>
                  void act(
                    () => openElectionRound(view.id),
                    (next) => {
                      const opened = next.rounds.find((r) => r.state === 'open');
                      return { message: t('decisions.elections.rounds.opened', { n: opened?.n ?? '' }), focus: opened ? roundHeadingId(opened.id) : null };
                    },
                  )
                }
              >
                {t('decisions.elections.rounds.open', { n: last === null ? 1 : nextRound!.round })}
                <span className="visually-hidden">: {item.title}</span>
              </button>
            </p>
          )}
        </div>
      )}

      {view.rounds.map((round) => (
        <section key={round.id} aria-labelledby={roundHeadingId(round.id)} className="election__round">
          <h4 id={roundHeadingId(round.id)} tabIndex={-1}>
            {t('decisions.elections.rounds.heading', { n: round.n })} <span className="badge">{t(`decisions.elections.rounds.states.${round.state}`)}</span>
          </h4>
          <p>{t('decisions.elections.rounds.standing', { seats: round.seatsOpen, names: candidateNames(view, round.candidates) })}</p>
          {round.state === 'open' && (
            <>
              <div role="status" className="tally">
                <p>{t('decisions.elections.rounds.cast', { cast: round.castCount, eligible: meeting.members.filter((m) => m.presence !== 'absent').length })}</p>
              </div>
              {round.secret && <p className="election__secret">{t('decisions.elections.ballot.secretNote')}</p>}
              {/* The representative's ballots are at the top of the page (OwnBallots), first on a phone's screen. */}
              {own && meeting.state === 'open' && (
                <p>
                  <a href={`#${OWN_BALLOTS_ID}`}>{t('decisions.ownBallots.goTo')}</a>
                </p>
              )}
              {chair &&
                (confirmClose === round.id ? (
                  <ConfirmAction
                    question={t('decisions.elections.rounds.closeQuestion', { n: round.n, cast: round.castCount })}
                    confirmLabel={t('decisions.elections.rounds.closeConfirm')}
                    busy={busy}
                    onConfirm={() =>
                      void act(
                        () => closeElectionRound(round.id),
                        () => ({ message: t('decisions.elections.rounds.closed', { n: round.n }), focus: roundResultId(round.id) }),
                      ).then((ok) => {
                        setConfirmClose(null);
                        if (!ok) focusWhenShown(`close-${round.id}`);
                      })
                    }
                    onCancel={() => {
                      setConfirmClose(null);
                      focusWhenShown(`close-${round.id}`);
                    }}
                  />
                ) : (
                  <p>
                    <button id={`close-${round.id}`} type="button" className="button" onClick={() => setConfirmClose(round.id)}>
                      {t('decisions.elections.rounds.close', { n: round.n })}
                    </button>
                  </p>
                ))}
            </>
          )}
          {round.state === 'closed' && round.result && <RoundResult view={view} round={round} result={round.result} title={item.title} />}
          {round.state === 'closed' && (
            <ElectionRoll round={round} title={item.title} memberNames={new Map(meeting.members.map((m) => [m.id, m.name]))} candidateName={(id) => candidateNames(view, [id])} />
          )}
          {chair && meeting.state === 'open' && view.state === 'voting' && round.result?.next.kind === 'lot' && !round.lot && (
            <LotDrawForm
              names={(ids) => candidateNames(view, ids)}
              round={round}
              among={round.result.next.among}
              seats={round.result.next.seats}
              busy={busy}
              failure={failure}
              onRecord={(drawn) =>
                act(
                  () => recordLotDraw(round.id, drawn),
                  () => ({ message: t('decisions.elections.lot.recorded', { names: candidateNames(view, drawn) }), focus: roundResultId(round.id) }),
                )
              }
            />
          )}
        </section>
      ))}
    </section>
  );
}

/** What is elected, from when, and the rules in words. */
function ElectionFacts({ view }: { view: ElectionView }) {
  const { t, i18n } = useTranslation();
  const { rules } = view;
  const what =
    view.role === 'chair'
      ? t('decisions.elections.facts.whatChair', { body: view.target?.name ?? view.body.name })
      : view.target
        ? t('decisions.elections.facts.whatMembers', { body: view.target.name })
        : t('decisions.elections.facts.whatNoBody');
  return (
    <dl className="facts election__facts-list">
      <dt>{t('decisions.elections.facts.what')}</dt>
      <dd>{what}</dd>
      <dt>{t('decisions.elections.facts.seats')}</dt>
      <dd>{formatNumber(view.seats, i18n.language)}</dd>
      {view.target && (
        <>
          <dt>{t('decisions.elections.facts.from')}</dt>
          <dd>
            {view.compositionFrom ? formatDay(view.compositionFrom, i18n.language) : t('decisions.elections.facts.fromConclusion')}
            {view.compositionAppliedAt && ' '}
            {view.compositionAppliedAt && <span className="table-note">{t('decisions.elections.facts.applied')}</span>}
          </dd>
        </>
      )}
      <dt>{t('decisions.elections.facts.form')}</dt>
      <dd>{t(`decisions.elections.rules.form.${rules.form}`)}</dd>
      <dt>{t('decisions.elections.facts.majority')}</dt>
      <dd>{electionMajorityText(rules, t)}</dd>
      <dt>{t(rules.form === 'choose_up_to' ? 'decisions.elections.facts.blank' : 'decisions.rules.abstentionsLabel')}</dt>
      <dd>{t(rules.abstentionsCount ? 'decisions.rules.abstentions.count' : 'decisions.rules.abstentions.ignored')}</dd>
      <dt>{t('decisions.rules.ballotLabel')}</dt>
      <dd>{t(view.secret ? 'decisions.rules.ballot.secret' : 'decisions.rules.ballot.named')}</dd>
      <dt>{t('decisions.elections.facts.maxRounds')}</dt>
      <dd>{formatNumber(rules.maxRounds, i18n.language)}</dd>
      <dt>{t('decisions.elections.facts.nextRound')}</dt>
      <dd>{t(`decisions.elections.rules.nextRound.${rules.nextRound}`)}</dd>
      <dt>{t('decisions.elections.facts.tie')}</dt>
      <dd>{t(`decisions.elections.rules.tie.${rules.tie}`)}</dd>
    </dl>
  );
}

/** A concluded election: who was elected, and the resolution it adopted. */
function Conclusion({ view }: { view: ElectionView }) {
  const { t } = useTranslation();
  return (
    <div className="election__conclusion">
      <p>
        <strong>{view.elected.length > 0 ? t('decisions.elections.concluded.elected', { names: candidateNames(view, view.elected) }) : t('decisions.elections.concluded.nobody')}</strong>
      </p>
      {view.resolution.fullTitle && <p>{t('decisions.elections.concluded.resolution', { title: view.resolution.fullTitle })}</p>}
    </div>
  );
}

/** What comes after a round, in words. */
export function nextText(view: ElectionView, next: ElectionRoundResult['next'], t: TFunction): string {
  if (next.kind === 'round') return t('decisions.elections.next.round', { n: next.round, names: candidateNames(view, next.candidates), seats: next.seats });
  if (next.kind === 'lot') return t('decisions.elections.next.lot', { names: candidateNames(view, next.among), seats: next.seats });
  return t(`decisions.elections.next.${next.reason}`);
}

/** A closed round: who was elected (in words), the results per candidate, the ballots, and what comes next. */
function RoundResult({ view, round, result, title }: { view: ElectionView; round: ElectionRound; result: ElectionRoundResult; title: string }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);
  const weighted = result.weighting !== 'equal';
  const figure = (f: Figure) => (weighted ? t('decisions.elections.results.weighted', { count: n(f.count), weight: n(f.weight) }) : n(f.count));
  const perCandidate = result.form === 'per_candidate';
  const byId = new Map(view.candidates.map((c) => [c.id, c]));
  const { ballots, next } = result;
  const drawn = round.lot?.drawn ?? [];
  const outcomeOf = (id: string, elected: boolean) => {
    if (elected) return t('decisions.elections.results.elected');
    if (drawn.includes(id)) return t('decisions.elections.results.drawn');
    if (next.kind === 'lot' && next.among.includes(id)) return t('decisions.elections.results.lot');
    if (next.kind === 'round' && next.candidates.includes(id)) return t('decisions.elections.results.nextRound', { n: next.round });
    return t('decisions.elections.results.notElected');
  };
  const thresholdOf = (threshold: ElectionRoundResult['candidates'][number]['threshold']) => {
    if (threshold.of === 'plurality') return t('decisions.elections.results.thresholdPlurality');
    if (threshold.of === 'against') return t('decisions.elections.results.thresholdAgainst');
    return t('decisions.elections.results.thresholdMinimum', { minimum: n(threshold.minimum), base: n(threshold.base) });
  };
  return (
    <div className="election__result">
      <p id={roundResultId(round.id)} tabIndex={-1} className="election__result-summary">
        <strong>
          {result.elected.length > 0 ? t('decisions.elections.results.electedIn', { n: round.n, names: candidateNames(view, result.elected) }) : t('decisions.elections.results.nobodyIn', { n: round.n })}
        </strong>
      </p>
      <TableRegion caption={t('decisions.elections.results.caption', { n: round.n, title })} className="election__table">
        <thead>
          <tr>
            <th scope="col">{t('decisions.elections.results.candidate')}</th>
            <th scope="col">{t(perCandidate ? 'decisions.elections.results.for' : 'decisions.elections.results.votes')}</th>
            {perCandidate && (
              <>
                <th scope="col">{t('decisions.elections.results.against')}</th>
                <th scope="col">{t('decisions.elections.results.abstain')}</th>
              </>
            )}
            <th scope="col">{t('decisions.elections.results.threshold')}</th>
            <th scope="col">{t('decisions.elections.results.outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {result.candidates.map((c) => {
            const candidate = byId.get(c.candidateId);
            return (
              <tr key={c.candidateId} className={c.elected || drawn.includes(c.candidateId) ? 'election__row--elected' : undefined}>
                <th scope="row">{candidate ? candidateName(candidate) : c.candidateId}</th>
                <td>{figure(c.for)}</td>
                {perCandidate && (
                  <>
                    <td>{figure(c.against)}</td>
                    <td>{figure(c.abstain)}</td>
                  </>
                )}
                <td>
                  {thresholdOf(c.threshold)}{' '}
                  <span className="table-note">{t(c.reachedMajority ? 'decisions.elections.results.reached' : 'decisions.elections.results.notReached')}</span>
                </td>
                <td>
                  {c.elected || drawn.includes(c.candidateId) ? (
                    <strong>
                      <span aria-hidden="true">✔ </span>
                      {outcomeOf(c.candidateId, c.elected)}
                    </strong>
                  ) : (
                    outcomeOf(c.candidateId, false)
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </TableRegion>
      <dl className="facts">
        <dt>{t('decisions.outcome.quorum')}</dt>
        <dd>{quorumNowText(result.quorum, t, i18n.language, true)}</dd>
        <dt>{t('decisions.elections.results.ballots')}</dt>
        <dd>{t('decisions.elections.results.ballotFigures', { cast: n(ballots.cast.count), valid: n(ballots.valid.count), invalid: n(ballots.invalid.count), blank: n(ballots.blank.count) })}</dd>
        <dt>{t('decisions.elections.results.next')}</dt>
        <dd>{nextText(view, next, t)}</dd>
        {round.lot && (
          <>
            <dt>{t('decisions.elections.lot.resultLabel')}</dt>
            <dd>{t('decisions.elections.lot.result', { names: candidateNames(view, round.lot.drawn) })}</dd>
          </>
        )}
      </dl>
    </div>
  );
}

/**
 * A candidate nominated by a member's representative (for their member; any member organisation of the workspace may
 * stand) or by the chair: the member and the person's name.
 */
function NominationForm({
  view,
  meeting,
  own,
  busy,
  failure,
  onNominate,
}: {
  view: ElectionView;
  meeting: MeetingView;
  /** The member nominating (a representative who is not the chair). */
  own: MeetingView['members'][number] | null;
  busy: boolean;
  failure: unknown;
  onNominate: (organisationId: string, personName: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  // A chair is one of the members of the body chaired: of the meeting's body, its members; otherwise any member.
  const ofBody = view.role === 'chair' && (view.target === null || view.target.id === meeting.body.id);
  const organisations = useApiData<Organisation[]>(ofBody ? null : memberOrganisationsPath(workspace.id));
  const standing = new Set(view.candidates.filter((c) => !c.withdrawnAt).map((c) => c.organisationId));
  const options = (ofBody ? meeting.members : (organisations.data ?? []))
    .filter((o) => !standing.has(o.id))
    .map((o) => ({ value: o.id, label: o.name }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const [organisationId, setOrganisationId] = useState('');
  const [personName, setPersonName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const form = useRef<HTMLFormElement>(null);
  const prefix = `nominate-${view.id}`;
  const apiErrors = decisionFieldErrors(failure, t);
  const shown = { ...apiErrors, ...errors };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found: Record<string, string> = {};
    if (!organisationId) found.organisationId = t('decisions.elections.nominate.memberRequired');
    if (!personName.trim()) found.personName = t('decisions.elections.nominate.nameRequired');
    setErrors(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    if (await onNominate(organisationId, personName.trim())) {
      setOrganisationId('');
      setPersonName('');
    }
  }

  return (
    <form ref={form} className="election__form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${prefix}-heading`}>
      <h4 id={`${prefix}-heading`}>{t('decisions.elections.nominate.heading')}</h4>
      <p className="field__hint">{own ? t('decisions.elections.nominate.hintOwn', { member: own.name }) : t('decisions.elections.nominate.hintChair')}</p>
      <SelectField
        id={`${prefix}-member`}
        label={t('decisions.elections.nominate.member')}
        placeholder={t('decisions.elections.nominate.chooseMember')}
        value={organisationId}
        options={options}
        onChange={setOrganisationId}
        error={shown.organisationId}
        required
      />
      <TextField id={`${prefix}-name`} label={t('decisions.elections.nominate.name')} value={personName} onChange={setPersonName} error={shown.personName} autoComplete="off" required />
      <p>
        <button type="submit" className="button button--primary" aria-disabled={busy}>
          {t('decisions.elections.nominate.submit')}
        </button>
      </p>
    </form>
  );
}
