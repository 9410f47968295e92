// Summarises a V8 .cpuprofile (node --cpu-prof): the top functions by self time, and self time by package.
// Usage: node tools/bench/sync/profile-summary.mjs <file.cpuprofile> [top=25] [fromMicros toMicros]
// The window (on the monotonic clock of the profile, which is process.hrtime's) keeps only the samples taken in it:
// the run's measured phase, without the server's start-up.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export function summarise(file, top = 25, window = null) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let t = profile.startTime;
  let idle = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i] ?? 0;
    t += delta;
    if (window && (t < window[0] || t > window[1])) continue;
    const id = profile.samples[i];
    if (byId.get(id).callFrame.functionName === '(idle)') {
      idle += delta;
      continue;
    }
    self.set(id, (self.get(id) ?? 0) + delta);
  }
  // Shares are of the busy time (idle left out).
  const total = [...self.values()].reduce((s, x) => s + x, 0);
  const functions = new Map();
  const packages = new Map();
  for (const [id, micros] of self) {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const where = where_(url);
    const key = `${functionName || '(anonymous)'} ${where}${url ? `:${lineNumber + 1}` : ''}`;
    functions.set(key, (functions.get(key) ?? 0) + micros);
    const pkg = url ? where : functionName;
    packages.set(pkg, (packages.get(pkg) ?? 0) + micros);
  }
  const rank = (map, n) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, micros]) => ({ name, ms: Math.round(micros / 1000), pct: Math.round((1000 * micros) / total) / 10 }));
  return {
    file,
    window: window ? { seconds: (window[1] - window[0]) / 1e6 } : null,
    busyMs: Math.round(total / 1000),
    idleMs: Math.round(idle / 1000),
    functions: rank(functions, top),
    packages: rank(packages, 15),
  };
}

function where_(url) {
  if (!url) return '';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:')) return url;
  if (url.includes('/dist/api/')) return 'dist/api/' + url.split('/dist/api/')[1];
  return url.replace(/^file:\/\//, '');
}

export function format(summary) {
  const span = summary.window ? ` in the measured ${summary.window.seconds.toFixed(1)} s` : '';
  const lines = [`${summary.file}: ${summary.busyMs} ms busy, ${summary.idleMs} ms idle${span}`, '  self time by package (share of busy time):'];
  for (const p of summary.packages) lines.push(`    ${String(p.pct).padStart(5)}%  ${String(p.ms).padStart(7)} ms  ${p.name}`);
  lines.push('  top functions by self time:');
  for (const f of summary.functions) lines.push(`    ${String(f.pct).padStart(5)}%  ${String(f.ms).padStart(7)} ms  ${f.name}`);
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const window = process.argv[5] ? [Number(process.argv[4]), Number(process.argv[5])] : null;
  console.log(format(summarise(process.argv[2], Number(process.argv[3] ?? 25), window)));
}
