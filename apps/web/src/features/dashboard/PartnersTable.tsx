import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../api/types';
import { TableRegion } from '../../ui/TableRegion';

/** The partners (no vote): name and type in words. */
export function PartnersTable({ partners }: { partners: Organisation[] }) {
  const { t } = useTranslation();
  return (
    <TableRegion caption={t('dashboard.partners.caption')}>
      <thead>
        <tr>
          <th scope="col">{t('dashboard.partners.name')}</th>
          <th scope="col">{t('dashboard.partners.type')}</th>
        </tr>
      </thead>
      <tbody>
        {partners.map((partner) => (
          <tr key={partner.id}>
            <th scope="row">{partner.name}</th>
            <td>{t(`organisationTypes.${partner.type}`)}</td>
          </tr>
        ))}
      </tbody>
    </TableRegion>
  );
}
