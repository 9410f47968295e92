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

/** Saved, saving, or (offline) how many of the reader's changes wait for the connection. */
export function SavedIndicator({ state, pending = 0 }: { state: SavedState; pending?: number }) {
  const { t } = useTranslation();
  return (
    <p role="status" className={`indicator indicator--${state}`} id="saved-indicator">
      <span className="indicator__dot" aria-hidden="true" />
      {state === 'unsaved' && pending > 0 ? t('document.saved.waiting', { count: pending }) : t(`document.saved.${state}`)}
    </p>
  );
}
