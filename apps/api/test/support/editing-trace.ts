import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface Edit {
  at: number;
  remove: number;
  insert: string;
}

/**
 * A real keystroke trace (josephg/editing-traces), as single edits in order. Looked up in the shared data folder next
 * to the repository; the repository keeps its own copy of automerge-paper under apps/api/test/fixtures.
 */
export function loadTrace(name: 'automerge-paper'): { edits: Edit[]; endContent: string } {
  const candidates = [
    resolve(__dirname, `../fixtures/${name}.json.gz`),
    resolve(__dirname, `../../../../../shared/data/editing-traces/${name}.json.gz`),
  ];
  const file = candidates.find((path) => existsSync(path));
  if (!file) throw new Error(`editing trace ${name} not found in ${candidates.join(' or ')}`);
  const trace = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as {
    endContent: string;
    txns: { patches: [number, number, string][] }[];
  };
  const edits: Edit[] = [];
  for (const txn of trace.txns) for (const [at, remove, insert] of txn.patches) edits.push({ at, remove, insert });
  return { edits, endContent: trace.endContent };
}
