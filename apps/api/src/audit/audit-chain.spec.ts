import { type AuditContent, ChainVerifier, entryHash, GENESIS_HASH, type StoredEntry } from './audit-chain';

function chain(length: number): StoredEntry[] {
  const entries: StoredEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq++) {
    const content: AuditContent = {
      chain: 'workspace:w',
      seq,
      workspaceId: 'w',
      actorId: 'u',
      action: 'membership.role_changed',
      targetType: 'membership',
      targetId: `m${seq}`,
      details: { from: 'expert', to: 'observer', n: seq },
      createdAt: new Date(Date.UTC(2026, 10, 30, 8, 0, seq)),
    };
    const hash = entryHash(prevHash, content);
    entries.push({ ...content, id: seq * 10, prevHash, hash });
    prevHash = hash;
  }
  return entries;
}

describe('the audit hash chain', () => {
  it('verifies an intact chain fed in batches', () => {
    const entries = chain(7);
    const verifier = new ChainVerifier();
    expect(verifier.feed(entries.slice(0, 3))).toBeNull();
    expect(verifier.feed(entries.slice(3))).toBeNull();
    expect(verifier.finish({ seq: 7, hash: entries[6].hash })).toBeNull();
    expect(verifier.checked).toBe(7);
  });

  it('hashes the content only, whatever else a stored entry carries', () => {
    const [entry] = chain(1);
    expect(entryHash(GENESIS_HASH, { ...entry, id: 999 } as StoredEntry)).toBe(entry.hash);
    expect(entryHash(GENESIS_HASH, { ...entry, details: { ...entry.details, n: 2 } })).not.toBe(entry.hash);
  });

  it('names the first changed entry', () => {
    const entries = chain(5);
    entries[2] = { ...entries[2], details: { from: 'expert', to: 'coordinator', n: 3 } };
    expect(new ChainVerifier().feed(entries)).toEqual({ seq: 3, id: 30, reason: expect.stringMatching(/changed/) });
  });

  it('names a changed entry even when its hash was recomputed, at the next link', () => {
    const entries = chain(5);
    const forged = { ...entries[1], action: 'membership.deactivated' };
    entries[1] = { ...forged, hash: entryHash(forged.prevHash, forged) };
    expect(new ChainVerifier().feed(entries)).toEqual({ seq: 3, id: 30, reason: expect.stringMatching(/link/) });
  });

  it('names a deleted entry in the middle and deleted entries at the end', () => {
    const entries = chain(6);
    expect(new ChainVerifier().feed([...entries.slice(0, 2), ...entries.slice(3)])).toMatchObject({ seq: 3, id: null });
    const verifier = new ChainVerifier();
    expect(verifier.feed(entries.slice(0, 4))).toBeNull();
    expect(verifier.finish({ seq: 6, hash: entries[5].hash })).toMatchObject({ seq: 5, reason: expect.stringMatching(/5 to 6 are missing/) });
  });
});
