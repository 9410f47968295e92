// Members' statements and membership fees (issue 15) as the API answers them (apps/api/src/projects/statements): each
// member's fee, own contribution to each joint project, external funds and leverage year by year, and the fees
// coordinators set for a year. Money is text in złoty ("12500.00"), sent as typed and shown without a float.
import { type Role, warsawDay } from '@commonplan/domain';
import { api } from '../../api/client';
import type { components } from '../../api/schema';

type Schemas = components['schemas'];

/** GET /api/workspaces/:id/members/:organisationId/statement. */
export type MemberStatement = Schemas['MemberStatementDto'];
export type StatementYear = Schemas['StatementYearDto'];
export type StatementLine = Schemas['StatementLineDto'];
/** GET and PUT /api/workspaces/:id/membership-fees/:year: the year's fees, by the member's name. */
export type Fee = Schemas['FeeDto'];
export type FeeInput = Schemas['FeeInputDto'];

/** The files a statement comes as (statement.pdf, statement.xlsx). */
export const STATEMENT_FORMATS = ['pdf', 'xlsx'] as const;
export type StatementFormat = (typeof STATEMENT_FORMATS)[number];

/** The years a fee can be set for (the API's limits). */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

export const statementPath = (workspaceId: string, organisationId: string) => `/workspaces/${workspaceId}/members/${organisationId}/statement`;
export const feesPath = (workspaceId: string, year: number) => `/workspaces/${workspaceId}/membership-fees/${year}`;

/** A member's statement page; without a member, the page where one is chosen (coordinators, experts, observers). */
export const memberPage = (workspaceId: string, organisationId?: string | null) =>
  organisationId ? `/w/${workspaceId}/projects/members/${organisationId}` : `/w/${workspaceId}/projects/members`;
export const feesPage = (workspaceId: string) => `/w/${workspaceId}/projects/fees`;

/** GET /api/workspaces/:id/members/:organisationId/statement.{pdf,xlsx}?lang=pl|en: the statement as a file, in the reader's language. */
export function statementFileUrl(workspaceId: string, organisationId: string, format: StatementFormat, language: string): string {
  return `/api${statementPath(workspaceId, organisationId)}.${format}?lang=${language === 'en' ? 'en' : 'pl'}`;
}

/** PUT /api/workspaces/:id/membership-fees/:year: the list replaces the year's fees; the answer is the year's fees. */
export const putFees = (workspaceId: string, year: number, fees: FeeInput[]): Promise<Fee[]> => api.put<Fee[]>(feesPath(workspaceId, year), { fees });

/** The year it is now in Warsaw. */
export const warsawYear = (now: Date = new Date()): number => Number(warsawDay(now).slice(0, 4));

/** Roles that read every member's statement and choose the member on the page (representatives read their own). */
export const readsAllStatements = (role: Role): boolean => role === 'coordinator' || role === 'expert' || role === 'observer';
