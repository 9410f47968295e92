/** Nest mounts middleware as Express routes (HttpMetricsMiddleware as /api/{*path}); these are those routes. */
const middlewareRoutes = new WeakSet<object>();

/**
 * Called by a middleware Nest mounts as a route (HttpMetricsMiddleware, which every request reaching Nest's routing
 * passes first): the route `request` is in now is that mount, not one that answers. It stays request.route to the end
 * when no route answers (404 for an unknown address), so routeLabel must not take it for the answer.
 */
export function markMiddlewareRoute(request: { route?: unknown }): void {
  if (typeof request.route === 'object' && request.route !== null) middlewareRoutes.add(request.route);
}

/**
 * The route of an answered request as the metrics' label and the access log's `route`: the pattern of the route that
 * answered (/api/documents/:documentId), never the address with its ids; "unmatched" when no route did (404 for an
 * unknown address, or a refusal before routing).
 */
export function routeLabel(request: { route?: { path?: unknown } }): string {
  const route = request.route;
  if (!route || middlewareRoutes.has(route)) return 'unmatched';
  return typeof route.path === 'string' && route.path !== '' ? route.path : 'unmatched';
}
