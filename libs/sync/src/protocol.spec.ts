import { describe, expect, it } from 'vitest';
// The protocol's document, read as text (not a module of ours).
// eslint-disable-next-line @nx/enforce-module-boundaries
import doc from '../../../docs/sync-protocol.md?raw';
import { ackErrorAction, accessMaySendUpdates, shouldRetryJoin } from './ack-policy';
import {
  COLLAB_EVENTS,
  COLLAB_NAMESPACE,
  DEFAULT_MAX_MESSAGE_BYTES,
  MESSAGE_AUTH,
  MESSAGE_AWARENESS,
  MESSAGE_SYNC,
  parseJoinAck,
  parseMessageAck,
  parseSyncError,
  SYNC_ERROR_CODES,
  SYNC_STEP_1,
  SYNC_STEP_2,
  SYNC_UPDATE,
  WS_CLOSE_ACCESS_ENDED,
  WS_CLOSE_SESSION_ENDED,
  WS_CLOSE_MALFORMED,
  WS_CLOSE_MESSAGE_TOO_BIG,
  parseDocEvent,
} from './protocol';

describe('protocol constants', () => {
  it('match docs/sync-protocol.md', () => {
    expect(COLLAB_NAMESPACE).toBe('/collab');
    expect(COLLAB_EVENTS).toEqual({ join: 'join', msg: 'msg', leave: 'leave', docError: 'doc-error', docEvent: 'doc-event' });
    expect([MESSAGE_SYNC, MESSAGE_AWARENESS, MESSAGE_AUTH]).toEqual([0, 1, 2]);
    expect([SYNC_STEP_1, SYNC_STEP_2, SYNC_UPDATE]).toEqual([0, 1, 2]);
    expect(DEFAULT_MAX_MESSAGE_BYTES).toBe(2 * 1024 * 1024);
    expect([WS_CLOSE_ACCESS_ENDED, WS_CLOSE_SESSION_ENDED, WS_CLOSE_MESSAGE_TOO_BIG, WS_CLOSE_MALFORMED]).toEqual([4403, 4401, 1009, 1007]);
    // The error codes are exactly those the document lists in its SyncErrorCode type.
    const union = /type SyncErrorCode =([\s\S]*?);/.exec(doc)?.[1] ?? '';
    const documented = [...union.matchAll(/\| '([a-z_]+)'/g)].map((m) => m[1]);
    expect(documented.length).toBeGreaterThan(8);
    expect([...SYNC_ERROR_CODES].sort()).toEqual(documented.sort());
    for (const code of [WS_CLOSE_ACCESS_ENDED, WS_CLOSE_SESSION_ENDED, WS_CLOSE_MESSAGE_TOO_BIG, WS_CLOSE_MALFORMED]) expect(doc).toContain(`\`${code}\``);
  });
});

describe('doc-event parsing', () => {
  it('accepts the kinds this client knows and ignores the rest', () => {
    expect(parseDocEvent({ type: 'comments' })).toEqual({ type: 'comments' });
    expect(parseDocEvent({ type: 'comments', extra: 1 })).toEqual({ type: 'comments' });
    expect(parseDocEvent({ type: 'versions' })).toEqual({ type: 'versions' });
    expect(parseDocEvent({ type: 'votes' })).toBeNull();
    expect(parseDocEvent(null)).toBeNull();
    expect(parseDocEvent('comments')).toBeNull();
  });
});

describe('acknowledgement parsing', () => {
  it('accepts well-formed acks', () => {
    expect(parseJoinAck({ ok: true, access: 'comment' })).toEqual({ ok: true, access: 'comment' });
    expect(parseMessageAck({ ok: true, seq: 42 })).toEqual({ ok: true, seq: 42 });
    expect(parseMessageAck({ ok: true, seq: null })).toEqual({ ok: true, seq: null });
    const error = { code: 'forbidden', message: 'read-only' };
    expect(parseJoinAck({ ok: false, error })).toEqual({ ok: false, error });
    expect(parseMessageAck({ ok: false, error })).toEqual({ ok: false, error });
  });

  it('turns anything else into a retryable refusal, never into success', () => {
    for (const junk of [undefined, null, 'ok', 1, {}, { ok: 'true' }, { ok: true, access: 'admin' }, { ok: true }]) {
      expect(parseJoinAck(junk)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    }
    for (const junk of [undefined, null, {}, { ok: true }, { ok: true, seq: '1' }, { ok: true, seq: 1.5 }]) {
      expect(parseMessageAck(junk)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    }
  });

  it('keeps the message of an unknown error code', () => {
    expect(parseSyncError({ code: 'teapot', message: 'short and stout' })).toEqual({ code: 'unavailable', message: 'short and stout' });
    expect(parseSyncError('x')).toEqual({ code: 'unavailable', message: 'invalid error from the server' });
    expect(parseSyncError({ code: 'expired', message: 7 })).toEqual({ code: 'expired', message: 'invalid error from the server' });
  });
});

describe('ack error policy', () => {
  it('keeps and stops on permission refusals, drops what can never pass, retries the rest', () => {
    expect(ackErrorAction('forbidden')).toBe('halt');
    expect(ackErrorAction('expired')).toBe('halt');
    expect(ackErrorAction('unauthorized')).toBe('halt');
    expect(ackErrorAction('not_found')).toBe('halt');
    expect(ackErrorAction('too_large')).toBe('drop');
    expect(ackErrorAction('malformed')).toBe('drop');
    expect(ackErrorAction('bad_request')).toBe('drop');
    expect(ackErrorAction('unavailable')).toBe('retry');
    expect(ackErrorAction('not_joined')).toBe('rejoin');
    for (const code of SYNC_ERROR_CODES) expect(['halt', 'drop', 'retry', 'rejoin']).toContain(ackErrorAction(code));
  });

  it('lets only editors resume, and retries only unavailable joins', () => {
    expect(accessMaySendUpdates('edit')).toBe(true);
    expect(accessMaySendUpdates('comment')).toBe(false);
    expect(accessMaySendUpdates('read')).toBe(false);
    expect(SYNC_ERROR_CODES.filter(shouldRetryJoin)).toEqual(['unavailable']);
  });
});
