import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RESOLUTION_KINDS, type ResolutionKind, rulesFor } from '@commonplan/domain';
import type { DocumentSummary } from '../../api/types';
import { useApiData } from '../../api/useApiData';
import { ErrorMessage, StatusMessage } from '../../ui/Messages';
import { SelectField } from '../../ui/SelectField';
import { SubmitButton } from '../../ui/SubmitButton';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { type VersionSummary, versionsPath } from '../versions/versions-api';
import { decisionFieldErrors, decisionFormErrorText } from './decision-errors';
import { type BodyView, CHANGE_KINDS, type ChangeKind, createResolution, documentPage, type ResolutionView } from './decisions-api';
import { rulesInWords } from './rules-text';

const EMPTY = { bodyId: '', kind: 'ordinary' as ResolutionKind, title: '', justification: '', documentId: '', versionId: '', changesResolutionId: '', changeKind: 'amends' as ChangeKind };

/**
 * A draft resolution (coordinators): the body that decides, the kind (its rules are shown in words), the subject,
 * the justification and, optionally, the frozen version of a document it adopts and the adopted resolution it amends
 * or repeals (an adopted resolution's text never changes: a change is a new resolution). The API makes the
 * resolution's text a document that staff edit together; the form links to it once created.
 */
export function ResolutionForm({
  workspaceId,
  bodies,
  documents,
  resolutions,
  onCreated,
}: {
  workspaceId: string;
  bodies: BodyView[];
  documents: DocumentSummary[];
  /** The workspace's resolutions: the adopted ones may be amended or repealed. */
  resolutions: ResolutionView[];
  onCreated: (resolution: ResolutionView) => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ ...EMPTY, bodyId: bodies.length === 1 ? bodies[0]!.id : '' });
  const [ownErrors, setOwnErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<ResolutionView | null>(null);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const errors = { ...decisionFieldErrors(failure, t), ...ownErrors };
  useFocusFirstError(form, errors, attempt);
  const versions = useApiData<VersionSummary[]>(values.documentId ? versionsPath(values.documentId) : null);

  const set = <K extends keyof typeof values>(key: K) => (value: (typeof values)[K]) => setValues((v) => ({ ...v, [key]: value }));
  const body = bodies.find((b) => b.id === values.bodyId);
  const rules = body ? rulesFor(body.rules, values.kind) : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found: Record<string, string> = {};
    if (!values.bodyId) found.bodyId = t('decisions.resolutionForm.errors.body');
    if (!values.title.trim()) found.title = t('decisions.resolutionForm.errors.title');
    if (values.documentId && !values.versionId) found.adoptsVersionId = t('decisions.resolutionForm.errors.version');
    setOwnErrors(found);
    setFailure(null);
    setCreated(null);
    setAttempt((a) => a + 1);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const justification = values.justification.trim();
      const resolution = await createResolution(workspaceId, {
        bodyId: values.bodyId,
        kind: values.kind,
        title: values.title.trim(),
        ...(justification ? { justification } : {}),
        ...(values.versionId ? { adoptsVersionId: values.versionId } : {}),
        ...(values.changesResolutionId ? { changesResolutionId: values.changesResolutionId, changeKind: values.changeKind } : {}),
      });
      setValues((v) => ({ ...EMPTY, bodyId: v.bodyId }));
      setCreated(resolution);
      onCreated(resolution);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const documentOptions = documents.filter((d) => d.status !== 'archived').map((d) => ({ value: d.id, label: d.title }));
  const versionOptions = (versions.data ?? []).map((v) => ({ value: v.id, label: t('versions.numbered', { number: v.number, name: v.name }) }));
  const noVersions = values.documentId !== '' && versions.data !== null && versions.data.length === 0;
  const adopted = resolutions.filter((r) => r.state === 'adopted' && r.number).map((r) => ({ value: r.id, label: r.fullTitle ?? `${r.number} ${r.title}` }));

  return (
    <form ref={form} onSubmit={(event) => void submit(event)} noValidate className="form panel" aria-labelledby="resolution-form-heading">
      <h3 id="resolution-form-heading">{t('decisions.resolutionForm.heading')}</h3>
      <StatusMessage message={created ? t('decisions.resolutionForm.created', { title: created.title }) : null} />
      {created && (
        <p>
          <Link to={documentPage(workspaceId, created.documentId)}>{t('decisions.resolutionForm.openText', { title: created.title })}</Link>
        </p>
      )}
      <ErrorMessage message={decisionFormErrorText(failure, t)} />
      <div className="form__row">
        <SelectField
          id="resolution-body"
          label={t('decisions.resolutionForm.body')}
          value={values.bodyId}
          placeholder={t('decisions.resolutionForm.chooseBody')}
          options={bodies.map((b) => ({ value: b.id, label: b.name }))}
          onChange={set('bodyId')}
          error={errors.bodyId}
          required
        />
        <SelectField
          id="resolution-kind"
          label={t('decisions.resolutionForm.kind')}
          value={values.kind}
          options={RESOLUTION_KINDS.map((kind) => ({ value: kind, label: t(`decisions.kinds.${kind}`) }))}
          onChange={(kind) => set('kind')(kind as ResolutionKind)}
          error={errors.kind}
        />
      </div>
      {rules && (
        <p className="field__hint" id="resolution-rules">
          {t('decisions.resolutionForm.rules', rulesInWords(rules, t))}
        </p>
      )}
      <TextField id="resolution-title" label={t('decisions.resolutionForm.title')} hint={t('decisions.resolutionForm.titleHint')} value={values.title} onChange={set('title')} error={errors.title} required />
      <TextAreaField id="resolution-justification" label={t('decisions.resolutionForm.justification')} value={values.justification} onChange={set('justification')} error={errors.justification} rows={4} />
      <fieldset className="choices">
        <legend>{t('decisions.resolutionForm.adopts')}</legend>
        <p className="field__hint">{t('decisions.resolutionForm.adoptsHint')}</p>
        <div className="form__row">
          <SelectField
            id="resolution-document"
            label={t('decisions.resolutionForm.document')}
            value={values.documentId}
            placeholder={t('decisions.resolutionForm.noDocument')}
            options={documentOptions}
            onChange={(documentId) => setValues((v) => ({ ...v, documentId, versionId: '' }))}
            error={errors.documentId}
          />
          <SelectField
            id="resolution-version"
            label={t('decisions.resolutionForm.version')}
            value={values.versionId}
            placeholder={values.documentId ? (versions.loading && !versions.data ? t('versions.loading') : t('decisions.resolutionForm.chooseVersion')) : t('decisions.resolutionForm.chooseDocumentFirst')}
            options={versionOptions}
            onChange={set('versionId')}
            error={errors.adoptsVersionId}
          />
        </div>
        <div role="status" className="live">
          {noVersions && <p className="field__hint">{t('decisions.resolutionForm.noVersions')}</p>}
        </div>
      </fieldset>
      {adopted.length > 0 && (
        <fieldset className="choices">
          <legend>{t('decisions.resolutionForm.changes')}</legend>
          <p className="field__hint">{t('decisions.resolutionForm.changesHint')}</p>
          <div className="form__row">
            <SelectField
              id="resolution-changes"
              label={t('decisions.resolutionForm.changesResolution')}
              value={values.changesResolutionId}
              placeholder={t('decisions.resolutionForm.changesNone')}
              options={adopted}
              onChange={set('changesResolutionId')}
              error={errors.changesResolutionId}
            />
            <SelectField
              id="resolution-change-kind"
              label={t('decisions.resolutionForm.changeKind')}
              value={values.changeKind}
              options={CHANGE_KINDS.map((kind) => ({ value: kind, label: t(`decisions.resolutionForm.changeKinds.${kind}`) }))}
              onChange={(kind) => set('changeKind')(kind as ChangeKind)}
              error={errors.changeKind}
            />
          </div>
        </fieldset>
      )}
      <SubmitButton busy={busy} label={t('decisions.resolutionForm.submit')} busyLabel={t('decisions.resolutionForm.saving')} />
    </form>
  );
}
