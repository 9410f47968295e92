import { useTranslation } from 'react-i18next';
import type { ConnectionState, SavedState } from './useLiveDocument';

/**
 * The live connection and whether the reader's own changes are on the server, each in a polite live region
 * (role="status") that stays in the page so that every change is announced. The dot repeats the words; colour is
 * never the only sign.
 */
export function ConnectionIndicator({ state }: { state: ConnectionState }) {
  const { t } = useTranslation();
  return (
    <p role="status" className={`indicator indicator--${state}`} id="connection-indicator">
      <span className="indicator__dot" aria-hidden="true" />
      {t(`document.connection.${state}`)}
    </p>
  );
}

export function SavedIndicator({ state }: { state: SavedState }) {
  const { t } = useTranslation();
  return (
    <p role="status" className={`indicator indicator--${state}`} id="saved-indicator">
      <span className="indicator__dot" aria-hidden="true" />
      {t(`document.saved.${state}`)}
    </p>
  );
}
