import { useTranslation } from 'react-i18next';
import type { PresenceUser } from './useLiveDocument';

/** Who else has the document open now (awareness), with their organisation and caret colour; not the reader. */
export function PresenceList({ peers }: { peers: PresenceUser[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="presence-heading" className="side-panel">
      <h2 id="presence-heading">{t('document.presence.heading')}</h2>
      {peers.length === 0 ? (
        <p className="muted">{t('document.presence.nobody')}</p>
      ) : (
        <ul className="presence">
          {peers.map((peer) => (
            <li key={peer.name}>
              <span className="presence__swatch" style={{ backgroundColor: peer.color }} aria-hidden="true" />
              {peer.name}
              {peer.organisation && <span className="presence__organisation"> · {peer.organisation}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
