import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** Who a connection's presence shows: taken from the server's session and membership, never from the client. */
export interface PresenceIdentity {
  /** The person; a client id set by one person cannot be taken over by another. */
  userId: string;
  name: string;
  organisation: string | null;
}

export interface AwarenessLimits {
  /** Largest JSON text of one state, in UTF-16 code units (about bytes for the ASCII of JSON). */
  maxStateBytes: number;
  /** Client ids one connection may hold in one document. */
  maxClientsPerConnection: number;
}

interface Entry<Owner> {
  clock: number;
  /** The JSON text of the state as relayed (with the server's identity in `user`). */
  state: string;
  owner: Owner;
  userId: string;
}

/** Why an awareness update was refused, with the protocol's error code. */
export class AwarenessRefusal extends Error {
  constructor(
    readonly code: 'malformed' | 'forbidden' | 'too_large',
    message: string,
  ) {
    super(message);
  }
}

const COLOUR = /^#[0-9a-f]{6}$/i;
/** Departed client ids remembered per document. */
const DEPARTED_KEPT = 1000;
const DEFAULT_COLOUR = '#1f5f99';

/**
 * The awareness states (cursors, names) of one document. A connection may set only client ids it holds (or that
 * another connection of the same person held, as after a reconnection), at most `maxClientsPerConnection` of them,
 * each state a JSON object (or null, to leave) of at most `maxStateBytes`; `user.name` and `user.organisation` are
 * replaced by the server's, so nobody can appear as someone else. The registry keeps the states as relayed, so a new
 * joiner gets exactly what the others got, and removes a connection's states when it leaves.
 */
export class AwarenessRegistry<Owner> {
  private readonly entries = new Map<number, Entry<Owner>>();
  /** Client ids that left, oldest first: their last clock and who held them. */
  private readonly departed = new Map<number, { clock: number; userId: string }>();

  constructor(private readonly limits: AwarenessLimits) {}

  get size(): number {
    return this.entries.size;
  }

  /**
   * Checks an awareness update from `owner` and records it; returns the update to relay (with the server's identity
   * in every state), or null when nothing in it is newer than what is known. Entries no newer than the known state
   * are left out silently: stock y-websocket clients echo every change they hear, others' states included. Throws an
   * AwarenessRefusal, changing nothing, when an entry is malformed or too large, when a newer state is set for a
   * client id that another person holds (or held), or when the connection would hold too many client ids.
   */
  apply(update: Uint8Array, owner: Owner, identity: PresenceIdentity): Uint8Array | null {
    const fresh: RawEntry[] = [];
    for (const { clientId, clock, state } of decodeEntries(update)) {
      if (state.length > this.limits.maxStateBytes) {
        throw new AwarenessRefusal('too_large', `an awareness state may be at most ${this.limits.maxStateBytes} bytes`);
      }
      const known = this.entries.get(clientId) ?? this.departed.get(clientId);
      if (known && clock <= known.clock) continue;
      if (known && known.userId !== identity.userId) {
        throw new AwarenessRefusal('forbidden', `awareness client id ${clientId} belongs to another connection`);
      }
      fresh.push({ clientId, clock, state: this.withIdentity(state, identity) });
    }

    const held = new Set<number>();
    for (const [clientId, entry] of this.entries) if (entry.owner === owner) held.add(clientId);
    for (const { clientId, state } of fresh) {
      if (state === 'null') held.delete(clientId);
      else held.add(clientId);
    }
    if (held.size > this.limits.maxClientsPerConnection) {
      throw new AwarenessRefusal('too_large', `a connection may hold at most ${this.limits.maxClientsPerConnection} awareness client ids`);
    }
    for (const entry of fresh) {
      if (entry.state === 'null') this.forget(entry.clientId, entry.clock, identity.userId);
      else this.entries.set(entry.clientId, { clock: entry.clock, state: entry.state, owner, userId: identity.userId });
    }
    return fresh.length > 0 ? encodeEntries(fresh) : null;
  }

  /**
   * Records states another instance relayed for one of its connections (`owner` stands for that instance): already
   * checked and given their identity there, so only their clocks and their person are checked here. Returns the
   * update to tell this instance's connections, or null when nothing in it is newer.
   */
  applyRemote(update: Uint8Array, owner: Owner, userId: string): Uint8Array | null {
    const fresh: RawEntry[] = [];
    for (const { clientId, clock, state } of decodeEntries(update)) {
      const known = this.entries.get(clientId) ?? this.departed.get(clientId);
      if ((known && clock <= known.clock) || state.length > this.limits.maxStateBytes) continue;
      fresh.push({ clientId, clock, state });
    }
    for (const entry of fresh) {
      if (entry.state === 'null') this.forget(entry.clientId, entry.clock, userId);
      else this.entries.set(entry.clientId, { clock: entry.clock, state: entry.state, owner, userId });
    }
    return fresh.length > 0 ? encodeEntries(fresh) : null;
  }

  /** The states of the owners `mine` accepts, as one update per person (what another instance asks for). */
  statesOf(mine: (owner: Owner) => boolean): { userId: string; update: Uint8Array }[] {
    const byPerson = new Map<string, RawEntry[]>();
    for (const [clientId, entry] of this.entries) {
      if (!mine(entry.owner)) continue;
      const list = byPerson.get(entry.userId) ?? [];
      list.push({ clientId, clock: entry.clock, state: entry.state });
      byPerson.set(entry.userId, list);
    }
    return [...byPerson].map(([userId, list]) => ({ userId, update: encodeEntries(list) }));
  }

  /** Every known state as one awareness update, for a client that joins; null when there are none. */
  encodeAll(): Uint8Array | null {
    if (this.entries.size === 0) return null;
    return encodeEntries([...this.entries].map(([clientId, entry]) => ({ clientId, clock: entry.clock, state: entry.state })));
  }

  /** Forgets the owner's clients and returns the update that tells the others they left (null if it had none). */
  removeOwner(owner: Owner): Uint8Array | null {
    return this.removeOwned(owner)?.update ?? null;
  }

  /** As removeOwner, with the person who held the clients (a connection is one person's). */
  removeOwned(owner: Owner): { userId: string; update: Uint8Array } | null {
    const removed: RawEntry[] = [];
    let userId = '';
    for (const [clientId, entry] of this.entries) {
      if (entry.owner === owner) {
        removed.push({ clientId, clock: entry.clock + 1, state: 'null' });
        userId = entry.userId;
      }
    }
    if (removed.length === 0) return null;
    for (const { clientId, clock } of removed) this.forget(clientId, clock, this.entries.get(clientId)!.userId);
    return { userId, update: encodeEntries(removed) };
  }

  /**
   * Removes a state and remembers its last clock and person for a while, so that a late echo of it is recognised as
   * one and nobody else takes over the departed client id.
   */
  private forget(clientId: number, clock: number, userId: string): void {
    this.entries.delete(clientId);
    this.departed.delete(clientId);
    this.departed.set(clientId, { clock, userId });
    if (this.departed.size > DEPARTED_KEPT) this.departed.delete(this.departed.keys().next().value as number);
  }

  /** The state as relayed: a JSON object whose `user` is the server's identity (with the client's caret colour). */
  private withIdentity(text: string, identity: PresenceIdentity): string {
    let state: unknown;
    try {
      state = JSON.parse(text);
    } catch {
      throw new AwarenessRefusal('malformed', 'an awareness state must be JSON');
    }
    if (state === null) return 'null';
    if (typeof state !== 'object' || Array.isArray(state)) throw new AwarenessRefusal('malformed', 'an awareness state must be a JSON object or null');
    const claimed = (state as { user?: unknown }).user;
    const colour = typeof claimed === 'object' && claimed !== null ? (claimed as { color?: unknown }).color : undefined;
    const user = { name: identity.name, organisation: identity.organisation, color: typeof colour === 'string' && COLOUR.test(colour) ? colour : DEFAULT_COLOUR };
    return JSON.stringify({ ...(state as Record<string, unknown>), user });
  }
}

/** One entry of an awareness update as it is on the wire. */
interface RawEntry {
  clientId: number;
  clock: number;
  state: string;
}

function decodeEntries(update: Uint8Array): RawEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: RawEntry[] = [];
  for (let i = 0; i < count; i++) {
    entries.push({ clientId: decoding.readVarUint(decoder), clock: decoding.readVarUint(decoder), state: decoding.readVarString(decoder) });
  }
  if (decoding.hasContent(decoder)) throw new AwarenessRefusal('malformed', 'trailing bytes in awareness update');
  return entries;
}

function encodeEntries(entries: RawEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, state);
  }
  return encoding.toUint8Array(encoder);
}
