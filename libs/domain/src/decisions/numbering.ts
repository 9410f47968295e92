/**
 * Resolution numbers and titles. Numbers run per body and per calendar year from 1: "Uchwała nr 7/2026 Walnego
 * Zebrania Członków". Some associations prefix the session in Roman numerals: "Uchwała Nr XVI/3/2009".
 */

/** The standard bodies of an association of local governments; a coordinator may define others (e.g. Komisja Rewizyjna). */
export const STANDARD_BODIES = [
  { key: 'general_assembly', name: 'Walne Zebranie Członków', genitive: 'Walnego Zebrania Członków', membership: 'all_members' },
  { key: 'board', name: 'Zarząd', genitive: 'Zarządu', membership: 'chosen_members' },
] as const;

/** Who sits on a body: every member of the association, or members chosen for it. */
export const BODY_MEMBERSHIPS = ['all_members', 'chosen_members'] as const;
export type BodyMembership = (typeof BODY_MEMBERSHIPS)[number];

/** "7/2026", or with a session "XVI/7/2026". Sequence, year and session are positive whole numbers. */
export function resolutionNumber(sequence: number, year: number, session?: number): string {
  for (const [name, value] of [['sequence', sequence], ['year', year]] as const) {
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`resolutionNumber: ${name} must be a positive whole number`);
  }
  return session === undefined ? `${sequence}/${year}` : `${romanNumeral(session)}/${sequence}/${year}`;
}

/**
 * The title of a resolution: "Uchwała nr 7/2026 Walnego Zebrania Członków", with the subject when given:
 * "… w sprawie przyjęcia Strategii". The body's name comes in the genitive, as data (e.g. STANDARD_BODIES[n].genitive).
 */
export function resolutionTitle(input: { sequence: number; year: number; session?: number; bodyGenitive: string; subject?: string }): string {
  const title = `Uchwała nr ${resolutionNumber(input.sequence, input.year, input.session)} ${input.bodyGenitive.trim()}`;
  const subject = input.subject?.trim();
  return subject ? `${title} w sprawie ${subject}` : title;
}

/** The next sequence number in a body's year: one more than the highest used, 1 for the year's first resolution. */
export function nextResolutionSequence(usedThisYear: readonly number[]): number {
  return usedThisYear.reduce((highest, used) => Math.max(highest, used), 0) + 1;
}

const ROMAN: Array<[number, string]> = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

/** A session number in Roman numerals, 1 to 3999 (16 → "XVI"). */
export function romanNumeral(value: number): string {
  if (!Number.isSafeInteger(value) || value < 1 || value > 3999) throw new RangeError('romanNumeral: a whole number from 1 to 3999');
  let rest = value;
  let text = '';
  for (const [amount, letters] of ROMAN) {
    while (rest >= amount) {
      text += letters;
      rest -= amount;
    }
  }
  return text;
}
