import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CONSULTATION_TIME_ZONE,
  DEFAULT_LEGAL_BASIS,
  defaultClosesAt,
  periodStart,
  ROUND_AUDIENCES,
  ROUND_CHANNELS,
  type RoundAudience,
  type RoundChannel,
  statutoryPeriod,
  timetableWarnings,
} from '@commonplan/domain';
import type { DocumentSummary } from '../../api/types';
import { useApiData } from '../../api/useApiData';
import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { DateTimeField, fromLocalInput, toLocalInput } from '../../ui/DateTimeField';
import { ErrorMessage } from '../../ui/Messages';
import { SelectField } from '../../ui/SelectField';
import { SubmitButton } from '../../ui/SubmitButton';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { type VersionSummary, versionsPath } from '../versions/versions-api';
import { type CreateRoundValues, isPublicationUrl, urlsOfLines } from './rounds-api';

export interface RoundFormProps {
  /** The workspace's documents (archived ones are not offered). */
  documents: DocumentSummary[];
  /** A document and version chosen beforehand ("Konsultuj tę wersję" in a document's versions panel). */
  initial?: { documentId?: string; versionId?: string };
  onSubmit: (values: CreateRoundValues) => Promise<unknown> | void;
  busy?: boolean;
  error?: string | null;
  fieldErrors?: Record<string, string>;
  /** When the form starts (tests): the round opens the next day at 9:00 by default. */
  now?: Date;
}

/** The opening time offered first: tomorrow at 9:00 in the reader's time zone. */
export function defaultOpensAt(now: Date): Date {
  const date = new Date(now);
  date.setDate(date.getDate() + 1);
  date.setHours(9, 0, 0, 0);
  return date;
}

export const TIMETABLE_WARNING_ID = 'round-timetable-warning';

/**
 * The close offered for an opening: the end of the 35th day after the day the statutory period starts, counted as the
 * API counts it (periodStart: the announcement, which can be no earlier than now nor, to open as planned, later than
 * the opening).
 */
export function closeFor(opensAt: Date, now: Date): Date {
  return defaultClosesAt(periodStart({ announcedAt: null, opensAt }, now));
}

/**
 * A new consultation round (coordinators): the frozen version consulted, title, legal basis, who is asked and how,
 * where the announcement and the report are published, the timetable (closing at the end of the 35th day after the
 * announcement unless changed; a strategy's round shorter than the statutory 35 days from the announcement is warned
 * about as it is typed, not refused) and the information clause.
 */
export function RoundForm({ documents, initial = {}, onSubmit, busy = false, error = null, fieldErrors = {}, now: givenNow }: RoundFormProps) {
  const { t, i18n } = useTranslation();
  const [now] = useState(() => givenNow ?? new Date());
  const [start] = useState(() => defaultOpensAt(now));
  const [values, setValues] = useState({
    documentId: initial.documentId ?? '',
    versionId: initial.versionId ?? '',
    title: '',
    legalBasis: DEFAULT_LEGAL_BASIS,
    audiences: [...ROUND_AUDIENCES] as string[],
    channels: ['online_form', 'email'] as string[],
    opensAt: toLocalInput(start),
    closesAt: toLocalInput(closeFor(start, now)),
    informationClause: '',
    announcementUrls: '',
    reportUrls: '',
  });
  // Until the closing time is changed by hand, it follows the opening time (the end of the 35th day after it).
  const [closesEdited, setClosesEdited] = useState(false);
  const [ownErrors, setOwnErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const errors = { ...fieldErrors, ...ownErrors };
  useFocusFirstError(form, errors, attempt);

  const versions = useApiData<VersionSummary[]>(values.documentId ? versionsPath(values.documentId) : null);
  const document = documents.find((d) => d.id === values.documentId);
  const opens = fromLocalInput(values.opensAt);
  const closes = fromLocalInput(values.closesAt);
  // The statutory days count from the announcement: at the earliest now, and before the opening to open as planned.
  const announcement = opens ? periodStart({ announcedAt: null, opensAt: opens }, now) : null;
  const timetable =
    announcement && closes && opens && closes.getTime() > opens.getTime()
      ? { days: statutoryPeriod(announcement, closes).days, announcedOn: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeZone: CONSULTATION_TIME_ZONE }).format(announcement) }
      : null;
  const short = document && announcement && closes && timetable ? timetableWarnings(document.kind, announcement, closes).includes('shorter_than_statutory_minimum') : false;

  const set = <K extends keyof typeof values>(key: K) => (value: (typeof values)[K]) => setValues((v) => ({ ...v, [key]: value }));

  function changeDocument(documentId: string) {
    setValues((v) => ({ ...v, documentId, versionId: documentId === initial.documentId ? (initial.versionId ?? '') : '' }));
  }

  function changeOpens(opensAt: string) {
    const date = fromLocalInput(opensAt);
    setValues((v) => ({ ...v, opensAt, closesAt: !closesEdited && date ? toLocalInput(closeFor(date, now)) : v.closesAt }));
  }

  function changeCloses(closesAt: string) {
    setClosesEdited(true);
    setValues((v) => ({ ...v, closesAt }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found: Record<string, string> = {};
    if (!values.documentId) found.documentId = t('roundForm.errors.document');
    if (!values.versionId) found.versionId = t('roundForm.errors.version');
    if (!values.title.trim()) found.title = t('roundForm.errors.title');
    if (!values.legalBasis.trim()) found.legalBasis = t('roundForm.errors.legalBasis');
    if (values.audiences.length === 0) found.audiences = t('roundForm.errors.audiences');
    if (values.channels.length === 0) found.channels = t('roundForm.errors.channels');
    if (!opens) found.opensAt = t('roundForm.errors.opensAt');
    if (!closes) found.closesAt = t('roundForm.errors.closesAt');
    else if (opens && closes.getTime() <= opens.getTime()) found.closesAt = t('roundForm.errors.closesBeforeOpens');
    const announcementUrls = urlsOfLines(values.announcementUrls);
    const reportUrls = urlsOfLines(values.reportUrls);
    for (const [field, urls] of [['announcementUrls', announcementUrls], ['reportUrls', reportUrls]] as const) {
      const wrong = urls.find((url) => !isPublicationUrl(url));
      if (wrong) found[field] = t('publication.errors.url', { url: wrong });
    }
    setOwnErrors(found);
    setAttempt((a) => a + 1);
    if (Object.keys(found).length > 0 || !opens || !closes) return;
    const clause = values.informationClause.trim();
    void onSubmit({
      documentId: values.documentId,
      versionId: values.versionId,
      title: values.title.trim(),
      legalBasis: values.legalBasis.trim(),
      audiences: values.audiences as RoundAudience[],
      channels: values.channels as RoundChannel[],
      opensAt: opens.toISOString(),
      closesAt: closes.toISOString(),
      ...(clause ? { informationClause: clause } : {}),
      ...(announcementUrls.length ? { announcementUrls } : {}),
      ...(reportUrls.length ? { reportUrls } : {}),
    });
  }

  const documentOptions = documents.filter((d) => d.status !== 'archived').map((d) => ({ value: d.id, label: d.title }));
  const versionList = versions.data ?? [];
  const versionOptions = versionList.map((v) => ({ value: v.id, label: t('versions.numbered', { number: v.number, name: v.name }) }));
  const noVersions = values.documentId !== '' && versions.data !== null && versionList.length === 0;

  return (
    <form ref={form} onSubmit={submit} noValidate className="form round-form">
      <ErrorMessage message={error} />
      <p className="field__hint">{t('roundForm.intro')}</p>
      <div className="form__row">
        <SelectField
          id="round-document"
          label={t('roundForm.document')}
          value={values.documentId}
          placeholder={t('roundForm.chooseDocument')}
          options={documentOptions}
          onChange={changeDocument}
          error={errors.documentId}
          required
        />
        <SelectField
          id="round-version"
          label={t('roundForm.version')}
          value={values.versionId}
          placeholder={values.documentId ? (versions.loading && !versions.data ? t('versions.loading') : t('roundForm.chooseVersion')) : t('roundForm.chooseDocumentFirst')}
          options={versionOptions}
          onChange={set('versionId')}
          error={errors.versionId}
          required
        />
      </div>
      <div role="status" className="live">
        {noVersions && <p className="field__hint">{t('roundForm.noVersions')}</p>}
      </div>
      <TextField id="round-title" label={t('roundForm.title')} hint={t('roundForm.titleHint')} value={values.title} onChange={set('title')} error={errors.title} required />
      <TextAreaField id="round-legal-basis" label={t('roundForm.legalBasis')} value={values.legalBasis} onChange={set('legalBasis')} error={errors.legalBasis} rows={2} required />
      <CheckboxGroup
        id="round-audiences"
        legend={t('roundForm.audiences')}
        options={ROUND_AUDIENCES.map((audience) => ({ value: audience, label: t(`rounds.audiences.${audience}`) }))}
        values={values.audiences}
        onChange={set('audiences')}
        error={errors.audiences}
      />
      <CheckboxGroup
        id="round-channels"
        legend={t('roundForm.channels')}
        hint={t('roundForm.channelsHint')}
        options={ROUND_CHANNELS.map((channel) => ({ value: channel, label: t(`rounds.channels.${channel}`) }))}
        values={values.channels}
        onChange={set('channels')}
        error={errors.channels}
      />
      <fieldset className="choices">
        <legend>{t('roundForm.timetable')}</legend>
        <div className="form__row">
          <DateTimeField id="round-opens" label={t('roundForm.opensAt')} hint={t('roundForm.opensHint')} value={values.opensAt} onChange={changeOpens} error={errors.opensAt} required />
          <DateTimeField
            id="round-closes"
            label={t('roundForm.closesAt')}
            hint={t('roundForm.closesHint')}
            value={values.closesAt}
            onChange={changeCloses}
            error={errors.closesAt}
            describedBy={short ? TIMETABLE_WARNING_ID : undefined}
            required
          />
        </div>
        {timetable && <p className="field__hint">{t('roundForm.duration', { days: timetable.days, date: timetable.announcedOn })}</p>}
        {/* Always in the page, so that the warning is announced when it appears. */}
        <div role="status" className="live">
          {short && timetable && (
            <p id={TIMETABLE_WARNING_ID} className="notice notice--warning">
              <strong>{t('roundForm.warningLabel')} </strong>
              {t('roundForm.shortWarning', { days: timetable.days })}
            </p>
          )}
        </div>
      </fieldset>
      <fieldset className="choices">
        <legend>{t('publication.legend')}</legend>
        <TextAreaField
          id="round-announcement-urls"
          label={t('publication.announcementUrls')}
          hint={t('publication.urlsHint')}
          value={values.announcementUrls}
          onChange={set('announcementUrls')}
          error={errors.announcementUrls}
          rows={2}
        />
        <TextAreaField id="round-report-urls" label={t('publication.reportUrls')} hint={t('publication.urlsHint')} value={values.reportUrls} onChange={set('reportUrls')} error={errors.reportUrls} rows={2} />
      </fieldset>
      <TextAreaField
        id="round-clause"
        label={t('roundForm.clause')}
        hint={t('roundForm.clauseHint')}
        value={values.informationClause}
        onChange={set('informationClause')}
        error={errors.informationClause}
        rows={5}
      />
      <SubmitButton busy={busy} label={t('roundForm.submit')} busyLabel={t('roundForm.saving')} />
    </form>
  );
}
