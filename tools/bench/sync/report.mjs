// The results table (markdown) and its place in docs/benchmarks.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const BEGIN = '<!-- bench:sync results: begin (written by npm run bench:sync) -->';
const END = '<!-- bench:sync results: end -->';

const get = (obj, path) => path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj);

const ROWS = [
  ['Trace replay: edits/s until every observer holds the final text', 'trace.opsPerSec', 'higher', (x) => x.toFixed(0)],
  ['Trace replay: server CPU s per 1,000 edits (until the server is idle again)', 'trace.serverCpuPer1000', 'lower', (x) => x.toFixed(3)],
  ['Trace replay: server CPU s per 1,000 edits (until the observers are done)', (r) => r.trace && (r.trace.serverCpu / r.trace.edits) * 1000, 'lower', (x) => x.toFixed(3)],
  ['Trace replay: of which system (kernel) CPU s per 1,000 edits', (r) => r.trace?.cpuUntilQuiet && (r.trace.cpuUntilQuiet.serverSystem / r.trace.edits) * 1000, 'info', (x) => x.toFixed(3)],
  ['Trace replay: PostgreSQL CPU s per 1,000 edits (all postgres processes)', (r) => r.trace && r.kind === 'commonplan' && r.trace.postgresCpuPer1000, 'lower', (x) => x.toFixed(3)],
  ['Trace replay: PostgreSQL transactions committed per 1,000 edits', (r) => r.trace?.pgStats && (r.trace.pgStats.commits / r.trace.edits) * 1000, 'info', (x) => x.toFixed(1)],
  ['Trace replay: peak server RSS, MiB', (r) => r.trace && r.trace.peakRss / 2 ** 20, 'lower', (x) => x.toFixed(0)],
  ['Trace replay: client process CPU, cores', 'trace.clientCores', 'info', (x) => x.toFixed(2)],
  ['Trace replay: CPU of other processes meanwhile, cores', 'trace.othersCores', 'info', (x) => x.toFixed(2)],
  ['Many documents: p50 latency, ms', 'many.p50', 'lower', (x) => x.toFixed(2)],
  ['Many documents: p99 latency, ms', 'many.p99', 'lower', (x) => x.toFixed(2)],
  ['Many documents: p99.9 latency, ms', 'many.p999', 'lower', (x) => x.toFixed(2)],
  ['Many documents: server CPU s per 1,000 edits', 'many.serverCpuPer1000', 'lower', (x) => x.toFixed(3)],
  ['Many documents: server CPU, share of one core', (r) => r.many && r.many.serverCpu / r.many.seconds, 'lower', (x) => x.toFixed(3)],
  ['Many documents: of which system (kernel) CPU s per 1,000 edits', (r) => r.many?.cpu && (r.many.cpu.serverSystem / r.many.edits) * 1000, 'info', (x) => x.toFixed(3)],
  ['Many documents: PostgreSQL CPU s per 1,000 edits (all postgres processes)', (r) => r.many && r.kind === 'commonplan' && r.many.postgresCpuPer1000, 'lower', (x) => x.toFixed(3)],
  ['Many documents: PostgreSQL transactions committed per 1,000 edits', (r) => r.many?.pgStats && (r.many.pgStats.commits / r.many.edits) * 1000, 'info', (x) => x.toFixed(1)],
  ['Many documents: client process CPU, share of one core', 'many.clientCores', 'info', (x) => x.toFixed(2)],
  ['Many documents: client event-loop delay p99, ms', 'many.clientLoopDelayP99', 'info', (x) => x.toFixed(1)],
  ['Many documents: CPU of other processes meanwhile, cores', 'many.othersCores', 'info', (x) => x.toFixed(2)],
  ['Many documents: deliveries received / expected', (r) => r.many && r.many.deliveries / r.many.expectedDeliveries, 'info', (x) => x.toFixed(4)],
  ['Cold load of the trace document after a restart, ms (median)', 'cold.ms', 'lower', (x) => x.toFixed(1)],
  ['Cold load: of which until the WebSocket opened (upgrade: auth, access, load), ms', 'cold.openMs', 'info', (x) => x.toFixed(1)],
  ['Join of the trace document while in memory, ms (median)', 'warmJoin.ms', 'lower', (x) => x.toFixed(1)],
  ['Trace document: size of its state as one update, KiB', (r) => r.warmJoin && r.warmJoin.stateBytes / 1024, 'info', (x) => x.toFixed(0)],
  ['Idle documents: RSS per open document, KiB (after GC)', (r) => r.idle && r.idle.perDocRss / 1024, 'lower', (x) => x.toFixed(1)],
  ['Idle documents: RSS per open document, KiB (second half only: 250 → 500 documents)', (r) => r.idle && r.idle.perDocRssMarginal / 1024, 'lower', (x) => x.toFixed(1)],
  ['Idle documents: V8 heap per open document, KiB (after GC)', (r) => r.idle && r.idle.perDocHeap / 1024, 'lower', (x) => x.toFixed(1)],
  ['Idle documents: baseline RSS before any document, MiB (after GC)', (r) => r.idle && r.idle.base.rss / 2 ** 20, 'info', (x) => x.toFixed(1)],
];

const fmtInt = (n) => (n == null ? 'all' : Number(n).toLocaleString('en-US'));

function windowRows(results) {
  const windows = new Set();
  for (const r of Object.values(results.servers)) for (const k of Object.keys(r)) if (/^trace_w\d+$/.test(k)) windows.add(Number(k.slice(7)));
  return [...windows]
    .sort((a, b) => a - b)
    .flatMap((w) => [
      [`Trace replay of the first ${fmtInt(results.sizes.windowsLimit)} edits, writer at most ${fmtInt(w)} characters ahead: edits/s`, `trace_w${w}.opsPerSec`, 'higher', (x) => x.toFixed(0)],
      [`… same, writer at most ${fmtInt(w)} ahead: server CPU s per 1,000 edits`, `trace_w${w}.serverCpuPer1000`, 'lower', (x) => x.toFixed(3)],
      [`… same, writer at most ${fmtInt(w)} ahead: client process CPU, cores`, `trace_w${w}.clientCores`, 'info', (x) => x.toFixed(2)],
      [`… same, writer at most ${fmtInt(w)} ahead: peak server RSS, MiB`, (r) => r[`trace_w${w}`] && r[`trace_w${w}`].peakRss / 2 ** 20, 'lower', (x) => x.toFixed(0)],
    ]);
}

export function renderMarkdown(results) {
  const kinds = Object.keys(results.servers);
  const ours = 'commonplan';
  const peers = kinds.filter((k) => k !== ours);
  const m = results.machine;
  const lines = [];
  lines.push(`Run of ${results.date.slice(0, 10)}${results.quick ? ' (--quick: smaller sizes, not comparable)' : ''}${results.profiled ? ' (profiled: CPU figures include the profiler)' : ''}${results.env && Object.keys(results.env).length ? ` (Commonplan with ${Object.entries(results.env).map(([k, v]) => `${k}=${v}`).join(' ')})` : ''}: ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node}, PostgreSQL ${m.postgres}, Linux ${m.kernel}; commit ${m.commit}${m.serverSourcesDirty ? ' with uncommitted server changes' : ''}; load average ${m.loadAtStart} at the start, ${results.loadAtEnd} at the end; ${Math.round(results.elapsedSeconds)} s in all.`);
  const s = results.sizes;
  lines.push('');
  lines.push(`Sizes: trace ${s.traceLimit ?? 'all 259,778'} edits with ${s.observers} observers, the writer at most ${fmtInt(s.window)} inserted characters ahead of the slowest observer (${s.batch} edits per event-loop turn); ${s.docs} documents × ${s.editors} editors at ${s.rate} edits/s each for ${s.seconds} s (after ${s.warmup} s of warm-up); ${s.idleDocs} idle documents of ${s.idleChars} characters; cold load: median of ${s.restarts} restarts; join: median of ${s.joins}.`);
  lines.push('');
  const head = ['figure', 'better', ...kinds.map((k) => results.labels[k])];
  if (kinds.includes(ours)) head.push(...peers.map((p) => `${results.labels[ours]} ÷ ${results.labels[p]}`));
  lines.push(`| ${head.join(' | ')} |`);
  lines.push(`|${head.map((_, i) => (i < 2 ? '---' : '---:')).join('|')}|`);
  const traceRows = ROWS.findLastIndex(([name]) => name.startsWith('Trace replay:'));
  const rows = [...ROWS.slice(0, traceRows + 1), ...windowRows(results), ...ROWS.slice(traceRows + 1)];
  for (const [name, path, better, fmt] of rows) {
    const values = kinds.map((k) => {
      const v = typeof path === 'function' ? path({ ...results.servers[k], kind: k }) : get(results.servers[k], path);
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    });
    if (values.every((v) => v === null)) continue;
    const cells = [name, better, ...values.map((v, i) => (v === null ? (kinds[i] !== ours && /Cold load/.test(name) ? 'n/a (in memory)' : kinds[i] !== ours && /PostgreSQL/.test(name) ? 'n/a' : '–') : fmt(v)))];
    if (kinds.includes(ours)) {
      const mine = values[kinds.indexOf(ours)];
      for (const p of peers) {
        const theirs = values[kinds.indexOf(p)];
        cells.push(mine !== null && theirs && !/other processes/.test(name) ? `${(mine / theirs).toFixed(2)}` : '–');
      }
    }
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

export function writeDocs(file, markdown) {
  const block = `${BEGIN}\n${markdown}\n${END}`;
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n\n';
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  const next = start >= 0 && end > start ? text.slice(0, start) + block + text.slice(end + END.length) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}
