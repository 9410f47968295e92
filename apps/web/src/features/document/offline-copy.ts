// A copy of each open document in the browser's IndexedDB (y-indexeddb), so that what someone types while offline
// survives a closed tab and is merged into the shared document when the page is open again and connected. Copies
// are per person (the database name holds the user id) and are deleted when that person signs out.
import * as Y from 'yjs';

const PREFIX = 'commonplan-doc';

/** Keeps `doc` in IndexedDB from now on, after loading what an earlier page stored; resolves to a stop function. */
export type OfflineCopy = (userId: string, docId: string, doc: Y.Doc) => Promise<() => void>;

/** How long the page waits for the stored copy before it goes on without it (a stuck IndexedDB never blocks). */
const LOAD_TIMEOUT_MS = 3_000;

export const indexedDbCopy: OfflineCopy = async (userId, docId, doc) => {
  if (typeof indexedDB === 'undefined') return () => undefined;
  const { IndexeddbPersistence } = await import('y-indexeddb');
  const persistence = new IndexeddbPersistence(`${PREFIX}:${userId}:${docId}`, doc);
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    persistence.whenSynced.catch(() => undefined),
    new Promise((resolve) => {
      timer = setTimeout(resolve, LOAD_TIMEOUT_MS);
    }),
  ]);
  clearTimeout(timer);
  return () => void persistence.destroy().catch(() => undefined);
};

/** Deletes every stored document copy of this browser (at sign-out: the next person must not find them). */
export async function deleteOfflineCopies(): Promise<void> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  const databases = await indexedDB.databases().catch(() => []);
  await Promise.all(
    databases
      .map((database) => database.name)
      .filter((name): name is string => typeof name === 'string' && name.startsWith(`${PREFIX}:`))
      .map(
        (name) =>
          new Promise<void>((resolve) => {
            const request = indexedDB.deleteDatabase(name);
            request.onsuccess = request.onerror = request.onblocked = () => resolve();
          }),
      ),
  );
}
