/** Member organisations are local governments (JST); only they vote. */
export const MEMBER_TYPES = ['gmina_miejska', 'gmina_wiejska', 'gmina_miejsko_wiejska', 'powiat', 'wojewodztwo'] as const;
export type MemberType = (typeof MEMBER_TYPES)[number];

/** Partners take part without a vote. */
export const PARTNER_TYPES = [
  'association',
  'public_agency',
  'chamber_of_commerce',
  'university',
  'consultancy',
  'international_network',
  'other',
] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

export const ORGANISATION_KINDS = ['member', 'partner'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export type OrganisationType = MemberType | PartnerType;

export function isMemberType(value: string): value is MemberType {
  return (MEMBER_TYPES as readonly string[]).includes(value);
}

export function isPartnerType(value: string): value is PartnerType {
  return (PARTNER_TYPES as readonly string[]).includes(value);
}

/** The kind an organisation type belongs to, or null when the type is unknown. */
export function kindOfType(type: string): OrganisationKind | null {
  if (isMemberType(type)) return 'member';
  if (isPartnerType(type)) return 'partner';
  return null;
}

export const DEFAULT_VOTE_WEIGHT = 1;

/**
 * Checks the fields of a member or partner: a member has a member type and a positive vote weight; a partner has a
 * partner type and no vote weight. Returns the name of the offending field and why, or null when valid.
 */
export function organisationProblem(org: {
  kind: OrganisationKind;
  type: string;
  voteWeight?: number | null;
  population?: number | null;
}): { field: string; message: string } | null {
  const typeKind = kindOfType(org.type);
  if (typeKind === null) return { field: 'type', message: `type "${org.type}" is not a known organisation type` };
  if (typeKind !== org.kind) {
    return { field: 'type', message: `type "${org.type}" is not a ${org.kind} type` };
  }
  if (org.kind === 'partner' && org.voteWeight != null) {
    return { field: 'voteWeight', message: 'partners have no vote weight' };
  }
  if (org.kind === 'member' && org.voteWeight != null && !(org.voteWeight > 0)) {
    return { field: 'voteWeight', message: 'voteWeight must be greater than 0' };
  }
  if (org.population != null && (!Number.isInteger(org.population) || org.population < 0)) {
    return { field: 'population', message: 'population must be a non-negative integer' };
  }
  return null;
}
