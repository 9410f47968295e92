import { io, type Socket } from 'socket.io-client';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { decodeMessage, encodeSyncStep1, encodeUpdate } from '@commonplan/sync';
import type { TestServer } from './test-server';

// The stock providers of both major versions of y-websocket, as any Yjs tool would use them.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { WebsocketProvider: WebsocketProviderV1 } = require('y-websocket');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { WebsocketProvider: WebsocketProviderV3 } = require('y-websocket-v3');

export interface StockProvider {
  doc: Y.Doc;
  ws: WebSocket | null;
  wsconnected: boolean;
  synced: boolean;
  awareness: { setLocalStateField(field: string, value: unknown): void; getStates(): Map<number, unknown> };
  on(event: string, listener: (...args: any[]) => void): void;
  connect(): void;
  disconnect(): void;
  destroy(): void;
}

/**
 * A stock y-websocket WebsocketProvider on the server's /collab endpoint. `disableBc` matters: without it providers
 * of one process would sync through BroadcastChannel and a test could pass with the server doing nothing.
 */
export function stockProvider(server: TestServer, documentId: string, token: string, version: 1 | 3, doc = new Y.Doc()): StockProvider {
  const Provider = version === 1 ? WebsocketProviderV1 : WebsocketProviderV3;
  return new Provider(server.url.replace('http', 'ws') + '/collab', documentId, doc, {
    WebSocketPolyfill: WebSocket,
    params: { token },
    disableBc: true,
    maxBackoffTime: 500,
  });
}

export function whenSynced(provider: StockProvider, timeoutMs = 15_000): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return withTimeout(new Promise<void>((resolve) => provider.on('sync', (synced: boolean) => synced && resolve())), timeoutMs, 'sync');
}

/** A raw socket.io client of a namespace, /collab by default (the protocol without the client library). */
export function ioClient(server: TestServer, token: string | undefined, namespace = '/collab'): Socket {
  return io(`${server.url}${namespace}`, { path: '/socket.io', transports: ['websocket'], auth: token ? { token } : {}, reconnection: false, forceNew: true });
}

export function connected(socket: Socket): Promise<void> {
  return withTimeout(
    new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (error) => reject(error));
    }),
    10_000,
    'connect',
  );
}

export function emitAck<T = any>(socket: Socket, event: string, ...args: unknown[]): Promise<T> {
  return withTimeout(new Promise<T>((resolve) => socket.emit(event, ...args, (ack: T) => resolve(ack))), 15_000, `${event} ack`);
}

/** Waits until `check` holds, polling. */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 15_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** A paragraph-holding XmlText in the document's rich text, created on first use (the shape Tiptap gives it). */
export function textOf(doc: Y.Doc): Y.XmlText {
  const fragment = doc.getXmlFragment('default');
  if (fragment.length === 0) {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText()]);
    fragment.insert(0, [paragraph]);
  }
  return (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

export function plain(doc: Y.Doc): string {
  const fragment = doc.getXmlFragment('default');
  return fragment
    .toArray()
    .map((block) => (block instanceof Y.XmlElement ? block.toArray().map((t) => (t instanceof Y.XmlText ? t.toString() : '')).join('') : ''))
    .join('\n');
}

/**
 * A raw socket.io editor joined to the document: every local update is sent at once, without waiting for the
 * acknowledgements, whose promises are kept in `acks`; `synced` resolves once the server's first sync has arrived.
 */
export async function rawEditor(server: TestServer, token: string, documentId: string, cleanup: (() => void)[]) {
  const socket = ioClient(server, token);
  cleanup.push(() => socket.disconnect());
  await connected(socket);
  const joined = await emitAck(socket, 'join', documentId);
  if (joined?.ok !== true) throw new Error(`could not join ${documentId}: ${JSON.stringify(joined)}`);
  const doc = new Y.Doc();
  const acks: Promise<any>[] = [];
  let markSynced!: () => void;
  const synced = new Promise<void>((resolve) => (markSynced = resolve));
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'server') acks.push(emitAck(socket, 'msg', documentId, encodeUpdate(update)));
  });
  socket.on('msg', (id: string, bytes: ArrayBuffer) => {
    if (id !== documentId) return;
    const message = decodeMessage(new Uint8Array(bytes));
    if (message.type === 'sync-step-2' || message.type === 'update') Y.applyUpdate(doc, message.update, 'server');
    if (message.type === 'sync-step-2') markSynced();
  });
  socket.emit('msg', documentId, encodeSyncStep1(Y.encodeStateVector(doc)));
  return { socket, doc, acks, synced };
}
