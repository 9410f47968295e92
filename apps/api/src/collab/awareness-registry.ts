import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

interface Entry<Owner> {
  clock: number;
  /** The JSON text of the state, exactly as the client sent it. */
  state: string;
  owner: Owner;
}

/**
 * The awareness states (cursors, names) of one document, kept as the raw JSON each client sent: the server relays
 * awareness but never interprets it, so it needs no y-protocols Awareness instance (nor its timers) per document.
 * It remembers which connection owns which client ids, to announce their removal when the connection leaves.
 */
export class AwarenessRegistry<Owner> {
  private readonly entries = new Map<number, Entry<Owner>>();

  get size(): number {
    return this.entries.size;
  }

  /** Records an awareness update from `owner`. Throws on malformed bytes (before changing anything). */
  apply(update: Uint8Array, owner: Owner): void {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const parsed: { clientId: number; clock: number; state: string }[] = [];
    for (let i = 0; i < count; i++) {
      parsed.push({ clientId: decoding.readVarUint(decoder), clock: decoding.readVarUint(decoder), state: decoding.readVarString(decoder) });
    }
    if (decoding.hasContent(decoder)) throw new Error('trailing bytes in awareness update');
    for (const { clientId, clock, state } of parsed) {
      const current = this.entries.get(clientId);
      if (current && current.clock > clock) continue;
      if (state === 'null') this.entries.delete(clientId);
      else this.entries.set(clientId, { clock, state, owner });
    }
  }

  /** Every known state as one awareness update, for a client that joins; null when there are none. */
  encodeAll(): Uint8Array | null {
    if (this.entries.size === 0) return null;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, this.entries.size);
    for (const [clientId, entry] of this.entries) {
      encoding.writeVarUint(encoder, clientId);
      encoding.writeVarUint(encoder, entry.clock);
      encoding.writeVarString(encoder, entry.state);
    }
    return encoding.toUint8Array(encoder);
  }

  /** Forgets the owner's clients and returns the update that tells the others they left (null if it had none). */
  removeOwner(owner: Owner): Uint8Array | null {
    const removed: [number, number][] = [];
    for (const [clientId, entry] of this.entries) {
      if (entry.owner === owner) removed.push([clientId, entry.clock + 1]);
    }
    if (removed.length === 0) return null;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, removed.length);
    for (const [clientId, clock] of removed) {
      this.entries.delete(clientId);
      encoding.writeVarUint(encoder, clientId);
      encoding.writeVarUint(encoder, clock);
      encoding.writeVarString(encoder, 'null');
    }
    return encoding.toUint8Array(encoder);
  }
}
