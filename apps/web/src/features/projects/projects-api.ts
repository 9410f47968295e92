// Joint projects (issue 15) as the API answers them (apps/api/src/projects/*): the pipeline's list, a project with its
// participants, budget, each year's cost, grant, own contribution and every member's share, and its steps. Money is
// text in złoty ("1234.56"), never a float: it is only shown here, formatted without turning it into a number.
import { FINAL_STAGES, PROJECT_STAGES, type ProjectStage, WEIGHTINGS, type Weighting } from '@commonplan/domain';
import { api } from '../../api/client';
import type { components } from '../../api/schema';

type Schemas = components['schemas'];

/** GET /api/workspaces/:id/projects: the workspace's projects, the latest changed first. */
export type ProjectSummary = Schemas['ProjectSummaryDto'];
/** GET /api/projects/:id, and the answer of a change or a step. */
export type Project = Schemas['ProjectDto'];
export type ProjectYear = Schemas['ProjectYearDto'];
export type ProjectStep = Schemas['ProjectStepViewDto'];

export { PROJECT_STAGES, WEIGHTINGS };
export type { ProjectStage, Weighting };

/** The cost categories of a budget line, as the API takes them (apps/api/src/projects/project.dto.ts). */
export const BUDGET_CATEGORIES = ['works', 'equipment', 'services', 'staff', 'promotion', 'other'] as const satisfies readonly Schemas['BudgetLineDto']['category'][];
export type BudgetCategory = (typeof BUDGET_CATEGORIES)[number];

/** Stages a project is moved to only on an adopted resolution of the workspace (libs/domain STAGES_NEEDING_RESOLUTION). */
export const needsResolution = (stage: string) => stage === 'approved';

export const isStage = (value: unknown): value is ProjectStage => typeof value === 'string' && (PROJECT_STAGES as readonly string[]).includes(value);

/** A refused, withdrawn or settled project no longer changes (the API answers a change with 409 project_closed). */
export const isClosed = (stage: string) => (FINAL_STAGES as readonly string[]).includes(stage);

export const projectsPath = (workspaceId: string) => `/workspaces/${workspaceId}/projects`;
export const projectPath = (projectId: string) => `/projects/${projectId}`;
export const organisationsPath = (workspaceId: string) => `/workspaces/${workspaceId}/organisations`;

export const projectsPage = (workspaceId: string) => `/w/${workspaceId}/projects`;
export const newProjectPage = (workspaceId: string) => `/w/${workspaceId}/projects/new`;
export const projectPage = (workspaceId: string, projectId: string) => `/w/${workspaceId}/projects/${projectId}`;
export const editProjectPage = (workspaceId: string, projectId: string) => `/w/${workspaceId}/projects/${projectId}/edit`;
/** The navigation state with which the edit page opens the project's page after a save: the page says it was saved. */
export const SAVED_STATE = { notice: 'projects.edit.saved' } as const;
/** The funding calls the workspace follows (GET /api/workspaces/:id/funding-calls) and their page. */
export const fundingCallsPath = (workspaceId: string) => `/workspaces/${workspaceId}/funding-calls`;
export const fundingCallsPage = (workspaceId: string) => `/w/${workspaceId}/projects/calls`;

/**
 * POST /api/workspaces/:id/projects (CreateProjectDto), and PATCH /api/projects/:id (UpdateProjectDto) with the same
 * fields. The OpenAPI document types the DTO's nullable texts as objects (leaderId, coFinancingRate, the days, a
 * weight), so the calls are made with `api` and the shape is written here: amounts, rates and weights are text, exactly
 * as typed. On a change each field given replaces what was (participants, budget and indicators whole); null clears.
 */
export interface NewProject {
  title: string;
  scope?: string;
  expectedResults?: string;
  leaderId?: string | null;
  sharingKey: Weighting;
  coFinancingRate?: string | null;
  startsOn?: string | null;
  endsOn?: string | null;
  participants: Array<{ organisationId: string; customWeight?: string }>;
  /** A line in EUR gives its amount in euro with the rate (PLN per EUR) and the rate's day, all three or none. */
  budget: Array<{ year: number; category: BudgetCategory; amount: string; eurAmount?: string; eurRate?: string; eurRateOn?: string }>;
  /** The heading (anchor) of a strategy version adopted by a resolution; null: none. */
  goal?: { versionId: string; headingId: string } | null;
  /** The funding call the project is matched to; null: none. */
  callId?: string | null;
  conceptDocumentId?: string | null;
  indicatorIds?: string[];
}

export const createProject = (workspaceId: string, project: NewProject): Promise<Project> => api.post<Project>(projectsPath(workspaceId), project);

/** PATCH /api/projects/:id: the answer is the project as it is now (409 project_closed once it has ended). */
export const updateProject = (projectId: string, change: NewProject): Promise<Project> => api.patch<Project>(projectPath(projectId), change);

/** POST /api/projects/:id/steps (ProjectStepDto): the answer is the project moved. */
export interface NewStep {
  stage: ProjectStage;
  takenOn: string;
  resolutionId?: string;
  note?: string;
}

export const takeStep = (projectId: string, step: NewStep): Promise<Project> => api.post<Project>(`${projectPath(projectId)}/steps`, step);

export { formatDay } from '../../i18n/format';

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(language: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, options);
    formats.set(key, format);
  }
  return format;
}

const DECIMAL_TEXT = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * A decimal written as text ("1234.56") in the reader's language, exactly: the whole part is formatted as a bigint and
 * the digits after the point are put in as they are, so no digit is lost or rounded as a float would. `options` give
 * the style (a currency); `fractionDigits` how many digits are shown after the point at least.
 */
function formatDecimalText(text: string, language: string, options: Intl.NumberFormatOptions, fractionDigits: number): string {
  const match = DECIMAL_TEXT.exec(text.trim());
  if (!match) return text;
  const [, sign, whole, given = ''] = match;
  const fraction = given.padEnd(fractionDigits, '0');
  const integer = BigInt(whole);
  const negative = sign === '-' && /[1-9]/.test(whole + fraction);
  const format = numberFormat(language, { ...options, useGrouping: 'always', minimumFractionDigits: fraction.length, maximumFractionDigits: fraction.length });
  // A bigint has no negative zero: -1 gives the shape of a negative amount under one złoty, its whole part written 0.
  const parts = format.formatToParts(negative ? (integer === 0n ? -1n : -integer) : integer);
  return parts
    .map((part) => {
      if (part.type === 'fraction') return fraction;
      if (part.type === 'integer' && negative && integer === 0n) return '0';
      return part.value;
    })
    .join('');
}

/** "1234.56" → "1 234,56 zł" (Polish), "PLN 1,234.56" (English): an amount of the API, shown exactly. */
export function formatMoney(text: string, language: string): string {
  return formatDecimalText(text, language, { style: 'currency', currency: 'PLN' }, 2);
}

/** "586785.59" → "586 785,59 €": an amount in euro of a budget line, shown exactly. */
export function formatEuro(text: string, language: string): string {
  return formatDecimalText(text, language, { style: 'currency', currency: 'EUR' }, 2);
}

/** "85.5" → "85,5" (Polish), "1.5" → "1.5" (English): a rate or a weight as the API writes it, in the reader's language. */
export function formatDecimal(text: string, language: string): string {
  return formatDecimalText(text, language, {}, 0);
}
