import { act, fireEvent, screen } from '@testing-library/react';
import { Link } from 'react-router';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../test/render';
import { lazyRoute, preloadRoute, RoutePreloader } from './lazy-routes';

/** A page's code that arrives when the test says so, counting how often it was asked for. */
function deferredPage(text: string) {
  let arrive: () => void = () => undefined;
  let fail: () => void = () => undefined;
  const state = { asked: 0, mounted: 0 };
  function Page() {
    state.mounted++;
    return <h1>{text}</h1>;
  }
  const load = () => {
    state.asked++;
    return new Promise<typeof Page>((resolve, reject) => {
      arrive = () => resolve(Page);
      fail = () => reject(new Error('offline'));
    });
  };
  return { load, state, arrive: () => act(async () => arrive()), fail: () => act(async () => fail()) };
}

describe('pages loaded on first use', () => {
  it('shows a page whose code was loaded ahead at once, with no "Loading…" in between', async () => {
    const code = deferredPage('Uchwały');
    const Page = lazyRoute(code.load, '/w/:workspaceId/test-ahead');
    preloadRoute('/w/abc/test-ahead');
    preloadRoute('/w/abc/test-ahead');
    expect(code.state.asked).toBe(1);
    await code.arrive();
    renderWithApp(<Page />);
    expect(screen.getByRole('heading', { name: 'Uchwały' })).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('shows "Loading…" until the code arrives, then mounts the page once', async () => {
    const code = deferredPage('Posiedzenie');
    const Page = lazyRoute(code.load, '/w/:workspaceId/test-later');
    renderWithApp(<Page />);
    expect(screen.getByRole('status').textContent).toBe('Wczytywanie…');
    await code.arrive();
    expect(screen.getByRole('heading', { name: 'Posiedzenie' })).toBeTruthy();
    expect(code.state.mounted).toBe(1);
  });

  it('says when the code could not be loaded and tries again on request', async () => {
    const code = deferredPage('Rejestr');
    const Page = lazyRoute(code.load, '/w/:workspaceId/test-offline');
    renderWithApp(<Page />);
    await code.fail();
    expect(screen.getByRole('alert').textContent).toMatch(/Brak połączenia z serwerem/);
    fireEvent.click(screen.getByRole('button', { name: 'Spróbuj ponownie' }));
    expect(code.state.asked).toBe(2);
    await code.arrive();
    expect(screen.getByRole('heading', { name: 'Rejestr' })).toBeTruthy();
  });

  it('loads the code of a page when a pointer rests on a link to it or the link takes the focus, not for other links', () => {
    const hovered = deferredPage('Sprawozdanie');
    const focused = deferredPage('Uwagi');
    lazyRoute(hovered.load, '/w/:workspaceId/test-hover/:roundId');
    lazyRoute(focused.load, '/w/:workspaceId/test-focus');
    renderWithApp(
      <>
        <RoutePreloader />
        <Link to="/w/abc/test-hover/r1">Sprawozdanie</Link>
        <Link to="/w/abc/test-focus">Uwagi</Link>
        <Link to="/w/abc/elsewhere">Gdzie indziej</Link>
      </>,
    );
    fireEvent.pointerOver(screen.getByRole('link', { name: 'Gdzie indziej' }));
    expect([hovered.state.asked, focused.state.asked]).toEqual([0, 0]);
    fireEvent.pointerOver(screen.getByRole('link', { name: 'Sprawozdanie' }));
    expect(hovered.state.asked).toBe(1);
    fireEvent.focusIn(screen.getByRole('link', { name: 'Uwagi' }));
    expect(focused.state.asked).toBe(1);
  });
});
