import { methodLabel, routeLabel } from './http-metrics.middleware';

describe('the labels of http_request_duration_seconds', () => {
  it('names a request by the pattern of the route that answered it, never by its address', () => {
    expect(routeLabel({ route: { path: '/api/documents/:documentId' } })).toBe('/api/documents/:documentId');
  });

  it('names a request no route answered "unmatched"', () => {
    expect(routeLabel({})).toBe('unmatched');
    expect(routeLabel({ route: { path: /^\/x/ } })).toBe('unmatched');
    expect(routeLabel({ route: { path: '' } })).toBe('unmatched');
  });

  it('keeps the standard methods and folds any other into OTHER', () => {
    for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) expect(methodLabel(method)).toBe(method);
    for (const method of ['PROPFIND', 'MKCOL', 'get', 'X'.repeat(100)]) expect(methodLabel(method)).toBe('OTHER');
  });
});
