import { useTranslation } from 'react-i18next';
import type { ElectionRollBallot, ElectionRound } from './elections-api';
import { TableRegion } from '../../ui/TableRegion';

/**
 * A named (open) round's roll, once closed: each member's ballot as cast, in words (the candidates chosen, or each
 * candidate's mark), for the public record a named ballot is. A secret round has none.
 */
export function ElectionRoll({ round, title, memberNames, candidateName }: { round: ElectionRound; title: string; memberNames: Map<string, string>; candidateName: (id: string) => string }) {
  const { t } = useTranslation();
  if (!round.roll) return null;
  const entries = Object.entries(round.roll).sort(([a], [b]) => (memberNames.get(a) ?? a).localeCompare(memberNames.get(b) ?? b));
  if (entries.length === 0) return null;
  const words = (ballot: ElectionRollBallot) => {
    if (ballot?.chosen) return ballot.chosen.length ? ballot.chosen.map(candidateName).join(', ') : t('decisions.elections.roll.blank');
    const marks = Object.entries(ballot?.marks ?? {});
    return marks.length ? marks.map(([candidate, choice]) => `${candidateName(candidate)} – ${t(`decisions.choices.${choice}`)}`).join('; ') : t('decisions.elections.roll.blank');
  };
  return (
    <TableRegion caption={t('decisions.elections.roll.caption', { n: round.n, title })} className="roll-table">
      <thead>
        <tr>
          <th scope="col">{t('decisions.vote.member')}</th>
          <th scope="col">{t('decisions.elections.roll.ballot')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map(([memberId, ballot]) => (
          <tr key={memberId}>
            <th scope="row">{memberNames.get(memberId) ?? memberId}</th>
            <td>{words(ballot)}</td>
          </tr>
        ))}
      </tbody>
    </TableRegion>
  );
}
