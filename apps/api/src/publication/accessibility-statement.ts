import audit from './accessibility-audit.json';
import type { PublicAssociation } from './public-site.service';

/** The measured state: the axe-core checks of the last browser-suite run recorded (tools/accessibility-audit.mjs). */
export interface AccessibilityAudit {
  checkedAt: string;
  standard: string;
  tool: string;
  checks: number;
  pages: Array<{ path: string; checks: number; violations: string[] }>;
}

export interface AccessibilityStatement {
  association: PublicAssociation;
  siteUrl: string;
  publishedOn: string;
  preparedOn: string;
  status: 'compliant' | 'partially_compliant';
  audit: AccessibilityAudit;
}

/** The audit the product was built with (apps/api/src/publication/accessibility-audit.json). */
export const RECORDED_AUDIT: AccessibilityAudit = audit;

/** The date in Warsaw (YYYY-MM-DD) of an instant. */
const warsawDate = (at: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Warsaw' }).format(at);

/**
 * The accessibility statement (deklaracja dostępności, ustawa z 4 kwietnia 2019 r. o dostępności cyfrowej) filled from
 * the association's details and the product's measured state: compliant only while no checked page has a violation,
 * otherwise partially compliant with the failing rules listed per page. Its date is the later of the last check and the
 * last change of the association's details; the statutory text around these facts is the web app's (i18n).
 */
export function accessibilityStatement(
  association: PublicAssociation & { createdAt: Date; updatedAt: Date | null },
  siteUrl: string,
  measured: AccessibilityAudit = RECORDED_AUDIT,
): AccessibilityStatement {
  const { createdAt, updatedAt, ...details } = association;
  const checked = new Date(measured.checkedAt);
  const prepared = updatedAt && updatedAt > checked ? updatedAt : checked;
  return {
    association: details,
    siteUrl,
    publishedOn: warsawDate(createdAt),
    preparedOn: warsawDate(prepared),
    status: measured.pages.every((page) => page.violations.length === 0) ? 'compliant' : 'partially_compliant',
    audit: measured,
  };
}
