import { documentFromJson, documentOutline } from '@commonplan/editor';
import type { EntityManager } from 'typeorm';
import type { FieldProblem } from '../platform/http/problem-codes';

/**
 * A goal of the strategy that a project or an indicator serves: a heading (by its anchor) of a version that an adopted
 * resolution adopted, in this workspace; its text as that version has it. Problems are added under `goal.versionId` or
 * `goal.headingId`, and null returned.
 */
export async function strategyGoal(
  manager: EntityManager,
  workspaceId: string,
  goal: { versionId: string; headingId: string },
  problems: FieldProblem[],
): Promise<{ versionId: string; headingId: string; heading: string } | null> {
  const [version] = await manager.query(
    `SELECT v.content FROM document_versions v JOIN documents d ON d.id = v.document_id
     WHERE v.id = $1 AND d.workspace_id = $2
       AND EXISTS (SELECT 1 FROM resolutions r WHERE r.adopts_version_id = v.id AND r.state = 'adopted')`,
    [goal.versionId, workspaceId],
  );
  if (!version) {
    problems.push({ field: 'goal.versionId', message: 'not a version of this workspace adopted by a resolution', code: 'adopted_version_not_found' });
    return null;
  }
  const heading = documentOutline(documentFromJson(version.content)).find((entry) => entry.id === goal.headingId);
  if (!heading) {
    problems.push({ field: 'goal.headingId', message: 'the adopted version has no such heading' });
    return null;
  }
  return { versionId: goal.versionId, headingId: goal.headingId, heading: heading.text };
}
