import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_ACCESS_LEVELS, type DocumentAccess } from '@commonplan/domain';
import { errorText, fieldErrorsOf, formErrorText } from '../../api/error-text';
import type { Organisation, Person } from '../../api/types';
import { useApiData } from '../../api/useApiData';
import { formatDateTime } from '../../i18n/format';
import { DateField } from '../../ui/DateField';
import { ErrorMessage, StatusMessage } from '../../ui/Messages';
import { SelectField } from '../../ui/SelectField';
import { SubmitButton } from '../../ui/SubmitButton';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import {
  endOfDayInWarsaw,
  type Grantee,
  grantAccess,
  type OrganisationGrant,
  type PersonGrant,
  revokeAccess,
  type Sharing,
  sharingPath,
} from './sharing-api';

/** The levels from the least, as offered in the form. */
const LEVELS = [...DOCUMENT_ACCESS_LEVELS].reverse();

interface Row {
  key: string;
  grantee: Grantee;
  name: string;
  about: string;
  grant: PersonGrant | OrganisationGrant;
}

/**
 * The document's sharing (coordinators): who was given access beyond what roles give (people and whole
 * organisations), at which level and until when (on Warsaw's clock); revoking; giving access to a person or an
 * organisation, optionally until a day (ad-hoc experts).
 */
export function SharingPanel({ workspaceId, documentId }: { workspaceId: string; documentId: string }) {
  const { t, i18n } = useTranslation();
  const sharing = useApiData<Sharing>(sharingPath(documentId));
  const people = useApiData<Person[]>(`/workspaces/${workspaceId}/people`);
  const organisations = useApiData<Organisation[]>(`/workspaces/${workspaceId}/organisations`);
  const [notice, setNotice] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);

  const rows: Row[] = [
    ...(sharing.data?.organisations ?? []).map((grant) => ({
      key: `organisation:${grant.organisationId}`,
      grantee: { type: 'organisation' as const, id: grant.organisationId },
      name: grant.name,
      about: t('document.sharing.organisationAbout', { count: grant.members }),
      grant,
    })),
    ...(sharing.data?.people ?? []).map((grant) => ({
      key: `person:${grant.userId}`,
      grantee: { type: 'person' as const, id: grant.userId },
      name: grant.displayName,
      about: grant.active && grant.role ? t(`roles.${grant.role}`) : t('document.sharing.inactivePerson'),
      grant,
    })),
  ];

  async function revoke(row: Row) {
    if (revoking) return;
    setRevoking(row.key);
    setFailure(null);
    setNotice(null);
    try {
      await revokeAccess(documentId, row.grantee);
      setNotice(t('document.sharing.revoked', { name: row.name }));
      sharing.reload();
      // The button is gone with its row: the list's heading takes the focus.
      listHeading.current?.focus();
    } catch (error) {
      setFailure(error);
    } finally {
      setRevoking(null);
    }
  }

  function untilText(grant: PersonGrant | OrganisationGrant) {
    if (!grant.expiresAt) return t('document.sharing.noEnd');
    const date = formatDateTime(grant.expiresAt, i18n.language);
    return grant.expired ? t('document.sharing.ended', { date }) : t('document.sharing.until', { date });
  }

  return (
    <section aria-labelledby="sharing-heading" className="side-panel">
      <h2 id="sharing-heading">{t('document.sharing.heading')}</h2>
      <p className="muted">{t('document.sharing.defaults')}</p>
      <StatusMessage message={notice} />
      <h3 id="sharing-now-heading" ref={listHeading} tabIndex={-1}>
        {t('document.sharing.now')}
      </h3>
      <ErrorMessage message={failure ? errorText(failure, t) : sharing.error ? errorText(sharing.error, t) : null} />
      {rows.length === 0 ? (
        <p className="muted">{sharing.data ? t('document.sharing.none') : sharing.loading ? t('document.sharing.loading') : null}</p>
      ) : (
        <ul className="versions" aria-labelledby="sharing-now-heading">
          {rows.map((row) => (
            <li key={row.key}>
              <strong>{row.name}</strong> <span className="muted">({row.about})</span>
              <span className="versions__meta">
                {t(`document.sharing.levels.${row.grant.access}`)}
                {' · '}
                {untilText(row.grant)}
                {row.grant.grantedBy && ` · ${t('document.sharing.grantedBy', { name: row.grant.grantedBy.displayName })}`}
              </span>
              <button
                type="button"
                className="button button--small"
                aria-label={t('document.sharing.revokeFor', { name: row.name })}
                aria-disabled={revoking !== null}
                onClick={() => void revoke(row)}
              >
                {revoking === row.key ? t('document.sharing.revoking') : t('document.sharing.revoke')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <GrantForm
        documentId={documentId}
        people={people.data ?? []}
        organisations={organisations.data ?? []}
        onGranted={(name, access) => {
          setFailure(null);
          setNotice(t('document.sharing.granted', { name, level: t(`document.sharing.levels.${access}`) }));
          sharing.reload();
        }}
      />
    </section>
  );
}

interface GrantFormProps {
  documentId: string;
  people: Person[];
  organisations: Organisation[];
  onGranted: (name: string, access: DocumentAccess) => void;
}

/** Gives a person or a whole organisation a level of access, optionally until the end of a day in Warsaw. */
export function GrantForm({ documentId, people, organisations, onGranted }: GrantFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [type, setType] = useState<Grantee['type']>('person');
  const [granteeId, setGranteeId] = useState('');
  const [access, setAccess] = useState<DocumentAccess>('edit');
  const [endDay, setEndDay] = useState('');
  const [errors, setErrors] = useState<{ grantee?: string; expiresAt?: string }>({});
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useFocusFirstError(form, errors, attempt);

  // Coordinators always edit, and deactivated people have no access: neither needs a grant.
  const choices =
    type === 'person'
      ? people
          .filter((p) => p.active && p.role !== 'coordinator')
          .map((p) => ({
            value: p.userId,
            label: p.organisation
              ? t('document.sharing.personWithOrganisation', { name: p.displayName, role: t(`roles.${p.role}`), organisation: p.organisation.name })
              : t('document.sharing.personWithRole', { name: p.displayName, role: t(`roles.${p.role}`) }),
          }))
      : organisations.map((o) => ({ value: o.id, label: o.name }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const end = endDay ? endOfDayInWarsaw(endDay) : null;
    const problems = {
      grantee: granteeId ? undefined : t(type === 'person' ? 'document.sharing.personRequired' : 'document.sharing.organisationRequired'),
      expiresAt: endDay && (!end || end.getTime() <= Date.now()) ? t('document.sharing.endInPast') : undefined,
    };
    setErrors(problems);
    setAttempt((n) => n + 1);
    setFailure(null);
    if (problems.grantee || problems.expiresAt) return;
    const name =
      (type === 'person' ? people.find((p) => p.userId === granteeId)?.displayName : organisations.find((o) => o.id === granteeId)?.name) ?? '';
    setBusy(true);
    try {
      await grantAccess(documentId, { type, id: granteeId }, access, end ? end.toISOString() : null);
      setGranteeId('');
      setEndDay('');
      onGranted(name, access);
    } catch (error) {
      setFailure(error);
      if (fieldErrorsOf(error, t).expiresAt) {
        setErrors({ expiresAt: t('document.sharing.endInPast') });
        setAttempt((n) => n + 1);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={form} className="form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('document.sharing.give')}</h3>
      <ErrorMessage message={formErrorText(failure, t)} />
      <SelectField
        id={`${id}-type`}
        label={t('document.sharing.type')}
        value={type}
        onChange={(value) => {
          setType(value as Grantee['type']);
          setGranteeId('');
          setErrors({});
        }}
        options={[
          { value: 'person', label: t('document.sharing.toPerson') },
          { value: 'organisation', label: t('document.sharing.toOrganisation') },
        ]}
      />
      <SelectField
        id={`${id}-grantee`}
        label={type === 'person' ? t('document.sharing.person') : t('document.sharing.organisation')}
        hint={type === 'organisation' ? t('document.sharing.organisationHint') : undefined}
        placeholder={type === 'person' ? t('document.sharing.choosePerson') : t('document.sharing.chooseOrganisation')}
        value={granteeId}
        onChange={setGranteeId}
        options={choices}
        error={errors.grantee}
        required
      />
      <SelectField
        id={`${id}-access`}
        label={t('document.sharing.level')}
        value={access}
        onChange={(value) => setAccess(value as DocumentAccess)}
        options={LEVELS.map((level) => ({ value: level, label: t(`document.sharing.levels.${level}`) }))}
      />
      <DateField
        id={`${id}-end`}
        label={t('document.sharing.end')}
        hint={type === 'person' ? t('document.sharing.endHintPerson') : t('document.sharing.endHintOrganisation')}
        error={errors.expiresAt}
        value={endDay}
        onChange={setEndDay}
      />
      <SubmitButton busy={busy} label={t('document.sharing.submit')} busyLabel={t('document.sharing.saving')} />
    </form>
  );
}
