import { createWorkspace } from '../../src/workspaces/create-workspace';
import type { TestServer } from './test-server';

/**
 * A second association (KOF) beside the demo one, with its coordinator signed in: the outsider whom every route of
 * another workspace must refuse.
 */
export async function otherAssociation(server: TestServer): Promise<{ workspaceId: string; token: string }> {
  const other = await createWorkspace(server.db, server.config, { slug: 'kof', name: 'Stowarzyszenie KOF', shortName: 'KOF', coordinatorEmail: 'biuro@kof.example', coordinatorName: 'Koordynator KOF' });
  const accepted = await server.request(`/api/invitations/${new URL(other.invitationLink).searchParams.get('token')}/accept`, { body: { password: 'hasło-koordynatora-kof' } });
  if (accepted.status !== 201 && accepted.status !== 200) throw new Error(`the KOF coordinator could not accept the invitation: ${accepted.status}`);
  return { workspaceId: other.workspaceId, token: accepted.body.token as string };
}
