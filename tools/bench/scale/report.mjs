// The tables of bench:scale (markdown) and their section in docs/benchmarks.md, written like ../sync/report.mjs
// writes its own: between markers, replaced on each run that writes.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const HEADING = '## Several instances (bench:scale)';
const BEGIN = '<!-- bench:scale results: begin (written by npm run bench:scale) -->';
const END = '<!-- bench:scale results: end -->';
const GOAL_RATIO = 1.7;
const GOAL_P99_FACTOR = 2;

const num = (x) => typeof x === 'number' && Number.isFinite(x);
const ms = (x) => (!num(x) ? '–' : x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const f = (x, d = 2) => (num(x) ? x.toFixed(d) : '–');
const int = (x) => (num(x) ? Math.round(x).toLocaleString('en-US') : '–');
const kib = (x) => (num(x) ? (x / 1024).toFixed(1) : '–');
const mib = (x) => (num(x) ? (x / 2 ** 20).toFixed(0) : '–');
const row = (cells) => `| ${cells.join(' | ')} |`;
const head = (cells, leftColumns = 1) => [row(cells), `|${cells.map((_, i) => (i < leftColumns ? '---' : '---:')).join('|')}|`];

function configurationName(c) {
  if (c.instances === 1) return `${c.label}, 1 instance`;
  const name = c.system === 'hocuspocus' ? `${c.label} + Redis extension, ${c.instances} instances` : `${c.label}, ${c.instances} instances + Redis`;
  return c.note ? `${name}, ${c.note}` : name;
}

function manyTable(results) {
  const lines = head([
    'configuration',
    'documents × editors',
    'edits/s',
    'across instances p50 / p99, ms',
    'within an instance p50 / p99, ms',
    'all deliveries p99, ms',
    'deliveries across',
    'instances’ CPU s per 1,000 edits (sum)',
    'instances’ CPU, cores',
    'Redis CPU s (per 1,000 edits)',
    'PostgreSQL CPU s (per 1,000 edits)',
    'client, cores',
    'others, cores',
    'received / expected',
  ]);
  for (const c of results.many) {
    const r = c.many;
    const k = r.edits / 1000;
    const { same, cross } = r.split;
    const total = same.deliveries + cross.deliveries;
    lines.push(
      row([
        configurationName(c),
        `${c.docs} × ${c.editors}`,
        int(r.editsPerSec),
        cross.deliveries ? `${ms(cross.p50)} / ${ms(cross.p99)}` : '–',
        `${ms(same.p50)} / ${ms(same.p99)}`,
        ms(r.p99),
        total ? `${((cross.deliveries / total) * 100).toFixed(0)} %` : '–',
        f(r.cpu.server / k, 3),
        f(r.cpu.server / r.cpu.wall),
        r.cpu.redis === null ? '–' : `${f(r.cpu.redis)} (${f(r.cpu.redis / k, 3)})`,
        c.system === 'commonplan' ? `${f(r.cpu.postgres)} (${f(r.cpu.postgres / k, 3)})` : 'n/a',
        f(r.cpu.client / r.cpu.wall),
        f(r.cpu.othersCores),
        (r.deliveries / r.expectedDeliveries).toFixed(4),
      ]),
    );
  }
  return lines;
}

function saturationTable(results) {
  const lines = head([
    'instances',
    'per editor, edits/s',
    'offered edits/s',
    'counted edits/s',
    'p99 all (across), ms',
    'received',
    'instances’ CPU, cores',
    'client, cores',
    'client event-loop delay p99, ms',
    'PostgreSQL, cores',
    'Redis, cores',
    'others, cores',
    `machine busy, cores of ${results.machine.cores}`,
    'sustained edits/s',
  ]);
  for (const s of results.saturation) {
    for (const step of s.steps) {
      const r = step.result;
      const w = r.cpu.wall;
      lines.push(
        row([
          String(s.instances),
          String(step.rate),
          int(step.offered),
          int(r.editsPerSec),
          s.instances > 1 ? `${ms(r.p99)} (${ms(r.split.cross.p99)})` : ms(r.p99),
          `${(step.received * 100).toFixed(1)} %`,
          f(r.cpu.server / w),
          f(r.cpu.client / w),
          ms(r.clientLoopDelayP99),
          f(r.cpu.postgres / w),
          r.cpu.redis === null ? '–' : f(r.cpu.redis / w),
          f(r.cpu.othersCores),
          f(r.cpu.machine / w),
          step.sustained ? int(step.sustainedRate) : 'no',
        ]),
      );
    }
  }
  return lines;
}

function idleTable(results) {
  const lines = head(
    [
      'server',
      'instance',
      'connections on it',
      'RSS per idle connection, KiB (after GC)',
      'V8 heap per idle connection, KiB',
      'RSS per connection with its share of the documents, KiB',
      'RSS per document (one connection on each instance), KiB',
      'RSS before → with all, MiB',
    ],
    2,
  );
  for (const r of results.idle) {
    for (const [i, p] of r.perInstance.entries()) {
      lines.push(
        row([
          `${r.label}${r.system === 'hocuspocus' ? ' + Redis extension' : ' + Redis'}`,
          String(i + 1),
          int(p.connections),
          kib(p.perConnectionRss),
          kib(p.perConnectionHeap),
          kib(p.perConnectionAllInRss),
          kib(p.perDocumentRss),
          `${mib(p.base.rss)} → ${mib(p.full.rss)}`,
        ]),
      );
    }
  }
  return lines;
}

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
/** The configuration of the main comparison (no extra settings, editors split over the instances). */
const findMany = (results, system, instances, docs) => results.many.find((c) => c.system === system && c.instances === instances && c.docs === docs && !c.env && !c.byDocument);

/**
 * What the instances' CPU per edit says two instances on machines of their own could carry against one: each of the
 * two carries half of the summed CPU per edit, one carries all of its own, so the ratio is 2 × one's ÷ the sum of two's
 * (CPU only: it leaves out Redis, PostgreSQL and the network). For the editors split over both instances and, when
 * measured, for each document on one instance; from the largest many-documents size.
 */
export function projection(results) {
  const docs = Math.max(...results.many.filter((c) => c.system === 'commonplan').map((c) => c.docs));
  const perEdit = (c) => c && c.many.cpu.server / c.many.edits;
  const one = perEdit(findMany(results, 'commonplan', 1, docs));
  const spread = perEdit(findMany(results, 'commonplan', 2, docs));
  const byDocument = perEdit(results.many.find((c) => c.system === 'commonplan' && c.instances === 2 && c.docs === docs && c.byDocument));
  if (!one) return null;
  return { docs, one, spread: spread && (2 * one) / spread, byDocument: byDocument && (2 * one) / byDocument, spreadCpu: spread, byDocumentCpu: byDocument };
}

/** The three goals of issue 16, each with its figure, met or not, and why not. */
export function goals(results) {
  const out = [];
  const cores = results.machine.cores;
  const sizes = [...new Set(results.many.filter((c) => c.system === 'commonplan').map((c) => c.docs))];
  const pairs = sizes.map((docs) => ({ docs, one: findMany(results, 'commonplan', 1, docs), two: findMany(results, 'commonplan', 2, docs) })).filter((p) => p.one && p.two);
  if (pairs.length) {
    const ratios = pairs.map((p) => ({ ...p, across: p.two.many.split.cross.p99, single: p.one.many.p99, ratio: p.two.many.split.cross.p99 / p.one.many.p99 }));
    const met = ratios.every((r) => r.ratio <= GOAL_P99_FACTOR);
    const zero = results.many.find((c) => c.system === 'commonplan' && c.env?.COLLAB_COMMIT_DELAY_MS === '0');
    let why = '';
    if (!met) {
      why =
        'An update reaches the other instances only once it is committed to PostgreSQL and then published on Redis (stored, then relayed), ' +
        'while editors on the same instance get it at once, in the tick that applied it: a commit and a Redis round trip are the floor of ' +
        'a delivery across instances (a document served by another instance is committed without the group commit\'s wait).';
      const two = results.saturation.find((x) => x.instances === 2);
      const loaded = two?.maxSustained && ratios.filter((r) => r.two.many.editsPerSec >= 0.8 * two.maxSustained);
      if (loaded?.length) {
        why += ` At ${loaded.map((r) => `${r.docs} × 5 (${int(r.two.many.editsPerSec)} edits/s)`).join(' and ')} the two instances run near or beyond the most the saturation run sustained with them on this machine (${int(two.maxSustained)} edits/s), so queueing adds to those figures.`;
      }
      if (zero) why += ` With COLLAB_COMMIT_DELAY_MS=0 (${zero.docs} × ${zero.editors}) the p99 across instances was ${ms(zero.many.split.cross.p99)} ms (${f(zero.many.split.cross.p99 / (findMany(results, 'commonplan', 1, zero.docs)?.many.p99 ?? NaN), 1)}× one instance's).`;
    }
    out.push({
      goal: `Delivery p99 across instances at most ${GOAL_P99_FACTOR}× the p99 on one instance`,
      figure: ratios.map((r) => `${r.docs} × 5: ${ms(r.across)} ms against ${ms(r.single)} ms (${f(r.ratio, 1)}×)`).join('; '),
      met,
      why,
    });
  }
  const [one, two] = [1, 2].map((n) => results.saturation.find((s) => s.instances === n));
  if (one && two) {
    const ratio = two.maxSustained / one.maxSustained;
    const met = ratio >= GOAL_RATIO;
    let status = met ? 'met' : 'not met';
    let why = '';
    if (!met) {
      const lastRate = (x) => x.steps.at(-1)?.sustained && x.steps.at(-1)?.rate === results.sizes.satRates.at(-1);
      if (lastRate(one) && lastRate(two)) {
        status = 'not shown';
        why = `Neither reached saturation within the rates tried (up to ${results.sizes.satRates.at(-1)} edits/s per editor): the figure says nothing about the ratio.`;
      } else {
        // Where each gave up: how busy the machine was, and who took its CPU.
        const at = (x) => x.steps.at(-1).result;
        const busy = (r) => `${f(r.cpu.machine / r.cpu.wall)} of ${cores} cores busy (the instances ${f(r.cpu.server / r.cpu.wall)}, the client process ${f(r.cpu.client / r.cpu.wall)}, PostgreSQL ${f(r.cpu.postgres / r.cpu.wall)}${r.cpu.redis === null ? '' : `, Redis ${f(r.cpu.redis / r.cpu.wall)}`}, others ${f(r.cpu.othersCores)})`;
        const clientBound = [one, two].every((x) => at(x).cpu.client / at(x).cpu.wall >= 0.85);
        why =
          `The machine has ${cores} cores, and the instances, Redis, PostgreSQL and the client process all run on them. ` +
          `One instance stopped because ${one.stopReason}, with the machine ${busy(at(one))}; two stopped because ${two.stopReason}, with ${busy(at(two))}. ` +
          (clientBound
            ? 'Both times the client process (every editor in one Node process, so at most one core) ran out first: the figures are bounded by the client and the machine, not by the instances. '
            : '') +
          'A second instance on the same machine brings no CPU of its own, only more work (each instance applies every update of the documents it holds, and Redis carries them), ' +
          'so this figure measures what the relay costs on a full machine, not how far two machines would go; that needs the instances, and the clients, on machines of their own.';
      }
      const p = projection(results);
      if (p?.spread) {
        why +=
          ` From the instances' CPU per edit: with each document's editors split over both instances, every instance applies every update ` +
          `of every document, so two instances on machines of their own would carry about ${f(p.spread)}× one (${p.docs} × 5: ${f(p.one * 1000, 3)} s per 1,000 edits on one instance, ` +
          `${f(p.spreadCpu * 1000, 3)} s summed over two)` +
          (p.byDocument ? `; with each document on one instance (a balancer with document affinity) about ${f(p.byDocument)}× (${f(p.byDocumentCpu * 1000, 3)} s summed).` : '.');
      }
    }
    out.push({
      goal: `Two instances sustain at least ${GOAL_RATIO}× the edits/s of one at saturation`,
      figure: `one: ${int(one.maxSustained)} edits/s, two: ${int(two.maxSustained)} edits/s (${f(ratio)}×)`,
      met,
      status,
      why,
    });
  }
  const ours = results.idle.find((r) => r.system === 'commonplan');
  const theirs = results.idle.find((r) => r.system === 'hocuspocus');
  if (ours && theirs) {
    const a = mean(ours.perInstance.map((p) => p.perConnectionRss));
    const b = mean(theirs.perInstance.map((p) => p.perConnectionRss));
    const ah = mean(ours.perInstance.map((p) => p.perConnectionHeap));
    const bh = mean(theirs.perInstance.map((p) => p.perConnectionHeap));
    const met = a <= b;
    out.push({
      goal: 'Memory per idle connection at most Hocuspocus’s (two instances each)',
      figure: `RSS ${kib(a)} KiB against ${kib(b)} KiB; V8 heap ${kib(ah)} KiB against ${kib(bh)} KiB (mean of the two instances, after GC)`,
      met,
      why: met
        ? ''
        : `Each idle connection costs Commonplan ${kib(a - b)} KiB more RSS than Hocuspocus` +
          (ah <= bh ? `, while its V8 heap per connection is ${kib(bh - ah)} KiB smaller: the difference is outside the objects kept per connection (native memory of the process).` : ` and ${kib(ah - bh)} KiB more V8 heap.`),
    });
  }
  return out;
}

export function renderMarkdown(results) {
  const m = results.machine;
  const s = results.sizes;
  const lines = [HEADING, ''];
  lines.push(
    `Run of ${results.date.slice(0, 10)}${results.quick ? ' (--quick: smaller sizes, not comparable)' : ''}: ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, ` +
      `Node ${m.node}, PostgreSQL ${m.postgres}, Redis ${m.redis} (redis-server of the benchmark's own), Linux ${m.kernel}; commit ${m.commit}, ` +
      `server built ${m.serverBuiltAt.slice(0, 16).replace('T', ' ')} UTC; open-files limit ${m.openFiles}; load average ${m.loadAtStart} at the start, ` +
      `${results.loadAtEnd} at the end; ${Math.round(results.elapsedSeconds)} s in all.`,
  );
  lines.push('');
  lines.push(
    `**The machine has ${m.cores} cores.** Every process of a measurement shares them: the instances, Redis, PostgreSQL and the client process ` +
      '(all editors of a run live in one process). Figures of two instances are therefore those of two instances *on one small machine*: ' +
      'they show what the relay costs and how deliveries across instances compare, not how far two machines would go.',
  );
  lines.push('');
  lines.push('```sh');
  lines.push('npx nx run api:build                      # the benchmark runs dist/api (a copy of it taken at the start)');
  lines.push('npm run bench:scale                       # everything (about 7 minutes on 2 cores when nothing else runs); writes this section');
  lines.push('npm run bench:scale -- --quick            # smaller sizes, a smoke check; does not write this section');
  lines.push('npm run bench:scale -- --only=many,saturation,idle --systems=commonplan,hocuspocus --write');
  lines.push('```');
  lines.push('');
  lines.push(
    'How it works ([tools/bench/scale/](../tools/bench/scale/), on the sync harness: its launcher, /proc readers, quiet-machine wait and ' +
      'client workloads): each instance is its own process (Commonplan: `dist/api/main.js` on one fresh PostgreSQL database, with `REDIS_URL` ' +
      'when there are two; Hocuspocus 3.4.4 in memory, with `@hocuspocus/extension-redis` 3.4.4 when there are two), the Redis is a ' +
      '`redis-server --save \'\' --appendonly no` of the benchmark\'s own, and the clients run in one separate process. The client process ' +
      'plays the balancer: the editors of each document go to the instances in turn (3 + 2 of 5), so 60 % of the deliveries cross instances ' +
      '(one configuration keeps each document on one instance instead, as a balancer with document affinity would). ' +
      "The many-documents workload is the sync harness's (each editor types one character at a random place at a steady rate, phases " +
      'spread evenly; each edit\'s delivery is timed at every other editor of its document); deliveries are split by whether sender and ' +
      'receiver are on the same instance. CPU over the measured window, from /proc: the instances (summed), Redis, the PostgreSQL ' +
      "backends serving the benchmark's database (pg_stat_activity), the client process, and what other processes took (the machine's " +
      'busy time minus all of those and every postgres process). Before each measurement the runner waits for the machine to be quiet ' +
      `(other processes under 0.15 of a core; at most ${results.quietWaitSeconds} s each time and ${results.quietBudgetSeconds} s in all); ` +
      (results.retries
        ? `a many-documents run or saturation step that others disturbed (over 0.25 of a core) is measured again (at most ${results.retries} more time${results.retries > 1 ? 's' : ''}, in the first ${Math.round(results.retryBudgetSeconds / 60)} minutes of the run; the least disturbed is kept).`
        : 'a disturbed run is not measured again (the “others” column says how much they took).'),
  );
  lines.push('');
  lines.push(
    `Sizes: many documents ${s.docs.map((d) => `${d} × ${s.editors}`).join(' and ')} at ${s.rate} edits/s per editor, ${s.seconds} s measured` +
      `${!results.quick && s.seconds < 20 ? ' (bench:sync measures 20 s; shorter here, to keep the whole run within about 15 minutes)' : ''} after ` +
      `${s.warmup} s of warm-up (the measured window starts about a second later, once PostgreSQL's counters are read); saturation ` +
      `${s.satDocs} × ${s.editors} at ${s.satRates.join(', ')} edits/s per editor, ${s.satSeconds} s each after ${s.satWarmup} s, until delivery ` +
      `p99 exceeds ${results.p99LimitMs} ms, deliveries go missing (under 99 % within 10 s) or the edits stop following the offered rate (fewer than ` +
      `${100 - results.rateTolerance * 100} % of it counted in the window; a step's sustained rate is the smaller of the two); idle ` +
      `${s.idleConnections.toLocaleString('en-US')} connections over ${s.idleDocs.toLocaleString('en-US')} documents, half on each instance.`,
  );
  for (const note of results.notes ?? []) lines.push('', `Note: ${note}.`);
  if (results.many.length) {
    lines.push('', '### Many documents, editors split over two instances', '');
    lines.push(...manyTable(results));
  }
  if (results.saturation.length) {
    lines.push('', '### Saturation (Commonplan)', '');
    lines.push(...saturationTable(results));
    lines.push('');
    const [one, two] = [1, 2].map((n) => results.saturation.find((x) => x.instances === n));
    for (const x of results.saturation) {
      lines.push(`- ${x.instances} instance${x.instances > 1 ? 's' : ''}: at most ${int(x.maxSustained)} edits/s sustained (at ${x.atRate ?? '–'} edits/s per editor); stopped because ${x.stopReason}.`);
    }
    if (one && two) lines.push(`- Two instances ÷ one: ${f(two.maxSustained / one.maxSustained)}× (goal ≥ ${GOAL_RATIO}×) — on ${m.cores} cores shared by everything, see above.`);
    const p = projection(results);
    if (p?.spread) {
      lines.push(
        `- From the instances' CPU per edit (${p.docs} × 5 above; CPU only): two instances on machines of their own would carry about ${f(p.spread)}× one with each ` +
          `document's editors split over both${p.byDocument ? `, about ${f(p.byDocument)}× with each document on one instance` : ''}.`,
      );
    }
  }
  if (results.idle.length) {
    lines.push('', '### Idle connections on two instances', '');
    lines.push(
      'First one connection per document on each instance (the first types 100 characters), so each instance holds every document; then the ' +
        'rest. Per idle connection = (RSS or heap with all connections − with one per document) ÷ the connections added to that instance, after ' +
        'a GC (the sync harness’s hook); “with its share of the documents” divides everything since the fresh start by the connections on the ' +
        'instance. Stock clients keep their presence alive (y-websocket and Hocuspocus providers renew their awareness state every 15 s), so ' +
        'the servers are not entirely quiet meanwhile.',
    );
    lines.push('');
    lines.push(...idleTable(results));
  }
  const g = goals(results);
  if (g.length) {
    lines.push('', '### Goals of issue 16', '');
    lines.push(...head(['goal', 'measured', 'met?', 'why not'], 4));
    for (const x of g) lines.push(row([x.goal, x.figure, (x.status ?? (x.met ? 'met' : 'not met')) === 'met' ? 'met' : `**${x.status ?? 'not met'}**`, x.why || '–']));
  }
  if (results.warnings?.length) {
    lines.push('', 'Warnings printed during the run:', '');
    for (const w of results.warnings) lines.push(`- ${w}`);
  }
  return lines.join('\n');
}

/** Replaces the section in `file` (between its markers, or from its heading to the next one), or appends it. */
export function writeSection(file, markdown) {
  const block = `${BEGIN}\n${markdown}\n${END}`;
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n\n';
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  let next;
  if (start >= 0 && end > start) next = text.slice(0, start) + block + text.slice(end + END.length);
  else {
    const at = text.indexOf(`\n${HEADING}\n`);
    if (at >= 0) {
      const after = text.indexOf('\n## ', at + HEADING.length + 1);
      next = `${text.slice(0, at + 1)}${block}\n${after >= 0 ? text.slice(after) : ''}`;
    } else next = `${text.trimEnd()}\n\n${block}\n`;
  }
  writeFileSync(file, next);
}
