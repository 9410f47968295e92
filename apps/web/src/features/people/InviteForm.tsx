import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isRole, organisationKindForRole, type Role } from '@commonplan/domain';
import type { Organisation } from '../../api/types';
import { ErrorMessage } from '../../ui/Messages';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { emailError, problems } from '../auth/validation';
import type { InviteValues } from './people-api';
import { organisationOptions, roleOptions } from './role-options';

export interface InviteFormProps {
  /** Members and partners of the workspace; the select offers those that fit the chosen role. */
  organisations: Organisation[];
  /** Resolves true when the invitation went out, which clears the form. */
  onSubmit: (values: InviteValues) => Promise<boolean> | void;
  busy?: boolean;
  error?: string | null;
  fieldErrors?: Record<string, string>;
}

const EMPTY = { email: '', displayName: '', role: 'expert' as Role, organisationId: '' };

export function InviteForm({ organisations, onSubmit, busy = false, error = null, fieldErrors = {} }: InviteFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState(EMPTY);
  const [ownErrors, setOwnErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const errors = { ...fieldErrors, ...ownErrors };
  useFocusFirstError(form, errors, attempt);
  const needsOrganisation = organisationKindForRole(values.role) !== null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found = problems({
      email: emailError(values.email, t),
      organisationId: needsOrganisation && !values.organisationId ? t('errors.field.organisationRequired') : undefined,
    });
    setOwnErrors(found);
    setAttempt((a) => a + 1);
    if (Object.keys(found).length > 0) return;
    const sent = await onSubmit({
      email: values.email.trim(),
      role: values.role,
      organisationId: needsOrganisation ? values.organisationId : null,
      ...(values.displayName.trim() ? { displayName: values.displayName.trim() } : {}),
    });
    if (sent) setValues(EMPTY);
  }

  return (
    <form ref={form} onSubmit={(event) => void submit(event)} noValidate className="form">
      <ErrorMessage message={error} />
      <div className="form__row">
        <TextField
          id="invite-email"
          label={t('people.invite.email')}
          type="email"
          autoComplete="off"
          required
          value={values.email}
          onChange={(email) => setValues((v) => ({ ...v, email }))}
          error={errors.email}
        />
        <TextField
          id="invite-name"
          label={t('people.invite.displayName')}
          autoComplete="off"
          value={values.displayName}
          onChange={(displayName) => setValues((v) => ({ ...v, displayName }))}
          error={errors.displayName}
        />
      </div>
      <div className="form__row">
        <SelectField
          id="invite-role"
          label={t('people.invite.role')}
          value={values.role}
          options={roleOptions(t)}
          onChange={(role) => isRole(role) && setValues((v) => ({ ...v, role, organisationId: '' }))}
          error={errors.role}
          required
        />
        {needsOrganisation && (
          <SelectField
            id="invite-organisation"
            label={t('people.invite.organisation')}
            value={values.organisationId}
            placeholder={t('people.invite.chooseOrganisation')}
            options={organisationOptions(values.role, organisations)}
            onChange={(organisationId) => setValues((v) => ({ ...v, organisationId }))}
            error={errors.organisationId}
            required
          />
        )}
      </div>
      <button type="submit" className="button button--primary" aria-disabled={busy}>
        {busy ? t('people.invite.sending') : t('people.invite.submit')}
      </button>
    </form>
  );
}
