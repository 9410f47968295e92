import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../api/types';
import { formatNumber } from '../../i18n/format';
import { TableRegion } from '../../ui/TableRegion';

/** The member local governments: name, type in words, population with its year, vote weight. */
export function MembersTable({ members }: { members: Organisation[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <TableRegion caption={t('dashboard.members.caption')}>
      <thead>
        <tr>
          <th scope="col">{t('dashboard.members.name')}</th>
          <th scope="col">{t('dashboard.members.type')}</th>
          <th scope="col" className="numeric">
            {t('dashboard.members.population')}
          </th>
          <th scope="col" className="numeric">
            {t('dashboard.members.voteWeight')}
          </th>
        </tr>
      </thead>
      <tbody>
        {members.map((member) => (
          <tr key={member.id}>
            <th scope="row">{member.name}</th>
            <td>{t(`organisationTypes.${member.type}`)}</td>
            <td className="numeric">
              {member.population === null
                ? t('common.notGiven')
                : member.populationYear === null
                  ? formatNumber(member.population, language)
                  : t('dashboard.members.populationInYear', {
                      population: formatNumber(member.population, language),
                      year: member.populationYear,
                    })}
            </td>
            <td className="numeric">{member.voteWeight === null ? t('common.notGiven') : formatNumber(member.voteWeight, language)}</td>
          </tr>
        ))}
      </tbody>
    </TableRegion>
  );
}
