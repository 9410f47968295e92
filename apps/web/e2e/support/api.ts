// Calls to the API from the test process (set-up that is not what a test is about: people, documents, grants).
import { baseUrl, DEMO_PASSWORD, linkFromOutbox } from './browser';

/** A JSON request to the API with a bearer token or none; throws on any status but 2xx. */
export async function callApi<T>(token: string | null, method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${baseUrl()}/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const payload = await response.json().catch(() => null);
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(payload)}`);
  return payload as T;
}

export async function bearerToken(email: string, password = DEMO_PASSWORD): Promise<string> {
  const signedIn = await callApi<{ token: string }>(null, 'POST', '/auth/login', { email, password });
  return signedIn.token;
}

export interface InvitedPerson {
  id: string;
  email: string;
  displayName: string;
  password: string;
}

/** Someone invited by the coordinator who has accepted the invitation (a person of the test's own). */
export async function invitePerson(
  coordinatorToken: string,
  workspaceId: string,
  person: { email: string; displayName: string; password: string; role: string; organisationId?: string },
): Promise<InvitedPerson> {
  const { password, ...invitation } = person;
  await callApi(coordinatorToken, 'POST', `/workspaces/${workspaceId}/invitations`, invitation);
  const link = await linkFromOutbox(person.email, /https?:\/\/\S+\/invitation\?token=[\w-]+/);
  const invitationToken = new URL(link).searchParams.get('token')!;
  const accepted = await callApi<{ user: { id: string } }>(null, 'POST', `/invitations/${encodeURIComponent(invitationToken)}/accept`, {
    displayName: person.displayName,
    password,
  });
  return { id: accepted.user.id, email: person.email, displayName: person.displayName, password };
}

/** The coordinator's workspace (the demo association). */
export async function demoWorkspaceId(token: string): Promise<string> {
  const me = await callApi<{ workspaces: Array<{ id: string }> }>(token, 'GET', '/auth/me');
  return me.workspaces[0]!.id;
}

/** A new document of the workspace with the given Markdown as its text (through the import endpoint). */
export async function documentFromMarkdown(token: string, workspaceId: string, title: string, markdown: string, kind = 'strategy'): Promise<string> {
  const form = new FormData();
  form.set('kind', kind);
  form.set('title', title);
  form.set('file', new Blob([markdown], { type: 'text/markdown' }), `${title}.md`);
  const response = await fetch(`${baseUrl()}/api/workspaces/${workspaceId}/documents/import`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const payload = (await response.json().catch(() => null)) as { id?: string } | null;
  if (!response.ok || !payload?.id) throw new Error(`import ${title}: ${response.status} ${JSON.stringify(payload)}`);
  return payload.id;
}

/** The demo members whose representatives check in and vote when a test needs a resolution adopted through the API. */
const VOTERS = ['wojewodztwo', 'szczecin', 'swinoujscie', 'powiat-policki', 'dobra', 'kolbaskowo', 'nowe-warpno', 'gryfino'];

/**
 * A resolution of the general assembly adopted through the API (a meeting opened, eight representatives checked in
 * and voting for, the vote closed): set-up for pages that show what was adopted. Returns the resolution's number.
 */
export async function adoptByAssembly(token: string, workspaceId: string, title: string, extra: Record<string, unknown> = {}): Promise<string> {
  const bodies = await callApi<Array<{ id: string; kind: string }>>(token, 'GET', `/workspaces/${workspaceId}/bodies`);
  const assemblyId = bodies.find((b) => b.kind === 'general_assembly')!.id;
  const resolution = await callApi<{ id: string }>(token, 'POST', `/workspaces/${workspaceId}/resolutions`, { bodyId: assemblyId, kind: 'ordinary', title, ...extra });
  const meeting = await callApi<{ id: string }>(token, 'POST', `/workspaces/${workspaceId}/meetings`, {
    bodyId: assemblyId,
    title: `Walne Zebranie Członków: ${title}`,
    startsAt: new Date().toISOString(),
    place: 'Szczecin',
    agenda: [resolution.id],
  });
  await callApi(token, 'POST', `/meetings/${meeting.id}/open`, {});
  const voters = await Promise.all(VOTERS.map((slug) => bearerToken(`przedstawiciel.${slug}@som.example`)));
  for (const voter of voters) await callApi(voter, 'POST', `/meetings/${meeting.id}/check-in`, {});
  const vote = await callApi<{ id: string }>(token, 'POST', `/resolutions/${resolution.id}/votes`, { meetingId: meeting.id });
  for (const voter of voters) await callApi(voter, 'POST', `/votes/${vote.id}/ballots`, { choice: 'for' });
  await callApi(token, 'POST', `/votes/${vote.id}/close`, {});
  const adopted = await callApi<{ state: string; number: string }>(token, 'GET', `/resolutions/${resolution.id}`);
  if (adopted.state !== 'adopted') throw new Error(`the resolution "${title}" is ${adopted.state}, not adopted`);
  return adopted.number;
}
