// The accessibility statement's measured state: every axe-core check of the browser suite (reports/axe-checks.jsonl,
// written by apps/web/e2e/support/axe.ts) summarised per page: how many checks, which WCAG 2.1 A/AA rules failed.
// The browser suite writes the summary to reports/accessibility-audit.json when it ends; `npm run
// accessibility:record` copies it to apps/api/src/publication/accessibility-audit.json, which the public site's
// accessibility statement shows (commit it with the date of the run).
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const checks = resolve(root, 'reports/axe-checks.jsonl');
const summary = resolve(root, 'reports/accessibility-audit.json');
const recorded = resolve(root, 'apps/api/src/publication/accessibility-audit.json');

/** Writes reports/accessibility-audit.json from the checks of the run; returns it (null when nothing was checked). */
export function summariseChecks() {
  if (!existsSync(checks)) return null;
  const lines = readFileSync(checks, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
  if (lines.length === 0) return null;
  const pages = new Map();
  for (const check of lines) {
    const page = pages.get(check.path) ?? { path: check.path, checks: 0, violations: [] };
    page.checks++;
    for (const id of check.violations) if (!page.violations.includes(id)) page.violations.push(id);
    pages.set(check.path, page);
  }
  const axeVersion = createRequire(import.meta.url)('axe-core/package.json').version;
  const audit = {
    checkedAt: lines.map((l) => l.at).sort().at(-1),
    standard: 'WCAG 2.1 AA',
    tool: `axe-core ${axeVersion}`,
    checks: lines.length,
    pages: [...pages.values()].sort((a, b) => a.path.localeCompare(b.path)),
  };
  writeFileSync(summary, `${JSON.stringify(audit, null, 2)}\n`);
  return audit;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  if (!existsSync(summary) && !summariseChecks()) {
    console.error('no axe checks in reports/: run the browser tests first (npx vitest run --config apps/web/e2e/vitest.config.mts)');
    process.exit(1);
  }
  copyFileSync(summary, recorded);
  const audit = JSON.parse(readFileSync(recorded, 'utf8'));
  console.log(`recorded ${audit.checks} checks of ${audit.pages.length} pages (${audit.checkedAt}) in ${recorded}`);
}
