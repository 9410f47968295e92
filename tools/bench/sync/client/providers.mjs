// The stock clients: y-websocket 1.x's WebsocketProvider (for Commonplan and the y-websocket reference server) and
// @hocuspocus/provider 3.4.4 (for Hocuspocus, whose protocol frames every message with the document name).
import { HocuspocusProvider } from '@hocuspocus/provider';
import { WebsocketProvider } from 'y-websocket';
import { WebSocket } from 'ws';
import * as Y from 'yjs';

/**
 * A client of `target` ({ client, url, token }) on document `room`: { doc, synced, whenSynced(ms), destroy() }.
 * y-websocket: `disableBc: true` always, or providers of this one process would sync through BroadcastChannel and
 * the server would do nothing.
 */
export function connect(target, room, doc = new Y.Doc()) {
  if (target.client === 'hocuspocus') {
    const provider = new HocuspocusProvider({ url: target.url, name: room, document: doc, WebSocketPolyfill: WebSocket, token: target.token ?? null });
    return wrap(doc, provider, () => provider.isSynced, (listener) => provider.on('synced', ({ state }) => state && listener()));
  }
  const provider = new WebsocketProvider(target.url, room, doc, {
    WebSocketPolyfill: WebSocket,
    disableBc: true,
    params: target.token ? { token: target.token } : {},
    maxBackoffTime: 500,
  });
  return wrap(doc, provider, () => provider.synced, (listener) => provider.on('sync', (synced) => synced && listener()));
}

function wrap(doc, provider, isSynced, onSynced) {
  let syncedAt = null;
  const waiters = [];
  onSynced(() => {
    syncedAt ??= performance.now();
    for (const w of waiters.splice(0)) w();
  });
  return {
    doc,
    provider,
    get synced() {
      return isSynced();
    },
    get syncedAt() {
      return syncedAt;
    },
    whenSynced(timeoutMs = 60_000) {
      if (isSynced()) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`not synced within ${timeoutMs} ms`)), timeoutMs);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
    destroy() {
      provider.destroy();
    },
  };
}

/** The paragraph's XmlText in the document's rich text (XmlFragment 'default'), created on first use. */
export function textOf(doc) {
  const fragment = doc.getXmlFragment('default');
  if (fragment.length === 0) {
    doc.transact(() => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText()]);
      fragment.insert(0, [paragraph]);
    });
  }
  return fragment.get(0).get(0);
}

/** The XmlText if the document has its paragraph already (without creating it), else null. */
export function existingText(doc) {
  const paragraph = doc.getXmlFragment('default').get(0);
  return paragraph instanceof Y.XmlElement && paragraph.get(0) instanceof Y.XmlText ? paragraph.get(0) : null;
}

/** Runs `fn` over items with at most `limit` running at once. */
export async function pool(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i], i);
      }
    }),
  );
  return results;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const tick = () => new Promise((r) => setImmediate(r));

export async function until(check, timeoutMs, what, everyMs = 5) {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}
