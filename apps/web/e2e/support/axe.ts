// Runs axe-core in the page against WCAG 2.0/2.1 A and AA and returns the violations, printed readably. Every check is
// also recorded in reports/axe-checks.jsonl (the page's path with its ids generalised, the violations' rule ids): the
// accessibility statement's measured state is summarised from it (global-setup.ts, tools/accessibility-audit.mjs).
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

export async function axeViolations(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  // The server's Content-Security-Policy (script-src 'self') refuses an inline <script>, which is what
  // page.addScriptTag({ content }) adds; evaluating the source through the DevTools protocol is not subject to it, and
  // the page keeps its real policy for the test.
  if (!loaded) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations;
  });
  record(page, violations as Violation[]);
  return (violations as Violation[]).map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes.map((n) => `    ${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\n/g, ' ')}`).join('\n'),
  );
}

const reports = resolve(import.meta.dirname, '../../../../reports');
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

function record(page: Page, violations: Violation[]): void {
  const url = new URL(page.url());
  const path = url.pathname.replace(UUID, ':id').replace(/\/\d+(?=\/|$)/g, '/:n');
  mkdirSync(reports, { recursive: true });
  appendFileSync(resolve(reports, 'axe-checks.jsonl'), `${JSON.stringify({ path, violations: violations.map((v) => v.id), at: new Date().toISOString() })}\n`);
}
