import { REPRESENTATIVE_LOGINS } from '../../src/demo/demo-seeder';
import type { TestServer } from './test-server';

/**
 * A resolution of the demo board, adopted in a meeting where every board member checks in and votes for it (the way
 * a test gets an adopted resolution through the API); returns its id.
 */
export async function adoptByBoard(server: TestServer, workspaceId: string, coordinator: string, title: string, extra: Record<string, unknown> = {}): Promise<string> {
  const api = (path: string, body?: unknown) => server.request(`/api${path}`, { token: coordinator, body });
  const bodies = (await api(`/workspaces/${workspaceId}/bodies`)).body as Array<{ id: string; kind: string; members: Array<{ name: string }> }>;
  const board = bodies.find((b) => b.kind === 'board')!;
  const resolution = (await api(`/workspaces/${workspaceId}/resolutions`, { bodyId: board.id, kind: 'ordinary', title, ...extra })).body;
  const meeting = (await api(`/workspaces/${workspaceId}/meetings`, { bodyId: board.id, title: `Posiedzenie: ${title}`, startsAt: new Date().toISOString(), place: 'Szczecin', agenda: [resolution.id] })).body;
  expectStatus(await api(`/meetings/${meeting.id}/open`, {}), 200, 'open the meeting');
  const tokens = await Promise.all(board.members.map((m) => server.login(`przedstawiciel.${REPRESENTATIVE_LOGINS[m.name]}@som.example`)));
  for (const token of tokens) expectStatus(await server.request(`/api/meetings/${meeting.id}/check-in`, { token, body: {} }), 200, 'check in');
  const vote = (await api(`/resolutions/${resolution.id}/votes`, { meetingId: meeting.id })).body;
  for (const token of tokens) expectStatus(await server.request(`/api/votes/${vote.id}/ballots`, { token, body: { choice: 'for' } }), 201, 'vote');
  expectStatus(await api(`/votes/${vote.id}/close`, {}), 200, 'close the vote');
  const adopted = (await api(`/resolutions/${resolution.id}`)).body;
  if (adopted.state !== 'adopted') throw new Error(`the resolution "${title}" is ${adopted.state}, not adopted`);
  return resolution.id as string;
}

function expectStatus(response: { status: number; body: unknown }, status: number, what: string): void {
  if (response.status !== status) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
}
