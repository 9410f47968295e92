import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DOCUMENT_KINDS, type DocumentKind } from '@commonplan/domain';
import { fieldErrorsOf, formErrorText } from '../../api/error-text';
import { FileField } from '../../ui/FileField';
import { ErrorMessage } from '../../ui/Messages';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { IMPORT_EXTENSIONS, IMPORT_MAX_BYTES, importDocument } from './document-files-api';
import { SubmitButton } from '../../ui/SubmitButton';

/** A Word or Markdown file as a new document of the workspace; the new document opens when it is ready. */
export function ImportForm({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<DocumentKind>('strategy');
  const [title, setTitle] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const problem = !file
      ? t('files.import.fileRequired')
      : !IMPORT_EXTENSIONS.some((extension) => file.name.toLowerCase().endsWith(extension))
        ? t('files.import.fileType')
        : file.size > IMPORT_MAX_BYTES
          ? t('files.import.fileTooBig')
          : null;
    setFileError(problem);
    setFailure(null);
    if (problem || !file) {
      fileInput.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const created = await importDocument(workspaceId, file, kind, title);
      void navigate(`/w/${workspaceId}/d/${created.id}`);
    } catch (error) {
      setFailure(error);
      const fieldError = fieldErrorsOf(error, t).file;
      if (fieldError) setFileError(t('files.import.fileUnreadable'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form form--inline-block" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('files.import.heading')}</h3>
      <ErrorMessage message={fileError ? null : formErrorText(failure, t)} />
      <FileField
        id={`${id}-file`}
        inputRef={fileInput}
        label={t('files.import.file')}
        hint={t('files.import.fileHint')}
        error={fileError ?? undefined}
        accept=".docx,.md,.markdown,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/markdown"
        file={file}
        onChange={setFile}
      />
      <SelectField
        id={`${id}-kind`}
        label={t('files.import.kind')}
        value={kind}
        onChange={(value) => setKind(value as DocumentKind)}
        options={DOCUMENT_KINDS.map((value) => ({ value, label: t(`documentKinds.${value}`) }))}
      />
      <TextField id={`${id}-title`} label={t('files.import.title')} hint={t('files.import.titleHint')} value={title} onChange={setTitle} />
      <SubmitButton busy={busy} label={t('files.import.submit')} busyLabel={t('files.import.busy')} />
    </form>
  );
}
