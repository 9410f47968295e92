// Scenario 4: many open documents, one client each, a little text each; the runner measures the server's memory.
import { connect, pool, sleep, textOf } from './providers.mjs';

export async function runIdleOpen(session, { target, docIds, chars = 100, words = 10 }) {
  const t0 = performance.now();
  const word = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua';
  await pool(docIds, 20, async (docId, index) => {
    const client = connect(target, docId);
    await client.whenSynced();
    session.clients.push(client);
    const text = textOf(client.doc);
    const piece = Math.ceil(chars / words);
    for (let w = 0; w < words; w++) {
      const start = (index * 7 + w * piece) % (word.length - piece);
      text.insert(text.length, word.slice(start, start + piece));
    }
  });
  // The provider sends each transaction at once; give the last ones time to arrive and be applied.
  await sleep(500);
  return { documents: docIds.length, chars, seconds: (performance.now() - t0) / 1000 };
}
