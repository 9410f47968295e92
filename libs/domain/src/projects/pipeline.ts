/**
 * A joint project's pipeline (the practice's third procedure): an idea, its concept (co-drafted, consulted where
 * wanted), approval into the pipeline by a resolution of the body the statute names, the application, the funder's
 * answer, implementation and settlement. Each step is dated; the dates never go back.
 */
export const PROJECT_STAGES = ['idea', 'concept', 'approved', 'submitted', 'granted', 'refused', 'withdrawn', 'implementation', 'settled'] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];

/** Where a project may go from each stage. Withdrawing is possible until the project is settled or refused. */
const NEXT: Record<ProjectStage, readonly ProjectStage[]> = {
  idea: ['concept', 'withdrawn'],
  concept: ['approved', 'withdrawn'],
  approved: ['submitted', 'withdrawn'],
  submitted: ['granted', 'refused', 'withdrawn'],
  granted: ['implementation', 'withdrawn'],
  refused: [],
  withdrawn: [],
  implementation: ['settled', 'withdrawn'],
  settled: [],
};

/** Stages entered only on an adopted resolution (approval into the pipeline). */
export const STAGES_NEEDING_RESOLUTION: readonly ProjectStage[] = ['approved'];

/** Stages a project ends in. */
export const FINAL_STAGES: readonly ProjectStage[] = ['refused', 'withdrawn', 'settled'];

export function nextStages(stage: ProjectStage): readonly ProjectStage[] {
  return NEXT[stage];
}

export type StageStepProblem =
  | { field: 'stage'; code: 'stage_not_allowed'; message: string }
  | { field: 'date'; code: 'date_before_previous'; message: string }
  | { field: 'resolutionId'; code: 'resolution_required'; message: string };

/**
 * Whether a project at `from`, entered on `fromDate` (YYYY-MM-DD), may move to `to` on `date`, with or without a
 * resolution: the problems, each naming its field (none: the step is allowed).
 */
export function checkStageStep(step: { from: ProjectStage; fromDate: string; to: ProjectStage; date: string; resolution: boolean }): StageStepProblem[] {
  const problems: StageStepProblem[] = [];
  if (!NEXT[step.from].includes(step.to)) {
    const allowed = NEXT[step.from];
    problems.push({
      field: 'stage',
      code: 'stage_not_allowed',
      message: allowed.length === 0 ? `a project ${step.from} goes no further` : `from ${step.from} a project goes to ${allowed.join(' or ')}, not ${step.to}`,
    });
  }
  if (step.date < step.fromDate) problems.push({ field: 'date', code: 'date_before_previous', message: `date must not be before ${step.fromDate}, when the project became ${step.from}` });
  if (STAGES_NEEDING_RESOLUTION.includes(step.to) && !step.resolution) {
    problems.push({ field: 'resolutionId', code: 'resolution_required', message: `a project is ${step.to} by an adopted resolution: resolutionId names it` });
  }
  return problems;
}
