import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { can } from '@commonplan/domain';
import { ApiError } from '../../api/client';
import { useApiData } from '../../api/useApiData';
import { ConfirmAction } from '../../ui/ConfirmAction';
import { FileField } from '../../ui/FileField';
import { ErrorMessage, StatusMessage } from '../../ui/Messages';
import { SubmitButton } from '../../ui/SubmitButton';
import { useWorkspace } from '../workspace/workspace-context';
import {
  ATTACHMENT_ACCEPT,
  ATTACHMENT_EXTENSIONS,
  ATTACHMENT_MAX_BYTES,
  attachmentHref,
  attachmentsPath,
  type AttachmentView,
  removeAttachment,
  uploadAttachment,
} from './attachments-api';
import { decisionErrorText } from './decision-errors';
import type { ResolutionView } from './decisions-api';
import { TableRegion } from '../../ui/TableRegion';

/** The short form of a SHA-256 shown in the list (the full one is a disclosure away). */
const SHORT_HASH = 12;

const FORMATS: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
};

/** "812 B", "12,4 kB", "3,1 MB" in the reader's language. */
export function sizeText(bytes: number, language: string, t: TFunction): string {
  const format = (value: number) => new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value);
  if (bytes < 1024) return t('decisions.attachments.size.bytes', { size: format(bytes) });
  if (bytes < 1024 * 1024) return t('decisions.attachments.size.kilobytes', { size: format(bytes / 1024) });
  return t('decisions.attachments.size.megabytes', { size: format(bytes / (1024 * 1024)) });
}

/** The API's refusal of an attachment (413, 415, 422, 409) in words. */
export function attachmentErrorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.status === 413) return t('decisions.attachments.errors.tooBig');
    if (error.status === 415) return t('decisions.attachments.errors.type');
    if (error.status === 422) return error.fieldErrors.some((e) => e.code === 'attachment_required') ? t('decisions.attachments.errors.fileRequired') : t('decisions.attachments.errors.content');
    if (error.status === 409) return t('decisions.attachments.errors.frozen');
    if (error.status === 404) return t('decisions.attachments.errors.gone');
  }
  return decisionErrorText(error, t);
}

/** Refusals that are about the file chosen, shown on the file field. */
const aboutTheFile = (error: unknown) => error instanceof ApiError && [413, 415, 422].includes(error.status);

export interface AttachmentsSectionProps {
  resolution: Pick<ResolutionView, 'id' | 'title' | 'state'> & { attachments?: AttachmentView[] };
  /** After an attachment is added or removed (with the list now), or when the API says the resolution moved on. */
  onChanged?: (attachments: AttachmentView[] | null) => void;
  /** The level of the section's heading (3 by default). */
  headingLevel?: 2 | 3 | 4;
  /** Moves the focus to the section's heading when it appears (when opened from a button elsewhere). */
  focusOnShow?: boolean;
}

/**
 * A resolution's attachments: "Załącznik nr N", the file (a download), its size and SHA-256. Coordinators add files
 * (PDF, DOCX, XLSX, ODT, PNG, JPEG, up to 10 MB) and remove them, with confirmation, while the resolution is a draft;
 * once it is voted on the attachments are frozen.
 */
export function AttachmentsSection({ resolution, onChanged, headingLevel = 3, focusOnShow = false }: AttachmentsSectionProps) {
  const { t, i18n } = useTranslation();
  const workspace = useWorkspace();
  const id = useId();
  const Heading = `h${headingLevel}` as 'h3';
  const Subheading = `h${headingLevel + 1}` as 'h4';
  const headingId = `${id}-heading`;
  const heading = useRef<HTMLHeadingElement>(null);
  const editable = can(workspace.role, 'decisions.manage') && resolution.state === 'draft';

  // The list: the resolution's own (ResolutionView.attachments), else read; after a change, what the API answered,
  // until the resolution given is read again.
  const fetched = useApiData<AttachmentView[]>(resolution.attachments ? null : attachmentsPath(resolution.id));
  const [changed, setChanged] = useState<{ base: unknown; list: AttachmentView[] } | null>(null);
  const base = resolution.attachments ?? fetched.data;
  const attachments = changed && changed.base === base ? changed.list : base;

  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<AttachmentView | null>(null);
  const [removeFailure, setRemoveFailure] = useState<unknown>(null);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (focusOnShow) heading.current?.focus();
  }, [focusOnShow, resolution.id]);
  useEffect(() => {
    if (!focusTarget) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  function settle(list: AttachmentView[]) {
    setChanged({ base, list });
    onChanged?.(list);
  }

  async function upload(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const problem = !file
      ? t('decisions.attachments.errors.fileRequired')
      : !ATTACHMENT_EXTENSIONS.some((extension) => file.name.toLowerCase().endsWith(extension))
        ? t('decisions.attachments.errors.type')
        : file.size > ATTACHMENT_MAX_BYTES
          ? t('decisions.attachments.errors.tooBig')
          : null;
    setFileError(problem);
    setFailure(null);
    setDone(null);
    if (problem || !file) {
      fileInput.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const list = await uploadAttachment(resolution.id, file);
      const added = list.reduce<AttachmentView | null>((last, a) => (!last || a.position > last.position ? a : last), null);
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
      setDone(added ? t('decisions.attachments.added', { position: added.position, name: added.name }) : null);
      settle(list);
    } catch (error) {
      if (aboutTheFile(error)) {
        setFileError(attachmentErrorText(error, t));
        fileInput.current?.focus();
      } else setFailure(error);
      if (error instanceof ApiError && error.status === 409) onChanged?.(null);
    } finally {
      setBusy(false);
    }
  }

  async function remove(attachment: AttachmentView) {
    if (busy) return;
    setBusy(true);
    setRemoveFailure(null);
    setDone(null);
    try {
      const list = await removeAttachment(resolution.id, attachment.id);
      setConfirming(null);
      setDone(t('decisions.attachments.removed', { position: attachment.position, name: attachment.name }));
      settle(list);
      setFocusTarget(headingId);
    } catch (error) {
      setRemoveFailure(error);
      if (error instanceof ApiError && error.status === 409) onChanged?.(null);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={headingId} className="attachments">
      <Heading id={headingId} ref={heading} tabIndex={-1}>
        {t('decisions.attachments.heading', { title: resolution.title })}
      </Heading>
      <StatusMessage message={done} />
      {attachments === null || attachments === undefined ? (
        <p>{fetched.error ? decisionErrorText(fetched.error, t) : t('decisions.attachments.loading')}</p>
      ) : attachments.length === 0 ? (
        <p>{t('decisions.attachments.none')}</p>
      ) : (
        <TableRegion caption={t('decisions.attachments.caption', { title: resolution.title })} className="attachments-table">
          <thead>
            <tr>
              <th scope="col">{t('decisions.attachments.number')}</th>
              <th scope="col">{t('decisions.attachments.file')}</th>
              <th scope="col">{t('decisions.attachments.sizeColumn')}</th>
              <th scope="col">{t('decisions.attachments.sha256')}</th>
              {editable && <th scope="col">{t('decisions.attachments.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {attachments.map((attachment) => {
              const removeId = `${id}-remove-${attachment.id}`;
              return (
                <tr key={attachment.id}>
                  <th scope="row">{t('decisions.attachments.numbered', { position: attachment.position })}</th>
                  <td>
                    <a href={attachmentHref(resolution.id, attachment.id)}>
                      {attachment.name}
                    </a>
                  </td>
                  <td>
                    {FORMATS[attachment.mediaType] ?? attachment.mediaType}, {sizeText(attachment.size, i18n.language, t)}
                  </td>
                  <td>
                    <details className="attachments__hash">
                      <summary>
                        <code className="hash">{attachment.sha256.slice(0, SHORT_HASH)}…</code>{' '}
                        <span className="visually-hidden">{t('decisions.attachments.fullHash', { position: attachment.position })}</span>
                      </summary>
                      <code className="hash">{attachment.sha256}</code>
                    </details>
                  </td>
                  {editable && (
                    <td>
                      {confirming?.id === attachment.id ? (
                        <ConfirmAction
                          question={t('decisions.attachments.removeQuestion', { position: attachment.position, name: attachment.name })}
                          confirmLabel={t('decisions.attachments.removeConfirm')}
                          busy={busy}
                          error={removeFailure ? attachmentErrorText(removeFailure, t) : null}
                          onConfirm={() => void remove(attachment)}
                          onCancel={() => {
                            setConfirming(null);
                            setRemoveFailure(null);
                            setFocusTarget(removeId);
                          }}
                        />
                      ) : (
                        <button
                          type="button"
                          id={removeId}
                          className="button button--small"
                          aria-label={t('decisions.attachments.removeFor', { position: attachment.position, name: attachment.name })}
                          onClick={() => {
                            setRemoveFailure(null);
                            setConfirming(attachment);
                          }}
                        >
                          {t('decisions.attachments.remove')}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </TableRegion>
      )}
      {resolution.state !== 'draft' && <p className="field__hint">{t('decisions.attachments.frozen')}</p>}
      {editable && (
        <form className="form" onSubmit={(event) => void upload(event)} noValidate aria-labelledby={`${id}-upload-heading`}>
          <Subheading id={`${id}-upload-heading`}>{t('decisions.attachments.uploadHeading')}</Subheading>
          <ErrorMessage message={failure ? attachmentErrorText(failure, t) : null} />
          <FileField
            id={`${id}-file`}
            inputRef={fileInput}
            label={t('decisions.attachments.fileLabel')}
            hint={t('decisions.attachments.fileHint')}
            error={fileError ?? undefined}
            accept={ATTACHMENT_ACCEPT}
            file={file}
            onChange={(chosen) => {
              setFile(chosen);
              setFileError(null);
            }}
          />
          <SubmitButton busy={busy} label={t('decisions.attachments.upload')} busyLabel={t('decisions.attachments.uploading')} />
        </form>
      )}
    </section>
  );
}
