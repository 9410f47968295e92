import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/error-text';
import type { ApiData } from '../api/useApiData';
import { Loading } from './Loading';
import { ErrorMessage } from './Messages';

/** Shows "Loading…", the error with a retry button, or the data. */
export function DataView<T>({ source, children }: { source: ApiData<T>; children: (data: T) => ReactNode }) {
  const { t } = useTranslation();
  if (source.data !== null) return <>{children(source.data)}</>;
  if (source.error != null) {
    return (
      <div className="data-error">
        <ErrorMessage message={errorText(source.error, t)} />
        <button type="button" className="button button--small" onClick={source.reload}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  return <Loading />;
}
