import { markMiddlewareRoute, routeLabel } from './route-label';

describe('routeLabel', () => {
  it('names a request by the pattern of the route that answered it, never by its address', () => {
    expect(routeLabel({ route: { path: '/api/documents/:documentId' } })).toBe('/api/documents/:documentId');
  });

  it('names a request no route answered "unmatched"', () => {
    expect(routeLabel({})).toBe('unmatched');
    expect(routeLabel({ route: { path: /^\/x/ } })).toBe('unmatched');
    expect(routeLabel({ route: { path: '' } })).toBe('unmatched');
  });

  it('takes the route a middleware is mounted as for no answer, and only that route', () => {
    const catchAll = { path: '/api/{*path}' };
    markMiddlewareRoute({ route: catchAll });
    expect(routeLabel({ route: catchAll })).toBe('unmatched');
    expect(routeLabel({ route: { path: '/api/{*path}' } })).toBe('/api/{*path}');
    markMiddlewareRoute({});
    expect(routeLabel({ route: { path: '/api/auth/login' } })).toBe('/api/auth/login');
  });
});
