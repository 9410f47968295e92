import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VOTE_CHOICES, type VoteChoice } from '@commonplan/domain';
import { ConfirmAction } from '../../ui/ConfirmAction';
import { ErrorMessage } from '../../ui/Messages';
import { decisionErrorText } from './decision-errors';
import type { MeetingView } from './decisions-api';
import { castElectionBallot, type ElectionBallot, type ElectionCandidate, type ElectionRound, type ElectionView } from './elections-api';
import { useAction } from './useAction';

type Member = MeetingView['members'][number];

export const electionBallotId = (roundId: string, memberId: string) => `election-ballot-${roundId}-${memberId}`;

/** "Anna Nowak (Gmina Police)" */
const nameOf = (candidate: Pick<ElectionCandidate, 'personName' | 'organisationName'>) => `${candidate.personName} (${candidate.organisationName})`;

/**
 * A representative's ballots in an open round: one for their own member when it is present, and one for each member
 * that handed them its vote for this meeting (as BallotBox does for a vote). A ballot cast says so instead.
 */
export function ElectionBallots({
  meeting,
  view,
  round,
  ownId,
  onCast,
}: {
  meeting: MeetingView;
  view: ElectionView;
  round: ElectionRound;
  ownId: string;
  onCast: (next: ElectionView, focus: string) => void;
}) {
  const { t } = useTranslation();
  const own = meeting.members.find((m) => m.id === ownId);
  if (!own) return null;
  const voters: Array<{ member: Member; proxy: boolean }> = [
    ...(own.presence === 'present' ? [{ member: own, proxy: false }] : []),
    ...meeting.members.filter((m) => m.presence === 'represented' && m.representedBy === ownId).map((member) => ({ member, proxy: true })),
  ];
  return (
    <div className="ballots">
      {own.presence === 'absent' && <p>{t('decisions.ballot.checkInFirst', { member: own.name })}</p>}
      {own.presence === 'represented' && <p>{t('decisions.ballot.handedOver', { member: own.name })}</p>}
      {voters.map(({ member, proxy }) =>
        round.voted.includes(member.id) ? (
          <p key={member.id} id={electionBallotId(round.id, member.id)} tabIndex={-1} className="ballot__recorded">
            <span aria-hidden="true">✔ </span>
            {t('decisions.elections.ballot.recorded', { member: member.name })}
          </p>
        ) : (
          <ElectionBallotForm key={member.id} view={view} round={round} member={member} proxy={proxy} onCast={onCast} />
        ),
      )}
    </div>
  );
}

/**
 * One member's ballot paper. Choose up to N: a box per candidate with a live count of those chosen ("wybrano 3 z 6")
 * and an error when there are more than seats (such a ballot would be invalid: it is not sent). Per candidate: for,
 * against or abstain for each (one left unmarked gets no vote). Confirmed before it is cast; it cannot be changed.
 */
function ElectionBallotForm({
  view,
  round,
  member,
  proxy,
  onCast,
}: {
  view: ElectionView;
  round: ElectionRound;
  member: Member;
  proxy: boolean;
  onCast: (next: ElectionView, focus: string) => void;
}) {
  const { t } = useTranslation();
  const { busy, failure, run } = useAction();
  const [chosen, setChosen] = useState<string[]>([]);
  const [marks, setMarks] = useState<Record<string, VoteChoice>>({});
  const [pending, setPending] = useState(false);
  const [tried, setTried] = useState(false);
  const submitButton = useRef<HTMLButtonElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const id = electionBallotId(round.id, member.id);
  const byId = new Map(view.candidates.map((c) => [c.id, c]));
  const standing = round.candidates.map((candidateId) => byId.get(candidateId)).filter((c): c is ElectionCandidate => c !== undefined);
  const choose = round.rules.form === 'choose_up_to';
  const tooMany = choose && chosen.length > round.seatsOpen;
  const tooManyText = tooMany ? t('decisions.elections.ballot.tooMany', { seats: round.seatsOpen, extra: chosen.length - round.seatsOpen }) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setTried(true);
    if (tooMany) {
      form.current?.querySelector<HTMLElement>('input[type="checkbox"]:checked')?.focus();
      return;
    }
    setPending(true);
  }

  async function cast() {
    const ballot: ElectionBallot = choose ? { chosen } : { marks };
    const ok = await run(async () => {
      const next = await castElectionBallot(round.id, ballot, proxy ? member.id : undefined);
      onCast(next, id);
    });
    setPending(false);
    if (!ok) requestAnimationFrame(() => submitButton.current?.focus());
  }

  const summary = choose
    ? chosen.length === 0
      ? t('decisions.elections.ballot.blankSummary')
      : chosen.map((candidateId) => (byId.has(candidateId) ? nameOf(byId.get(candidateId)!) : candidateId)).join(', ')
    : standing.map((c) => t('decisions.elections.ballot.markSummary', { name: nameOf(c), choice: marks[c.id] ? t(`decisions.choices.${marks[c.id]}`) : t('decisions.elections.ballot.unmarked') })).join('; ');

  const labelId = `${id}-label`;
  const hintId = `${id}-hint`;
  const counterId = `${id}-counter`;
  const errorId = `${id}-error`;
  return (
    <form ref={form} id={id} className="ballot election__ballot" aria-labelledby={labelId} onSubmit={submit} noValidate>
      <p id={labelId} className="ballot__label">
        {t(proxy ? 'decisions.ballot.forProxy' : 'decisions.ballot.forOwn', { member: member.name })}
      </p>
      <ErrorMessage message={failure ? decisionErrorText(failure, t) : null} />
      <fieldset className="choices election__choices" disabled={pending} aria-describedby={[hintId, choose ? counterId : null, tooManyText ? errorId : null].filter(Boolean).join(' ')}>
        <legend>{t('decisions.elections.ballot.legend', { n: round.n })}</legend>
        <p id={hintId} className="field__hint">
          {choose ? t('decisions.elections.ballot.chooseHint', { seats: round.seatsOpen }) : t('decisions.elections.ballot.perCandidateHint')}
        </p>
        {choose
          ? standing.map((candidate) => {
              const boxId = `${id}-${candidate.id}`;
              return (
                <div className="choice" key={candidate.id}>
                  <input
                    type="checkbox"
                    id={boxId}
                    checked={chosen.includes(candidate.id)}
                    aria-invalid={tooMany && tried ? true : undefined}
                    onChange={(event) => {
                      const next = event.target.checked ? [...chosen, candidate.id] : chosen.filter((c) => c !== candidate.id);
                      // The ballot paper's order, whatever order they were ticked in.
                      setChosen(round.candidates.filter((c) => next.includes(c)));
                    }}
                  />
                  <label htmlFor={boxId}>{nameOf(candidate)}</label>
                </div>
              );
            })
          : standing.map((candidate) => (
              <fieldset key={candidate.id} className="choices choices--row election__marks">
                <legend>{nameOf(candidate)}</legend>
                {VOTE_CHOICES.map((choice) => {
                  const radioId = `${id}-${candidate.id}-${choice}`;
                  return (
                    <div className="choice" key={choice}>
                      <input
                        type="radio"
                        id={radioId}
                        name={`${id}-${candidate.id}`}
                        value={choice}
                        checked={marks[candidate.id] === choice}
                        onChange={() => setMarks((m) => ({ ...m, [candidate.id]: choice }))}
                      />
                      <label htmlFor={radioId}>{t(`decisions.ballot.buttons.${choice}`)}</label>
                    </div>
                  );
                })}
              </fieldset>
            ))}
        {choose && (
          <p id={counterId} role="status" className={tooMany ? 'election__counter election__counter--over' : 'election__counter'}>
            {t('decisions.elections.ballot.counter', { chosen: chosen.length, seats: round.seatsOpen })}
          </p>
        )}
        <div role="alert" className="live">
          {tooManyText && (
            <p id={errorId} className="field__error">
              {tooManyText}
            </p>
          )}
        </div>
      </fieldset>
      {pending ? (
        <ConfirmAction
          question={t('decisions.elections.ballot.confirm', { member: member.name, summary })}
          confirmLabel={t('decisions.ballot.confirmButton')}
          onConfirm={() => void cast()}
          onCancel={() => {
            setPending(false);
            requestAnimationFrame(() => submitButton.current?.focus());
          }}
          busy={busy}
        />
      ) : (
        <p>
          <button ref={submitButton} type="submit" className="button button--primary">
            {t('decisions.elections.ballot.submit')}
          </button>
        </p>
      )}
    </form>
  );
}
