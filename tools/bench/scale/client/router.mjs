// Plays the balancer in the client process: sends the editors of each document to the instances in turn, so that a
// document's editors are split across them. The clients are the sync harness's (../../sync/client/providers.mjs),
// which take one server URL; this module changes, per new provider, which instance it connects to.
//
// Why patch the providers rather than pass a URL per client: the many-documents workload (runMany) is reused as it
// is, and it connects every editor to one `target`. Each stock provider opens its socket in `connect()`, called from
// its constructor once the URL is known; a room's n-th provider is sent to instance (n + the room's index) mod the
// number of instances, so a 5-editor document gets 3 + 2 editors, alternately on one side and the other. With
// `byDocument`, a balancer with document affinity: every editor of a room goes to instance (the room's index) mod n.
import { HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { WebsocketProvider } from 'y-websocket';

/** The current plan: { urls, offsets: room -> index, counts: room -> providers so far }; null sends nothing anywhere else. */
let plan = null;
/** Provider (y-websocket) or socket (Hocuspocus) -> index of the instance it was sent to. */
const chosen = new WeakMap();

/**
 * From now on, spread each of `rooms`' new providers over `urls` (urls[0] is the URL the clients are given), or with
 * `byDocument` keep each room's providers on one instance.
 */
export function routeRooms(urls, rooms, { byDocument = false } = {}) {
  plan = { urls, byDocument, offsets: new Map(rooms.map((room, i) => [room, i])), counts: new Map() };
}

export function stopRouting() {
  plan = null;
}

function pick(room) {
  const n = plan.byDocument ? 0 : (plan.counts.get(room) ?? 0);
  plan.counts.set(room, n + 1);
  return (n + (plan.offsets.get(room) ?? 0)) % plan.urls.length;
}

/** Index of the instance a client ({ provider }) was sent to (0 when it was not routed). */
export function instanceOf(client) {
  const socket = client.provider.configuration?.websocketProvider;
  return chosen.get(socket ?? client.provider) ?? 0;
}

const wsConnect = WebsocketProvider.prototype.connect;
WebsocketProvider.prototype.connect = function connect(...args) {
  if (plan && !chosen.has(this) && plan.urls.length > 1) {
    const i = pick(this.roomname);
    chosen.set(this, i);
    // provider.url is serverUrl + '/' + room + '?params': only the server part changes.
    if (!this.url.startsWith(plan.urls[0])) throw new Error(`unexpected provider URL ${this.url}`);
    this.url = plan.urls[i] + this.url.slice(plan.urls[0].length);
  }
  return wsConnect.apply(this, args);
};

const hpConnect = HocuspocusProviderWebsocket.prototype.connect;
HocuspocusProviderWebsocket.prototype.connect = function connect(...args) {
  // A HocuspocusProvider without a shared socket creates its own, with its whole configuration (name included).
  if (plan && !chosen.has(this) && plan.urls.length > 1) {
    const i = pick(this.configuration.name);
    chosen.set(this, i);
    this.configuration.url = plan.urls[i];
  }
  return hpConnect.apply(this, args);
};
