import { methodLabel } from './http-metrics.middleware';

describe('the method label of http_request_duration_seconds', () => {
  it('keeps the standard methods and folds any other into OTHER', () => {
    for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) expect(methodLabel(method)).toBe(method);
    for (const method of ['PROPFIND', 'MKCOL', 'get', 'X'.repeat(100)]) expect(methodLabel(method)).toBe('OTHER');
  });
});
