import { useTranslation } from 'react-i18next';

/** Who else has the document open now (awareness); the reader is not listed. */
export function PresenceList({ names }: { names: string[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="presence-heading" className="side-panel">
      <h2 id="presence-heading">{t('document.presence.heading')}</h2>
      {names.length === 0 ? (
        <p className="muted">{t('document.presence.nobody')}</p>
      ) : (
        <ul className="presence">
          {names.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
