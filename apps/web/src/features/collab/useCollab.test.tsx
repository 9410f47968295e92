import { act, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CollabClient } from '@commonplan/sync';
import { CollabProvider, createCollabClient, useCollab } from './useCollab';

function Show({ id }: { id: string }) {
  const client = useCollab();
  return <p data-testid={id}>{client ? 'client' : 'none'}</p>;
}

const idle = () => new CollabClient({ url: 'http://127.0.0.1:9' });

describe('CollabProvider', () => {
  it('makes one client on first use for all the pages, and destroys it when the signed-in pages go', async () => {
    const client = idle();
    const destroy = vi.spyOn(client, 'destroy');
    const create = vi.fn(async () => client);
    const { unmount } = render(
      <CollabProvider create={create}>
        <Show id="a" />
        <Show id="b" />
      </CollabProvider>,
    );
    await waitFor(() => expect([screen.getByTestId('a').textContent, screen.getByTestId('b').textContent]).toEqual(['client', 'client']));
    expect(create).toHaveBeenCalledOnce();
    expect(client.status).toBe('disconnected'); // connected by the page that opens a document
    unmount();
    await waitFor(() => expect(destroy).toHaveBeenCalledOnce());
  });

  it('makes nothing until asked, and nothing outside the signed-in pages', async () => {
    const create = vi.fn(async () => idle());
    const { unmount } = render(<CollabProvider create={create}>{null}</CollabProvider>);
    unmount();
    expect(create).not.toHaveBeenCalled();
    render(<Show id="c" />);
    await act(async () => undefined);
    expect(screen.getByTestId('c').textContent).toBe('none');
  });

  it('destroys a client that is still being made when the pages go', async () => {
    const client = idle();
    const destroy = vi.spyOn(client, 'destroy');
    let finish: (c: CollabClient) => void = () => undefined;
    const create = () => new Promise<CollabClient>((resolve) => (finish = resolve));
    const { unmount } = render(
      <CollabProvider create={create}>
        <Show id="d" />
      </CollabProvider>,
    );
    await act(async () => undefined);
    unmount();
    await act(async () => finish(client));
    await waitFor(() => expect(destroy).toHaveBeenCalledOnce());
  });

  it('connects to the page’s own origin with an empty handshake: the session cookie, no bearer token', async () => {
    const client = await createCollabClient();
    expect(client).toBeInstanceOf(CollabClient);
    expect(client.status).toBe('disconnected');
    const auth = await new Promise<object>((resolve) =>
      (client as unknown as { provideToken(callback: (data: object) => void): void }).provideToken(resolve),
    );
    expect(auth).toEqual({});
    client.destroy();
  });
});
