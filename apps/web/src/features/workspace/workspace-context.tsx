import { createContext, useContext } from 'react';
import type { WorkspaceOfUser } from '../../api/types';

/** The workspace of the current /w/:workspaceId page and the reader's role in it. */
export const WorkspaceContext = createContext<WorkspaceOfUser | null>(null);

export function useWorkspace(): WorkspaceOfUser {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace must be used under /w/:workspaceId');
  return workspace;
}
