import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Outcome, VoteChoice } from '@commonplan/domain';
import { formatNumber } from '../../i18n/format';
import type { ResolutionView, VoteView } from './decisions-api';
import { quorumNowText, thresholdText } from './rules-text';
import { TableRegion } from '../../ui/TableRegion';

export const outcomeId = (voteId: string) => `outcome-${voteId}`;

/** "za 8, przeciw 2, wstrzymujących się 1 (oddano 11)", with the vote weights when they are not one per member. */
export function tallyText(tally: Pick<Outcome['tally'], VoteChoice | 'cast'>, weighted: boolean, t: TFunction, language: string): string {
  const n = (value: number) => formatNumber(value, language);
  const counts = t('decisions.outcome.tally', { for: n(tally.for.count), against: n(tally.against.count), abstain: n(tally.abstain.count), cast: n(tally.cast.count) });
  if (!weighted) return counts;
  return `${counts}; ${t('decisions.outcome.tallyWeight', { for: n(tally.for.weight), against: n(tally.against.weight), abstain: n(tally.abstain.weight) })}`;
}

/** Who voted how, for a named ballot: member → choice (and whether by proxy). */
export function RollTable({ roll, names, caption }: { roll: Array<{ memberId: string; choice: VoteChoice; byProxy?: boolean }>; names: Map<string, string>; caption: string }) {
  const { t } = useTranslation();
  if (roll.length === 0) return null;
  return (
    <TableRegion caption={caption} className="roll-table">
      <thead>
        <tr>
          <th scope="col">{t('decisions.vote.member')}</th>
          <th scope="col">{t('decisions.vote.choice')}</th>
        </tr>
      </thead>
      <tbody>
        {roll.map((entry) => (
          <tr key={entry.memberId}>
            <th scope="row">{names.get(entry.memberId) ?? entry.memberId}</th>
            <td>
              {t(`decisions.choices.${entry.choice}`)}
              {entry.byProxy && <span className="table-note">{t('decisions.vote.byProxy')}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </TableRegion>
  );
}

/**
 * A closed vote's outcome and the figures behind it: the result in words (adopted, rejected, a tie, no quorum), the
 * chair's casting vote when it decided a tie, the resolution's number and full title once adopted, the quorum (actual
 * against the minimum), the tally, the required majority with its base, and the attendance: each fact said once (the
 * labels name what the figures are; the figures are not repeated under another label).
 */
export function VoteOutcome({
  voteId,
  outcome,
  resolution,
  roll,
  names,
  verification,
  motion = false,
}: {
  voteId: string;
  outcome: Outcome;
  /** What was voted on: a resolution, or (with `motion`) a motion of the meeting named by its title. */
  resolution: Pick<ResolutionView, 'title' | 'number' | 'fullTitle'>;
  motion?: boolean;
  roll: Array<{ memberId: string; choice: VoteChoice; byProxy: boolean }> | null;
  names: Map<string, string>;
  /** A record that does not verify is shown, marked as not confirmed. */
  verification?: VoteView['verification'];
}) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);
  const weighted = outcome.weighting !== 'equal';
  const { attendance } = outcome;
  return (
    <div className={`outcome outcome--${outcome.reason}`}>
      {verification && !verification.verified && (
        <p className="notice notice--error">
          {t('decisions.outcome.unverified', { reason: t(`decisions.register.reasons.${verification.code}`, { defaultValue: verification.reason ?? '' }) })}
        </p>
      )}
      <p id={outcomeId(voteId)} tabIndex={-1} className="outcome__result">
        <span aria-hidden="true" className="outcome__sign">
          {outcome.adopted ? '✔' : '✖'}
        </span>{' '}
        <strong>{t(motion ? `decisions.outcome.motionResult.${outcome.reason}` : `decisions.outcome.result.${outcome.reason}`)}</strong>
      </p>
      {outcome.castingVote && (
        <p className="outcome__casting">
          {t('decisions.outcome.castingVote', { chair: names.get(outcome.castingVote.memberId) ?? outcome.castingVote.memberId, choice: t(`decisions.choices.${outcome.castingVote.choice}`) })}
        </p>
      )}
      {outcome.adopted && resolution.fullTitle && (
        <p className="outcome__title">
          {t('decisions.outcome.numbered', { number: resolution.number ?? '' })} <strong>{resolution.fullTitle}</strong>
        </p>
      )}
      <dl className="facts outcome__facts">
        <dt>{t('decisions.outcome.quorum')}</dt>
        <dd>{quorumNowText(outcome.quorum, t, i18n.language, true)}</dd>
        <dt>{t('decisions.outcome.votes')}</dt>
        <dd>{tallyText(outcome.tally, weighted, t, i18n.language)}</dd>
        <dt>{t('decisions.outcome.majority')}</dt>
        <dd>{thresholdText(outcome, t, i18n.language)}</dd>
        {/* Under a simple majority "more for than against" is the threshold itself, already said above. */}
        {outcome.reason !== 'no_quorum' && !outcome.moreForThanAgainst && !outcome.castingVote && outcome.threshold.majority.kind !== 'simple' && (
          <>
            <dt>{t('decisions.outcome.moreForLabel')}</dt>
            <dd>{t('decisions.outcome.notMoreFor')}</dd>
          </>
        )}
        <dt>{t('decisions.outcome.attendance')}</dt>
        <dd>{t('decisions.outcome.attendanceFigures', { present: n(attendance.present.count), represented: n(attendance.represented.count), attending: n(attendance.attending.count), statutory: n(attendance.statutory.count) })}</dd>
        <dt>{t('decisions.outcome.ballot')}</dt>
        <dd>{t(`decisions.rules.ballot.${outcome.ballot}`)}</dd>
      </dl>
      {roll && <RollTable roll={roll} names={names} caption={t('decisions.vote.rollCaption', { title: resolution.title })} />}
    </div>
  );
}
