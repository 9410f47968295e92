import type { TFunction } from 'i18next';
import { organisationKindForRole, ROLES, type Role } from '@commonplan/domain';
import type { Organisation } from '../../api/types';
import type { SelectOption } from '../../ui/SelectField';

export function roleOptions(t: TFunction): SelectOption[] {
  return ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
}

/** The organisations a role may speak for: members for a representative, partners for a partner, none otherwise. */
export function organisationOptions(role: Role, organisations: Organisation[]): SelectOption[] {
  const kind = organisationKindForRole(role);
  if (kind === null) return [];
  return organisations.filter((o) => o.kind === kind).map((o) => ({ value: o.id, label: o.name }));
}
