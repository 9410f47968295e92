// The header's unread count follows the inbox over socket.io, without polling. The socket is replaced (socket.io's
// client, not ours): a test connects it, answers the watch and sends events; the API is the fake fetch.
import { act, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { COLLAB_SOCKET_PATH, INBOX_EVENTS, INBOX_NAMESPACE } from '@commonplan/sync';
import { useApiData } from '../../api/useApiData';
import { type ApiCall, fakeApi } from '../../test/fake-api';
import { renderWithApp } from '../../test/render';
import { type Notifications, notificationsMayHaveChanged, notificationsPath, useUnreadCount } from './notifications-api';

const live = vi.hoisted(() => {
  class FakeSocket {
    handlers = new Map<string, Array<(...args: unknown[]) => void>>();
    emitted: unknown[][] = [];
    disconnected = false;
    constructor(
      readonly namespace: string,
      readonly options: Record<string, unknown>,
    ) {}
    on(event: string, handler: (...args: unknown[]) => void) {
      this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
      return this;
    }
    emit(...args: unknown[]) {
      this.emitted.push(args);
      return this;
    }
    disconnect() {
      this.disconnected = true;
      return this;
    }
    fire(event: string, ...args: unknown[]) {
      for (const handler of this.handlers.get(event) ?? []) handler(...args);
    }
  }
  return { FakeSocket, sockets: [] as FakeSocket[] };
});

vi.mock('socket.io-client', () => ({
  io: (namespace: string, options: Record<string, unknown>) => {
    const socket = new live.FakeSocket(namespace, options);
    live.sockets.push(socket);
    return socket;
  },
}));

beforeEach(() => {
  live.sockets = [];
});

const W1 = '11111111-1111-4111-8111-111111111111';
const socket = () => live.sockets.at(-1)!;
const fire = (event: string, ...args: unknown[]) => act(() => socket().fire(event, ...args));
const reads = (calls: ApiCall[], path: string) => calls.filter((c) => c.method === 'GET' && c.path === path).length;

/** Connects the socket and answers its watch as the server does. */
async function connect() {
  await fire('connect');
  const watch = socket().emitted.at(-1)!;
  expect(watch.slice(0, 2)).toEqual([INBOX_EVENTS.watch, W1]);
  await act(async () => (watch[2] as (answer: unknown) => void)({ ok: true }));
}

/** The inbox answers with `unread` growing by one at every read. */
function growingInbox(): ApiCall[] {
  let unread = 0;
  return fakeApi({
    [`GET ${notificationsPath(W1)}`]: (): Notifications => ({ unread: unread++, items: [], kinds: [] }),
    [`GET ${notificationsPath(W1, 'mention')}`]: (): Notifications => ({ unread: 0, items: [], kinds: [] }),
  });
}

function Count({ workspaceId }: { workspaceId: string | null }) {
  const unread = useUnreadCount(workspaceId);
  return <p data-testid="count">{unread}</p>;
}

/** The notifications page's read of one kind, as it would be on the screen too. */
function KindRead() {
  useApiData<Notifications>(notificationsPath(W1, 'mention'));
  return null;
}

const count = () => screen.getByTestId('count').textContent;

describe('useUnreadCount', () => {
  it('follows the workspace’s inbox on /notifications and reads the count again when it changes, with the page’s reads', async () => {
    const calls = growingInbox();
    renderWithApp(
      <>
        <Count workspaceId={W1} />
        <KindRead />
      </>,
    );
    await waitFor(() => expect(count()).toBe('0'));
    expect(socket().namespace).toBe(INBOX_NAMESPACE);
    expect(socket().options).toMatchObject({ path: COLLAB_SOCKET_PATH, withCredentials: true });

    // Once watching, it reads again: what came between the first read and the watch is not missed.
    await connect();
    await waitFor(() => expect(count()).toBe('1'));

    await fire(INBOX_EVENTS.event, W1, { type: 'changed' });
    await waitFor(() => expect(count()).toBe('2'));
    // Every read of the inbox is read again, the kind filtered too.
    await waitFor(() => expect(reads(calls, notificationsPath(W1, 'mention'))).toBe(3));

    // Another workspace's news is not this one's.
    await fire(INBOX_EVENTS.event, '22222222-2222-4222-8222-222222222222', { type: 'changed' });
    await act(async () => undefined);
    expect(reads(calls, notificationsPath(W1))).toBe(3);
    expect(count()).toBe('2');
  });

  it('watches again after a reconnection and catches up; a page’s word also reads again', async () => {
    const calls = growingInbox();
    renderWithApp(<Count workspaceId={W1} />);
    await waitFor(() => expect(count()).toBe('0'));
    await connect();
    await waitFor(() => expect(count()).toBe('1'));

    await fire('disconnect', 'transport close');
    await connect();
    expect(socket().emitted.filter((e) => e[0] === INBOX_EVENTS.watch)).toHaveLength(2);
    await waitFor(() => expect(count()).toBe('2'));

    await act(async () => notificationsMayHaveChanged());
    await waitFor(() => expect(count()).toBe('3'));
    expect(reads(calls, notificationsPath(W1))).toBe(4);
  });

  it('does not poll: without news, the count is read once', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const calls = growingInbox();
      renderWithApp(<Count workspaceId={W1} />);
      await waitFor(() => expect(count()).toBe('0'));
      await act(async () => vi.advanceTimersByTime(5 * 60_000));
      expect(reads(calls, notificationsPath(W1))).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('outside a workspace, neither reads nor connects; leaving one disconnects', async () => {
    const calls = growingInbox();
    let choose: (id: string | null) => void = () => undefined;
    function Switcher() {
      const [id, setId] = useState<string | null>(null);
      choose = setId;
      return <Count workspaceId={id} />;
    }
    renderWithApp(<Switcher />);
    await act(async () => undefined);
    expect(count()).toBe('0');
    expect(live.sockets).toHaveLength(0);
    expect(calls).toHaveLength(0);

    await act(async () => choose(W1));
    await waitFor(() => expect(live.sockets).toHaveLength(1));
    await act(async () => choose(null));
    expect(live.sockets[0].disconnected).toBe(true);
    expect(count()).toBe('0');
  });
});
