import type { Weighting } from '../decisions/rules';
import type { VotingMember } from '../decisions/weights';
import { coFinancing, shareCost } from './cost-sharing';
import type { Grosze } from './money';
import type { ProjectStage } from './pipeline';

/** A project as a member's statement reads it: its stage, rate, key, member participants (in order) and yearly costs. */
export interface StatementProject {
  id: string;
  title: string;
  stage: ProjectStage;
  coFinancingRate: string | null;
  sharingKey: Weighting;
  members: VotingMember[];
  customWeights?: Record<string, number>;
  costByYear: Record<string, Grosze>;
}

export interface StatementLine {
  projectId: string;
  title: string;
  stage: ProjectStage;
  amount: Grosze;
}

export interface StatementYear {
  year: number;
  fee: Grosze;
  /** The member's own contribution to each project that year (refused and withdrawn projects left out). */
  contributions: StatementLine[];
  /** The member's part of each grant obtained (granted, in implementation, settled), shared by the project's key. */
  external: StatementLine[];
  ownTotal: Grosze;
  externalTotal: Grosze;
  /** External funds per złoty of the member's own (fee and contributions), two decimal places rounded down; null when it spent nothing. */
  leverage: string | null;
}

const DROPPED: readonly ProjectStage[] = ['refused', 'withdrawn'];
/** Stages whose grant is obtained: granted, in implementation, settled. */
export const FUNDED_STAGES: readonly ProjectStage[] = ['granted', 'implementation', 'settled'];

/**
 * A member's statement year by year: its membership fee, its own contribution to each joint project (each year's cost
 * less the grant, shared by the project's key exactly as the project's page shows it), the external funds obtained for
 * its territory (its part of each grant, shared by the same key), and the leverage. Years are those with a fee or a
 * project cost, in order.
 */
export function memberStatement(memberId: string, fees: Record<string, Grosze>, projects: readonly StatementProject[]): StatementYear[] {
  const years = new Set<number>(Object.keys(fees).map(Number));
  for (const project of projects) if (project.members.some((m) => m.id === memberId)) for (const year of Object.keys(project.costByYear)) years.add(Number(year));
  return [...years]
    .sort((a, b) => a - b)
    .map((year) => {
      const contributions: StatementLine[] = [];
      const external: StatementLine[] = [];
      for (const project of projects) {
        const cost = project.costByYear[String(year)];
        if (cost === undefined || DROPPED.includes(project.stage) || !project.members.some((m) => m.id === memberId)) continue;
        const { grant, own } = coFinancing(cost, project.coFinancingRate);
        const ownShares = shareCost(own, project.members, project.sharingKey, project.customWeights);
        if (!ownShares.ok) continue;
        const line = { projectId: project.id, title: project.title, stage: project.stage };
        contributions.push({ ...line, amount: ownShares.shares[memberId] });
        if (FUNDED_STAGES.includes(project.stage)) {
          const grantShares = shareCost(grant, project.members, project.sharingKey, project.customWeights);
          if (grantShares.ok) external.push({ ...line, amount: grantShares.shares[memberId] });
        }
      }
      const fee = fees[String(year)] ?? 0n;
      const ownTotal = fee + contributions.reduce((sum, line) => sum + line.amount, 0n);
      const externalTotal = external.reduce((sum, line) => sum + line.amount, 0n);
      return { year, fee, contributions, external, ownTotal, externalTotal, leverage: ownTotal === 0n ? null : ratio(externalTotal, ownTotal) };
    });
}

/** a ÷ b with two decimal places, rounded down ("3.07"). */
function ratio(a: Grosze, b: Grosze): string {
  const hundredths = (a * 100n) / b;
  return `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
}
