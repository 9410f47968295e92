import { TokenService } from '../security/tokens';

/** Headers by which a proxy says that it relays someone else's request. */
const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'] as const;

/** What GET /metrics knows of a request. */
export interface MetricsRequest {
  /** The Authorization header, if any. */
  authorization: string | undefined;
  /** The address of the TCP peer (the socket's, never one a header claims). */
  remoteAddress: string | undefined;
  headers: Record<string, string | string[] | undefined>;
}

/** How GET /metrics answers a request: the metrics, 401 (a token is configured and this is not it) or 404. */
export type MetricsAccess = 'allowed' | 'unauthorized' | 'hidden';

/** An IPv4 (also IPv4-mapped IPv6) or IPv6 loopback address. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.toLowerCase().startsWith('::ffff:') ? address.slice(7) : address;
  return v4 === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/**
 * Who may read the metrics. With METRICS_TOKEN: whoever sends it as `Authorization: Bearer <token>`, from anywhere.
 * Without: only a direct request from this host (a scraper or curl beside the server), and the endpoint does not
 * exist (404) for anyone else. "Direct" is decided from the socket, not from req.ip: with TRUST_PROXY, req.ip is taken
 * from X-Forwarded-For, which a client may write itself; and a request that a proxy on this host relays arrives from
 * loopback too, so one that carries forwarding headers is not direct.
 */
export function metricsAccess(request: MetricsRequest, token: string | null): MetricsAccess {
  if (token !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.authorization ?? '');
    return match && TokenService.equal(match[1], token) ? 'allowed' : 'unauthorized';
  }
  const relayed = FORWARDING_HEADERS.some((name) => request.headers[name] !== undefined);
  return !relayed && isLoopback(request.remoteAddress) ? 'allowed' : 'hidden';
}
