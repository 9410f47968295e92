// The strategy goals a project (or an indicator) may serve: the headings of a document version that an adopted
// resolution adopted. The API has no list of them: the adopted versions come from the workspace's resolutions
// (GET /api/workspaces/:id/resolutions, `adopts`), and a version's headings from its content
// (GET /api/documents/:id/versions/:versionId), read with the same outline the API checks a goal against
// (libs/editor documentOutline, apps/api/src/projects/strategy-goal.ts), so that the anchors sent are the ones it knows.
import type { JSONContent } from '@tiptap/core';
import { documentFromJson, documentOutline } from '@commonplan/editor';
import type { ResolutionView } from '../decisions/decisions-api';

/** A version adopted by an adopted resolution. */
export interface AdoptedVersion {
  versionId: string;
  documentId: string;
  documentTitle: string;
  /** The version's name ("tekst przyjęty"). */
  name: string;
}

/** A heading of a version: its anchor (what the API takes as goal.headingId), its text and level. */
export interface GoalHeading {
  id: string;
  text: string;
  level: number;
}

/** The versions adopted by the workspace's adopted resolutions, each once, in the order of the resolutions. */
export function adoptedVersions(resolutions: ResolutionView[]): AdoptedVersion[] {
  const seen = new Set<string>();
  const versions: AdoptedVersion[] = [];
  for (const resolution of resolutions) {
    const adopts = resolution.adopts;
    if (resolution.state !== 'adopted' || !adopts || seen.has(adopts.versionId)) continue;
    seen.add(adopts.versionId);
    versions.push({ versionId: adopts.versionId, documentId: adopts.documentId, documentTitle: adopts.documentTitle, name: adopts.name });
  }
  return versions;
}

/** The headings of a version's content (ProseMirror JSON), in order, with the anchors the API gives them. */
export function goalHeadings(content: Record<string, unknown>): GoalHeading[] {
  return documentOutline(documentFromJson(content as JSONContent))
    .filter((entry) => entry.text)
    .map(({ id, text, level }) => ({ id, text, level }));
}
