import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

// Every audit action the API writes must be named in words in the web app (KNOWN_ACTIONS and both languages), or
// the audit trail page shows "another event" for it. The API's actions are found in its source, as written there.
const root = resolve(__dirname, '../../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Literal actions (`action: 'x.y'`) and the ones built from a choice (`` `meeting.${...}` `` with its outcomes listed in a ternary). */
function apiActions(): Set<string> {
  const found = new Set<string>();
  for (const file of sources(resolve(root, 'apps/api/src'))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/action: '([a-z_]+\.[a-z_]+)'/g)) found.add(match[1]);
    for (const match of text.matchAll(/action: `([a-z_]+)\.\$\{([^}]*)\}`/g)) {
      for (const part of match[2].matchAll(/[?:]\s*'([a-z_]+)'/g)) found.add(`${match[1]}.${part[1]}`);
    }
  }
  return found;
}

describe('audit actions', () => {
  it('are all named in words in the web app, in Polish and in English', () => {
    const describe = readFileSync(resolve(root, 'apps/web/src/features/audit/describe-entry.ts'), 'utf8');
    const known = new Set([...describe.slice(0, describe.indexOf('] as const')).matchAll(/'([a-z_]+\.[a-z_]+)'/g)].map((m) => m[1]));
    const pl = JSON.parse(readFileSync(resolve(root, 'apps/web/src/i18n/pl.json'), 'utf8')).audit.actions as Record<string, string>;
    const en = JSON.parse(readFileSync(resolve(root, 'apps/web/src/i18n/en.json'), 'utf8')).audit.actions as Record<string, string>;
    const actions = apiActions();
    // The scan must find the API's actions at all (a changed pattern would otherwise pass silently).
    expect(actions.size).toBeGreaterThan(40);
    expect(actions).toContain('meeting.opened');
    const missing = [...actions].filter((action) => !known.has(action) || !pl[action] || !en[action]);
    expect(missing).toEqual([]);
  });
});
