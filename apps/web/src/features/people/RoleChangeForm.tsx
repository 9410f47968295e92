import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isRole, organisationKindForRole, type Role } from '@commonplan/domain';
import type { Organisation, Person } from '../../api/types';
import { ErrorMessage } from '../../ui/Messages';
import { SelectField } from '../../ui/SelectField';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import type { RoleValues } from './people-api';
import { organisationOptions, roleOptions } from './role-options';

export interface RoleChangeFormProps {
  person: Person;
  organisations: Organisation[];
  onSubmit: (values: RoleValues) => void;
  onCancel: () => void;
  busy?: boolean;
  error?: string | null;
  fieldErrors?: Record<string, string>;
}

/** A person's new role and, for a representative or partner, the organisation they speak for. */
export function RoleChangeForm({ person, organisations, onSubmit, onCancel, busy = false, error = null, fieldErrors = {} }: RoleChangeFormProps) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>(person.role);
  const [organisationId, setOrganisationId] = useState(person.organisation?.id ?? '');
  const [ownErrors, setOwnErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const errors = { ...fieldErrors, ...ownErrors };
  useFocusFirstError(form, errors, attempt);
  const needsOrganisation = organisationKindForRole(role) !== null;
  const idPrefix = `role-${person.membershipId}`;

  useEffect(() => {
    form.current?.querySelector('select')?.focus();
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const problem = needsOrganisation && !organisationId ? t('errors.field.organisationRequired') : null;
    setOwnErrors(problem ? { organisationId: problem } : {});
    setAttempt((a) => a + 1);
    if (!problem) onSubmit({ role, organisationId: needsOrganisation ? organisationId : null });
  }

  function chooseRole(value: string) {
    if (!isRole(value)) return;
    setRole(value);
    const kind = organisationKindForRole(value);
    if (!organisations.some((o) => o.id === organisationId && o.kind === kind)) setOrganisationId('');
  }

  return (
    <form ref={form} onSubmit={submit} noValidate className="form form--inline" aria-label={t('people.manage.changeRoleFor', { name: person.displayName })}>
      <ErrorMessage message={error} />
      <div className="form__row">
        <SelectField id={`${idPrefix}-role`} label={t('people.manage.newRole')} value={role} options={roleOptions(t)} onChange={chooseRole} required />
        {needsOrganisation && (
          <SelectField
            id={`${idPrefix}-organisation`}
            label={t('people.invite.organisation')}
            value={organisationId}
            placeholder={t('people.invite.chooseOrganisation')}
            options={organisationOptions(role, organisations)}
            onChange={setOrganisationId}
            error={errors.organisationId}
            required
          />
        )}
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" aria-disabled={busy}>
          {t('people.manage.saveRole')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
