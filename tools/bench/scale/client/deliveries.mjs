// Delivery times split by where the two editors are: on the same instance, or on two (the update crossed Redis).
// The many-documents workload measures every delivery together; this observer watches the same clients alongside it
// (attached when the workload registers them, before the first edit) and keeps each delivery with its send time, so
// that the workload's measured window can be cut out afterwards.

/** Milliseconds of performance.now() minus process.hrtime: turns the workload's window (monotonic µs) into ours. */
function monotonicOffsetMs() {
  return Number(process.hrtime.bigint()) / 1e6 - performance.now();
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function stats(pairs, from, to) {
  const latencies = [];
  for (let i = 0; i < pairs.length; i += 2) if (pairs[i] >= from && pairs[i] <= to) latencies.push(pairs[i + 1]);
  const sorted = Float64Array.from(latencies).sort();
  return {
    deliveries: sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    p999: percentile(sorted, 99.9),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
  };
}

/**
 * `instanceOf(client)`: the instance a client is connected to. attach(clients) before they edit; summary(window)
 * with the workload's window ([from, to] in monotonic µs) gives the same- and cross-instance figures of the edits
 * sent in it.
 */
export function deliveryObserver(instanceOf) {
  const senders = new Map(); // clientID -> { instance, times: Map<clock, performance.now() of the send> }
  const same = []; // flat [sendTime, latency, ...]
  const cross = [];
  const perInstance = new Map();
  return {
    attach(clients) {
      for (const client of clients) {
        const instance = instanceOf(client);
        perInstance.set(instance, (perInstance.get(instance) ?? 0) + 1);
        const id = client.doc.clientID;
        const times = new Map();
        senders.set(id, { instance, times });
        client.doc.on('afterTransaction', (tr) => {
          const now = performance.now();
          if (tr.local) {
            const after = tr.afterState.get(id) ?? 0;
            for (let clock = tr.beforeState.get(id) ?? 0; clock < after; clock++) times.set(clock, now);
            return;
          }
          for (const [from, after] of tr.afterState) {
            const before = tr.beforeState.get(from) ?? 0;
            if (after <= before) continue;
            const sender = senders.get(from);
            if (!sender) continue;
            const bucket = sender.instance === instance ? same : cross;
            for (let clock = before; clock < after; clock++) {
              const t = sender.times.get(clock);
              if (t !== undefined) bucket.push(t, now - t);
            }
          }
        });
      }
    },
    summary([fromMicros, toMicros]) {
      const offset = monotonicOffsetMs();
      const from = fromMicros / 1000 - offset;
      const to = toMicros / 1000 - offset;
      return { clientsPerInstance: Object.fromEntries([...perInstance].sort((a, b) => a[0] - b[0])), same: stats(same, from, to), cross: stats(cross, from, to) };
    },
  };
}
