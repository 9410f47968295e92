import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { fieldErrorsOf, formErrorText } from '../../api/error-text';
import type { DocumentSummary } from '../../api/types';
import { useApiData } from '../../api/useApiData';
import { DataView } from '../../ui/DataView';
import { PageHeading } from '../../ui/PageHeading';
import { useWorkspace } from '../workspace/workspace-context';
import { RoundForm } from './RoundForm';
import { createRound, type CreateRoundValues } from './rounds-api';

/** The API's field problems of a new or changed round, in words that say what to do. */
export function roundFieldErrors(error: unknown, t: TFunction): Record<string, string> {
  const result = fieldErrorsOf(error, t);
  if (!(error instanceof ApiError)) return result;
  for (const { field, message } of error.fieldErrors) {
    if (field === 'closesAt' && /after opensAt/i.test(message)) result.closesAt = t('roundForm.errors.closesBeforeOpens');
    if (field === 'opensAt' && /before closesAt/i.test(message)) result.opensAt = t('roundForm.errors.opensAfterCloses');
    if (field === 'versionId' && /no such version/i.test(message)) result.versionId = t('roundForm.errors.noSuchVersion');
  }
  return result;
}

/**
 * /w/:workspaceId/rounds/new (coordinators; `?documentId=&versionId=` choose the version beforehand): a new
 * consultation round; once created, its page opens.
 */
export function NewRoundPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const documents = useApiData<DocumentSummary[]>(`/workspaces/${workspace.id}/documents`);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  async function create(values: CreateRoundValues) {
    setBusy(true);
    setFailure(null);
    try {
      const round = await createRound(workspace.id, values);
      void navigate(`/w/${workspace.id}/rounds/${round.id}`);
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  }

  return (
    <>
      <p className="back-link">
        <Link to={`/w/${workspace.id}`}>
          <span aria-hidden="true">← </span>
          {t('document.back')}
        </Link>
      </p>
      <PageHeading title={t('roundForm.documentTitle', { workspace: workspace.shortName })}>{t('roundForm.heading')}</PageHeading>
      <DataView source={documents}>
        {(list) => (
          <RoundForm
            documents={list}
            initial={{ documentId: search.get('documentId') ?? undefined, versionId: search.get('versionId') ?? undefined }}
            onSubmit={create}
            busy={busy}
            error={formErrorText(failure, t)}
            fieldErrors={roundFieldErrors(failure, t)}
          />
        )}
      </DataView>
    </>
  );
}
