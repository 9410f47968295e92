import { SessionStore } from '../../src/access/session-store';
import type { TestServer } from './test-server';

/**
 * The API read behind each page a notification links to: what the recipient must be allowed to open. A link the
 * table does not know fails the check, so a new kind of link needs its line here.
 */
const PAGES: Array<[RegExp, (m: RegExpMatchArray) => string]> = [
  [/^\/w\/([0-9a-f-]{36})\/d\/([0-9a-f-]{36})\/v\/([0-9a-f-]{36})$/, (m) => `/api/documents/${m[2]}/versions/${m[3]}`],
  [/^\/w\/([0-9a-f-]{36})\/d\/([0-9a-f-]{36})(#thread-[0-9a-f-]{36})?$/, (m) => `/api/documents/${m[2]}`],
  [/^\/w\/([0-9a-f-]{36})\/rounds\/([0-9a-f-]{36})(\/comments|\/report)?$/, (m) => (m[3] === '/comments' ? `/api/rounds/${m[2]}/triage` : `/api/rounds/${m[2]}`)],
  [/^\/w\/([0-9a-f-]{36})\/meetings\/([0-9a-f-]{36})$/, (m) => `/api/meetings/${m[2]}`],
  [/^\/w\/([0-9a-f-]{36})\/resolutions\/([0-9a-f-]{36})$/, (m) => `/api/resolutions/${m[2]}`],
  [/^\/w\/([0-9a-f-]{36})\/decisions$/, (m) => `/api/workspaces/${m[1]}/resolutions`],
];

/**
 * Checks every notification in the database against its recipient's access: signed in as the recipient, the API read
 * behind the notification's link answers 200, and the link stays in the notification's workspace. Returns the kinds
 * it checked (so a test can say which it covered).
 */
export async function expectEveryNotificationReadable(
  server: TestServer,
  /** Notifications whose recipient the test deliberately shut out afterwards (their access checked when sent). */
  shutOutSince: (row: { email: string; link: string; kind: string }) => boolean = () => false,
): Promise<Set<string>> {
  const rows: Array<{ id: string; user_id: string; workspace_id: string; kind: string; link: string; email: string; display_name: string }> = await server.db.query(
    `SELECT n.id, n.user_id, n.workspace_id, n.kind, n.link, u.email, u.display_name FROM notifications n JOIN users u ON u.id = n.user_id`,
  );
  const tokens = new Map<string, string>();
  const sessions = server.server.app.get(SessionStore);
  const problems: string[] = [];
  for (const row of rows) {
    if (shutOutSince(row)) continue;
    let token = tokens.get(row.user_id);
    if (!token) {
      token = (await server.db.transaction((manager) => sessions.open(manager, { id: row.user_id, email: row.email, displayName: row.display_name }, { ip: '127.0.0.1', userAgent: 'access-check' }))).token;
      tokens.set(row.user_id, token);
    }
    const page = PAGES.map(([pattern, api]) => {
      const match = pattern.exec(row.link);
      return match ? { workspace: match[1], api: api(match) } : null;
    }).find(Boolean);
    if (!page) {
      problems.push(`${row.kind} ${row.id}: no API read known for the link ${row.link}`);
      continue;
    }
    if (page.workspace !== row.workspace_id) problems.push(`${row.kind} ${row.id}: the link ${row.link} leaves its workspace`);
    const response = await server.request(page.api, { token });
    if (response.status !== 200) problems.push(`${row.kind} to ${row.email}: GET ${page.api} answered ${response.status}`);
  }
  if (problems.length > 0) throw new Error(`notifications their recipients may not open:\n${problems.join('\n')}`);
  return new Set(rows.map((r) => r.kind));
}
