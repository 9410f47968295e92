import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../api/types';

/** The partners (no vote): name and type in words. */
export function PartnersTable({ partners }: { partners: Organisation[] }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table>
        <caption>{t('dashboard.partners.caption')}</caption>
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
      </table>
    </div>
  );
}
