import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { AwarenessRefusal, AwarenessRegistry } from './awareness-registry';

const update = (...entries: Array<[clientId: number, clock: number, state: unknown]>) => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const [clientId, clock, state] of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder);
};

const decode = (bytes: Uint8Array | null) => {
  if (!bytes) return null;
  const decoder = decoding.createDecoder(bytes);
  const count = decoding.readVarUint(decoder);
  return Array.from({ length: count }, () => [decoding.readVarUint(decoder), decoding.readVarUint(decoder), JSON.parse(decoding.readVarString(decoder))]);
};

const anna = { userId: 'u-anna', name: 'Anna Nowak', organisation: 'Gmina Dobra' };
const jan = { userId: 'u-jan', name: 'Jan Kowalski', organisation: null };

describe('AwarenessRegistry', () => {
  const registry = () => new AwarenessRegistry<string>({ maxStateBytes: 1024, maxClientsPerConnection: 2 });

  it('relays a state with the server’s name and organisation in place of the claimed ones', () => {
    const r = registry();
    expect(decode(r.apply(update([1, 1, { user: { name: 'Wojewoda', organisation: 'Urząd', color: '#abcdef' }, cursor: { a: 1 } }]), 'c1', anna))).toEqual([
      [1, 1, { user: { name: 'Anna Nowak', organisation: 'Gmina Dobra', color: '#abcdef' }, cursor: { a: 1 } }],
    ]);
    expect(decode(r.encodeAll())).toEqual([[1, 1, { user: { name: 'Anna Nowak', organisation: 'Gmina Dobra', color: '#abcdef' }, cursor: { a: 1 } }]]);
  });

  it('passes over echoes of others’ states (stock y-websocket clients send them) without refusing', () => {
    const r = registry();
    r.apply(update([1, 3, { user: {} }]), 'c1', anna);
    expect(r.apply(update([1, 3, { user: {} }], [1, 2, null]), 'c2', jan)).toBeNull();
    expect(r.size).toBe(1);
  });

  it('refuses a newer state or a removal of a client id another person holds', () => {
    const r = registry();
    r.apply(update([1, 3, { user: {} }]), 'c1', anna);
    expect(() => r.apply(update([1, 4, { user: {} }]), 'c2', jan)).toThrow(AwarenessRefusal);
    expect(() => r.apply(update([1, 9, null]), 'c2', jan)).toThrow(/belongs to another connection/);
    expect(decode(r.encodeAll())![0][2].user.name).toBe('Anna Nowak');
  });

  it('lets the same person carry a client id to a new connection (a reconnection), and keeps departed ids theirs', () => {
    const r = registry();
    r.apply(update([1, 3, { user: {} }]), 'old', anna);
    expect(decode(r.apply(update([1, 4, { user: {} }]), 'new', anna))).toHaveLength(1);
    expect(r.removeOwner('old')).toBeNull();
    expect(decode(r.removeOwner('new'))).toEqual([[1, 5, null]]);
    // A late echo of the departed state, and someone else taking the id over, change nothing.
    expect(r.apply(update([1, 4, { user: {} }]), 'c3', jan)).toBeNull();
    expect(() => r.apply(update([1, 6, { user: {} }]), 'c3', jan)).toThrow(/another connection/);
    expect(r.size).toBe(0);
  });

  it('limits the state size and the client ids a connection holds, and wants JSON objects', () => {
    const r = registry();
    expect(() => r.apply(update([1, 1, { pad: 'x'.repeat(2000) }]), 'c1', anna)).toThrow(expect.objectContaining({ code: 'too_large' }));
    expect(() => r.apply(update([1, 1, {}], [2, 1, {}], [3, 1, {}]), 'c1', anna)).toThrow(expect.objectContaining({ code: 'too_large' }));
    expect(() => r.apply(update([1, 1, 'text']), 'c1', anna)).toThrow(expect.objectContaining({ code: 'malformed' }));
    expect(() => r.apply(update([1, 1, [1, 2]]), 'c1', anna)).toThrow(expect.objectContaining({ code: 'malformed' }));
    expect(r.size).toBe(0);
    r.apply(update([1, 1, {}], [2, 1, {}]), 'c1', anna);
    // Leaving one makes room for another.
    expect(decode(r.apply(update([1, 2, null], [3, 1, {}]), 'c1', anna))).toHaveLength(2);
  });

  describe('states relayed by another instance', () => {
    it('keeps them under that instance, newer clocks only, and lets them go with it', () => {
      const r = registry();
      expect(decode(r.applyRemote(update([5, 2, { user: { name: 'Anna Nowak' } }]), 'instance-b', anna.userId))).toEqual([[5, 2, { user: { name: 'Anna Nowak' } }]]);
      // An older or equal clock is an echo: nothing to tell.
      expect(r.applyRemote(update([5, 2, { user: { name: 'x' } }]), 'instance-b', anna.userId)).toBeNull();
      expect(decode(r.encodeAll())).toEqual([[5, 2, { user: { name: 'Anna Nowak' } }]]);
      // Another person cannot take the client id over here, whichever instance it was set on.
      expect(() => r.apply(update([5, 9, {}]), 'connection-of-jan', jan)).toThrow(AwarenessRefusal);
      // The same person may, as after moving to this instance.
      expect(decode(r.apply(update([5, 3, {}]), 'connection-of-anna', anna))).toHaveLength(1);
      r.applyRemote(update([6, 1, { cursor: 1 }]), 'instance-b', jan.userId);
      expect(decode(r.removeOwner('instance-b'))).toEqual([[6, 2, null]]);
      expect(r.size).toBe(1);
    });

    it('gives the states of this instance’s own connections, one update per person', () => {
      const r = registry();
      r.apply(update([1, 1, {}]), 'connection-1', anna);
      r.apply(update([2, 1, {}]), 'connection-2', anna);
      r.apply(update([3, 1, {}]), 'connection-3', jan);
      r.applyRemote(update([4, 1, {}]), 'instance-b', 'u-other');
      const states = r.statesOf((owner) => owner.startsWith('connection-'));
      expect(states.map((s) => [s.userId, decode(s.update)!.map(([clientId]) => clientId)])).toEqual([
        [anna.userId, [1, 2]],
        [jan.userId, [3]],
      ]);
    });
  });
});
