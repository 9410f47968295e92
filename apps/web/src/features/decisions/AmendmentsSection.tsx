import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, StatusMessage } from '../../ui/Messages';
import { applyAmendmentAgain, arrangeAmendments, openMotion, withdrawAmendment } from './assembly-api';
import { decisionErrorText } from './decision-errors';
import { type AmendmentView, type MeetingView, type ResolutionAgendaItem, undecided } from './decisions-api';
import { type Refresh, VotePanel, voteHeadingId } from './AgendaItem';
import { motionTitle } from './motion-text';
import { voteOpenAt } from './ProceduralVotes';
import { ProposeAmendmentForm } from './ProposeAmendmentForm';
import { useAction } from './useAction';

export const amendmentId = (id: string) => `amendment-${id}`;

/** The amendments still to be voted, in the chair's order (unordered ones last, by number). */
export function votingOrder(amendments: readonly AmendmentView[]): AmendmentView[] {
  return amendments.filter((a) => a.state === 'proposed').sort((a, b) => (a.voteOrder ?? Infinity) - (b.voteOrder ?? Infinity) || a.number - b.number);
}

/**
 * A draft resolution's amendments at a meeting: each with its proposer, the wording it replaces and proposes, why,
 * its place in the order of voting, what it conflicts with, its votes and what became of it (put into the text,
 * dropped); members' representatives (and staff, for a body) propose new ones on a passage of the text; the chair
 * orders them, marks conflicts and puts the next one to the vote.
 */
export function AmendmentsSection({ meeting, item, chair, ownId, canPropose, refresh }: { meeting: MeetingView; item: ResolutionAgendaItem; chair: boolean; ownId: string | null; canPropose: boolean; refresh: Refresh }) {
  const { t, i18n } = useTranslation();
  const { resolution, amendments } = item;
  const [proposing, setProposing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const action = useAction();
  const headingId = `amendments-${item.id}`;
  const live = meeting.state === 'open';
  const voteOpen = voteOpenAt(meeting);
  const next = votingOrder(amendments)[0];
  const amendable = undecided(resolution) && (meeting.state === 'planned' || meeting.state === 'open');
  /** Runs an action, reads the meeting again and moves the focus to what the action answers with. */
  const act = (action_: () => Promise<string>) =>
    void action.run(async () => {
      await refresh(await action_());
    });

  return (
    // Named with its resolution: each resolution on the agenda has one (landmarks' names are unique).
    <section aria-labelledby={`${headingId} item-${resolution.id}`} className="amendments">
      <h4 id={headingId} tabIndex={-1}>
        {t('decisions.assembly.amendments.heading')}
      </h4>
      <StatusMessage message={notice} />
      {action.failure ? <ErrorMessage message={decisionErrorText(action.failure, t)} /> : null}
      {amendments.length === 0 ? (
        <p>{t('decisions.assembly.amendments.none')}</p>
      ) : (
        <ol className="amendments__list">
          {amendments.map((amendment) => {
            const motion = meeting.motions.find((m) => m.amendmentId === amendment.id && m.votes.length > 0);
            const mine = amendment.proposer.organisationId !== null && amendment.proposer.organisationId === ownId;
            const others = (ids: string[]) =>
              amendments
                .filter((a) => ids.includes(a.id))
                .map((a) => a.number)
                .join(', ');
            return (
              <li key={amendment.id} className="amendment">
                <p id={amendmentId(amendment.id)} tabIndex={-1}>
                  <strong>{t('decisions.assembly.amendments.number', { number: amendment.number })}</strong> <span className="badge">{t(`decisions.assembly.amendments.states.${amendment.state as 'proposed'}`)}</span> ·{' '}
                  {t('decisions.assembly.amendments.proposer', { name: amendment.proposer.name })}
                  {amendment.voteOrder !== null && amendment.state === 'proposed' && <> · {t('decisions.assembly.amendments.order', { order: amendment.voteOrder })}</>}
                </p>
                <dl className="facts amendment__wording">
                  <dt>{t('decisions.assembly.amendments.current')}</dt>
                  <dd className="wording">{amendment.currentText}</dd>
                  <dt>{t('decisions.assembly.amendments.proposed')}</dt>
                  <dd className="wording">{amendment.proposedText || t('decisions.assembly.amendments.deleted')}</dd>
                </dl>
                {amendment.justification && (
                  <details>
                    <summary>{t('decisions.assembly.amendments.justification')}</summary>
                    <p className="wording">{amendment.justification}</p>
                  </details>
                )}
                {amendment.conflictsWith.length > 0 && amendment.state === 'proposed' && <p>{t('decisions.assembly.amendments.conflicts', { numbers: others(amendment.conflictsWith) })}</p>}
                {amendment.droppedBy && <p>{t('decisions.assembly.amendments.droppedBy', { number: others([amendment.droppedBy]) })}</p>}
                {amendment.state === 'adopted' && (amendment.applied ? <p>{t('decisions.assembly.amendments.applied')}</p> : <p className="notice">{t('decisions.assembly.amendments.notApplied')}</p>)}
                {amendment.state === 'proposed' && !amendment.live && <p className="notice">{t('decisions.assembly.amendments.passageGone')}</p>}
                {motion?.votes.map((vote) => (
                  <VotePanel
                    key={vote.id}
                    meeting={meeting}
                    resolution={{ id: resolution.id, title: motionTitle(motion, meeting, t, i18n.language), number: null, fullTitle: null, documentId: resolution.documentId }}
                    motion
                    vote={vote}
                    number={null}
                    coordinator={chair}
                    ownId={ownId}
                    refresh={refresh}
                  />
                ))}
                <p className="amendment__actions">
                  {chair && live && !voteOpen && next?.id === amendment.id && amendment.voteOrder !== null && (
                    <ActionButton primary busy={action.busy} onClick={() => act(async () => voteHeadingId((await openMotion(meeting.id, { kind: 'amendment', amendmentId: amendment.id })).id))}>
                      {t('decisions.assembly.amendments.vote', { number: amendment.number })}
                    </ActionButton>
                  )}{' '}
                  {amendment.state === 'proposed' && (mine || chair) && (
                    <ActionButton busy={action.busy} onClick={() => act(async () => amendmentId((await withdrawAmendment(amendment.id)).id))}>
                      {t('decisions.assembly.amendments.withdraw', { number: amendment.number })}
                    </ActionButton>
                  )}
                  {amendment.state === 'adopted' && !amendment.applied && chair && (
                    <ActionButton busy={action.busy} onClick={() => act(async () => amendmentId((await applyAmendmentAgain(amendment.id)).id))}>
                      {t('decisions.assembly.amendments.applyAgain', { number: amendment.number })}
                    </ActionButton>
                  )}
                </p>
              </li>
            );
          })}
        </ol>
      )}
      {chair && amendable && votingOrder(amendments).length > 0 && !voteOpen && (
        <ArrangeAmendments
          resolutionId={resolution.id}
          amendments={votingOrder(amendments)}
          onArranged={async () => {
            setNotice(t('decisions.assembly.amendments.arranged'));
            await refresh(headingId);
          }}
        />
      )}
      {canPropose && amendable &&
        (proposing ? (
          <ProposeAmendmentForm
            resolution={resolution}
            staff={chair && ownId === null}
            onCancel={() => setProposing(false)}
            onProposed={(amendment) => {
              setProposing(false);
              setNotice(t('decisions.assembly.amendments.proposed_notice', { number: amendment.number }));
              void refresh(amendmentId(amendment.id));
            }}
          />
        ) : (
          <p>
            <button type="button" className="button" onClick={() => setProposing(true)}>
              {t('decisions.assembly.amendments.propose')}
              <span className="visually-hidden">: {resolution.title}</span>
            </button>
          </p>
        ))}
    </section>
  );
}

/**
 * The chair's order of voting: the amendments still to be voted, moved up and down (the furthest-reaching first),
 * and the pairs that exclude each other ticked.
 */
function ArrangeAmendments({ resolutionId, amendments, onArranged }: { resolutionId: string; amendments: AmendmentView[]; onArranged: () => Promise<void> }) {
  const { t } = useTranslation();
  const [order, setOrder] = useState(amendments.map((a) => a.id));
  const [conflicts, setConflicts] = useState<Set<string>>(() => {
    const pairs = new Set<string>();
    for (const a of amendments) for (const b of a.conflictsWith) if (amendments.some((x) => x.id === b)) pairs.add([a.id, b].sort().join(':'));
    return pairs;
  });
  const { busy, failure, run } = useAction();
  const byId = new Map(amendments.map((a) => [a.id, a]));
  // New amendments (proposed since the form was shown) join at the end.
  const current = [...order.filter((id) => byId.has(id)), ...amendments.map((a) => a.id).filter((id) => !order.includes(id))];
  const move = (index: number, by: -1 | 1) => {
    const next = [...current];
    [next[index], next[index + by]] = [next[index + by], next[index]];
    setOrder(next);
    requestAnimationFrame(() => document.getElementById(`arrange-${next[index + by]}-${by < 0 ? 'up' : 'down'}`)?.focus());
  };
  const pairs = current.flatMap((a, i) => current.slice(i + 1).map((b) => [a, b] as const));
  return (
    <fieldset className="amendments__arrange">
      <legend>{t('decisions.assembly.amendments.arrangeHeading')}</legend>
      <p className="field__hint">{t('decisions.assembly.amendments.arrangeHint')}</p>
      <ol>
        {current.map((id, index) => {
          const number = byId.get(id)?.number;
          return (
            <li key={id}>
              {t('decisions.assembly.amendments.number', { number })}{' '}
              <button id={`arrange-${id}-up`} type="button" className="button button--small" aria-disabled={index === 0} onClick={() => index > 0 && move(index, -1)}>
                <span aria-hidden="true">↑</span>
                <span className="visually-hidden">{t('decisions.assembly.amendments.arrangeUp', { number })}</span>
              </button>{' '}
              <button id={`arrange-${id}-down`} type="button" className="button button--small" aria-disabled={index === current.length - 1} onClick={() => index < current.length - 1 && move(index, 1)}>
                <span aria-hidden="true">↓</span>
                <span className="visually-hidden">{t('decisions.assembly.amendments.arrangeDown', { number })}</span>
              </button>
            </li>
          );
        })}
      </ol>
      {pairs.map(([a, b]) => {
        const key = [a, b].sort().join(':');
        return (
          <div key={key} className="choice">
            <input
              id={`conflict-${key}`}
              type="checkbox"
              checked={conflicts.has(key)}
              onChange={(event) => {
                const next = new Set(conflicts);
                if (event.target.checked) next.add(key);
                else next.delete(key);
                setConflicts(next);
              }}
            />{' '}
            <label htmlFor={`conflict-${key}`}>{t('decisions.assembly.amendments.conflictWith', { a: byId.get(a)?.number, b: byId.get(b)?.number })}</label>
          </div>
        );
      })}
      {failure ? <ErrorMessage message={decisionErrorText(failure, t)} /> : null}
      <p>
        <button
          type="button"
          className="button button--primary"
          aria-disabled={busy}
          onClick={() =>
            void run(async () => {
              await arrangeAmendments(resolutionId, current, [...conflicts].map((key) => key.split(':')));
              await onArranged();
            })
          }
        >
          {t('decisions.assembly.amendments.arrangeSave')}
        </button>
      </p>
    </fieldset>
  );
}

function ActionButton({ primary = false, busy, onClick, children }: { primary?: boolean; busy: boolean; onClick: () => void; children: React.ReactNode }) {
  return (
    <button type="button" className={primary ? 'button button--primary' : 'button'} aria-disabled={busy} onClick={onClick}>
      {children}
    </button>
  );
}
