import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEFAULT_LEGAL_BASIS,
  defaultClosesAt,
  periodStart,
  ROUND_AUDIENCES,
  ROUND_CHANNELS,
  type RoundAudience,
  type RoundChannel,
  statutoryPeriod,
  timetableWarnings,
  warsawDay,
  warsawTime,
} from '@commonplan/domain';
import type { DocumentKind } from '@commonplan/domain';
import type { DocumentSummary } from '../../api/types';
import { useApiData } from '../../api/useApiData';
import { formatLongDate } from '../../i18n/format';
import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { DateTimeField, fromLocalInput, toLocalInput } from '../../ui/DateTimeField';
import { ErrorMessage } from '../../ui/Messages';
import { SelectField } from '../../ui/SelectField';
import { SubmitButton } from '../../ui/SubmitButton';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { type VersionSummary, versionsPath } from '../versions/versions-api';
import { type CreateRoundValues, isPublicationUrl, type Round, type RoundChanges, urlsOfLines } from './rounds-api';

interface CommonProps {
  busy?: boolean;
  error?: string | null;
  fieldErrors?: Record<string, string>;
  /** When the form starts (tests): a new round opens the next day at 9:00 by default. */
  now?: Date;
}

/** A new round. */
interface CreateProps extends CommonProps {
  editing?: undefined;
  /** The workspace's documents (archived ones are not offered). */
  documents: DocumentSummary[];
  /** A document and version chosen beforehand ("Konsultuj tę wersję" in a document's versions panel). */
  initial?: { documentId?: string; versionId?: string };
  onSubmit: (values: CreateRoundValues) => Promise<unknown> | void;
}

/** A draft or announced round's changes: the version consulted stays, the publication addresses have their own form. */
interface EditProps extends CommonProps {
  editing: Round;
  /** Only the fields changed. */
  onSave: (changes: RoundChanges) => Promise<unknown> | void;
  onCancel: () => void;
}

export type RoundFormProps = CreateProps | EditProps;

interface FormValues {
  documentId: string;
  versionId: string;
  title: string;
  legalBasis: string;
  audiences: string[];
  channels: string[];
  opensAt: string;
  closesAt: string;
  informationClause: string;
  announcementUrls: string;
  reportUrls: string;
}

/** The fields of a round's announcement a coordinator changes, as the API names them (RoundChanges). */
const EDITABLE = ['title', 'legalBasis', 'audiences', 'channels', 'opensAt', 'closesAt', 'informationClause'] as const;

/** The opening time offered first: tomorrow at 9:00 in Polish time. */
export function defaultOpensAt(now: Date): Date {
  const tomorrow = new Date(Date.parse(`${warsawDay(now)}T00:00:00.000Z`) + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  return warsawTime(tomorrow, 9, 0);
}

export const TIMETABLE_WARNING_ID = 'round-timetable-warning';

/** The heading that names the form changing a round (its page draws it). */
export const EDIT_HEADING_ID = 'round-edit-heading';

/**
 * The close offered for an opening: the end of the 35th day after the day the statutory period starts, counted as the
 * API counts it (periodStart: the announcement, which can be no earlier than now nor, to open as planned, later than
 * the opening).
 */
export function closeFor(opensAt: Date, now: Date): Date {
  return defaultClosesAt(periodStart({ announcedAt: null, opensAt }, now));
}

/** The form's starting values: a round's own when it is changed, the act's defaults for a new one. */
function startingValues(props: RoundFormProps, now: Date): FormValues {
  const round = props.editing;
  if (round) {
    return {
      documentId: round.document.id,
      versionId: round.version.id,
      title: round.title,
      legalBasis: round.legalBasis,
      audiences: [...round.audiences],
      channels: [...round.channels],
      opensAt: toLocalInput(new Date(round.opensAt)),
      closesAt: toLocalInput(new Date(round.closesAt)),
      informationClause: round.informationClause,
      announcementUrls: '',
      reportUrls: '',
    };
  }
  const start = defaultOpensAt(now);
  return {
    documentId: props.initial?.documentId ?? '',
    versionId: props.initial?.versionId ?? '',
    title: '',
    legalBasis: DEFAULT_LEGAL_BASIS,
    audiences: [...ROUND_AUDIENCES],
    channels: ['online_form', 'email'],
    opensAt: toLocalInput(start),
    closesAt: toLocalInput(closeFor(start, now)),
    informationClause: '',
    announcementUrls: '',
    reportUrls: '',
  };
}

/**
 * A new consultation round (coordinators): the frozen version consulted, title, legal basis, who is asked and how,
 * where the announcement and the report are published, the timetable (closing at the end of the 35th day after the
 * announcement unless changed; a strategy's round shorter than the statutory 35 days from the announcement is warned
 * about as it is typed, not refused) and the information clause. With `editing`, the same form changes a draft or
 * announced round: prefilled with its values, the version consulted shown but fixed, only the changed fields sent.
 */
export function RoundForm(props: RoundFormProps) {
  const { busy = false, error = null, fieldErrors = {}, now: givenNow, editing } = props;
  const documents = props.editing ? [] : props.documents;
  const initial = props.editing ? {} : (props.initial ?? {});
  const { t, i18n } = useTranslation();
  const [now] = useState(() => givenNow ?? new Date());
  const [initialValues] = useState(() => startingValues(props, now));
  const [values, setValues] = useState(initialValues);
  // Until the closing time is changed by hand, it follows the opening time (the end of the 35th day after it); a
  // round's own close stays where it is.
  const [closesEdited, setClosesEdited] = useState(Boolean(editing));
  const [ownErrors, setOwnErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const errors = { ...fieldErrors, ...ownErrors };
  useFocusFirstError(form, errors, attempt);

  const versions = useApiData<VersionSummary[]>(values.documentId && !editing ? versionsPath(values.documentId) : null);
  const kind = (editing?.document.kind ?? documents.find((d) => d.id === values.documentId)?.kind) as DocumentKind | undefined;
  const opens = fromLocalInput(values.opensAt);
  const closes = fromLocalInput(values.closesAt);
  // The statutory days count from the announcement: once made, from its day; before, at the earliest now, and before
  // the opening to open as planned.
  const announcedAt = editing?.announcedAt ? new Date(editing.announcedAt) : null;
  const announcement = opens ? periodStart({ announcedAt, opensAt: opens }, now) : null;
  const timetable =
    announcement && closes && opens && closes.getTime() > opens.getTime()
      ? { days: statutoryPeriod(announcement, closes).days, announcedOn: formatLongDate(announcement, i18n.language) }
      : null;
  const short = kind && announcement && closes && timetable ? timetableWarnings(kind, announcement, closes).includes('shorter_than_statutory_minimum') : false;

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
    if (props.editing) {
      const edited: Required<RoundChanges> = {
        title: values.title.trim(),
        legalBasis: values.legalBasis.trim(),
        audiences: values.audiences as RoundAudience[],
        channels: values.channels as RoundChannel[],
        opensAt: opens.toISOString(),
        closesAt: closes.toISOString(),
        informationClause: clause,
      };
      // Only what was changed: a time the form shows to the minute is not rewritten when it was left alone.
      const changed = EDITABLE.filter((field) => String(values[field]) !== String(initialValues[field]));
      void props.onSave(Object.fromEntries(changed.map((field) => [field, edited[field]])) as RoundChanges);
      return;
    }
    void props.onSubmit({
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
    <form ref={form} onSubmit={submit} noValidate className="form round-form" aria-labelledby={editing ? EDIT_HEADING_ID : undefined}>
      <ErrorMessage message={error} />
      {editing ? (
        <>
          {editing.state === 'announced' && <p className="notice notice--warning">{t('roundForm.edit.announced')}</p>}
          <p>
            <strong>{t('rounds.facts.consulted')}: </strong>
            {t('dashboard.rounds.consulted', { document: editing.document.title, number: editing.version.number, name: editing.version.name })}
          </p>
          <p className="field__hint">{t('roundForm.edit.versionFixed')}</p>
        </>
      ) : (
        <>
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
        </>
      )}
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
        {timetable && <p className="field__hint">{t(announcedAt ? 'roundForm.edit.duration' : 'roundForm.duration', { days: timetable.days, date: timetable.announcedOn })}</p>}
        {/* Always in the page, so that the warning is announced when it appears. */}
        <div role="status" className="live">
          {short && timetable && (
            <p id={TIMETABLE_WARNING_ID} className="notice notice--warning">
              <strong>{t('roundForm.warningLabel')} </strong>
              {t(editing ? 'roundForm.edit.shortWarning' : 'roundForm.shortWarning', { days: timetable.days })}
            </p>
          )}
        </div>
      </fieldset>
      {!editing && (
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
      )}
      <TextAreaField
        id="round-clause"
        label={t('roundForm.clause')}
        hint={t('roundForm.clauseHint')}
        value={values.informationClause}
        onChange={set('informationClause')}
        error={errors.informationClause}
        rows={5}
      />
      {props.editing ? (
        <div className="form__actions">
          <SubmitButton busy={busy} label={t('roundForm.edit.submit')} busyLabel={t('roundForm.edit.saving')} />
          <button type="button" className="button" onClick={props.onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      ) : (
        <SubmitButton busy={busy} label={t('roundForm.submit')} busyLabel={t('roundForm.saving')} />
      )}
    </form>
  );
}
