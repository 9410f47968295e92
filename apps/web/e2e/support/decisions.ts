import { bearerToken, callApi } from './api';

/**
 * A resolution of the demo board, adopted in a meeting where each board member's representative (found among the
 * workspace's people by organisation) checks in and votes for it: how a browser test gets an adopted resolution
 * without going through the pages another test covers. Returns its id.
 */
export async function adoptByBoard(coordinator: string, workspaceId: string, title: string): Promise<string> {
  const bodies = await callApi<Array<{ id: string; kind: string; members: Array<{ id: string }> }>>(coordinator, 'GET', `/workspaces/${workspaceId}/bodies`);
  const board = bodies.find((b) => b.kind === 'board')!;
  const people = await callApi<Array<{ email?: string; role: string; active: boolean; organisation: { id: string } | null }>>(coordinator, 'GET', `/workspaces/${workspaceId}/people`);
  // The demo's own representatives (przedstawiciel.<slug>@som.example, the demo password): other tests of the shared
  // server add representatives of their own to the same organisations, with passwords of their own.
  const demo = (email: string | undefined) => /^przedstawiciel\.[a-z0-9-]+@som\.example$/.test(email ?? '');
  const emails = board.members.map((m) => people.find((p) => p.role === 'representative' && p.active && p.organisation?.id === m.id && demo(p.email))?.email);
  if (emails.some((e) => !e)) throw new Error('a board member has no active representative with an e-mail');
  const resolution = await callApi<{ id: string }>(coordinator, 'POST', `/workspaces/${workspaceId}/resolutions`, { bodyId: board.id, kind: 'ordinary', title });
  const meeting = await callApi<{ id: string }>(coordinator, 'POST', `/workspaces/${workspaceId}/meetings`, {
    bodyId: board.id,
    title: `Posiedzenie: ${title}`,
    startsAt: new Date().toISOString(),
    place: 'Szczecin',
    agenda: [resolution.id],
  });
  await callApi(coordinator, 'POST', `/meetings/${meeting.id}/open`, {});
  const tokens = await Promise.all(emails.map((email) => bearerToken(email!)));
  for (const token of tokens) await callApi(token, 'POST', `/meetings/${meeting.id}/check-in`, {});
  const vote = await callApi<{ id: string }>(coordinator, 'POST', `/resolutions/${resolution.id}/votes`, { meetingId: meeting.id });
  for (const token of tokens) await callApi(token, 'POST', `/votes/${vote.id}/ballots`, { choice: 'for' });
  await callApi(coordinator, 'POST', `/votes/${vote.id}/close`, {});
  const adopted = await callApi<{ state: string }>(coordinator, 'GET', `/resolutions/${resolution.id}`);
  if (adopted.state !== 'adopted') throw new Error(`the resolution "${title}" is ${adopted.state}, not adopted`);
  return resolution.id;
}
