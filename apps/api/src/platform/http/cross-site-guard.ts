import { ForbiddenException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { problemBody, sendProblem } from './error-filter';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one route that takes a form body: a mail client's one-click unsubscribe (RFC 8058) posts
 * `List-Unsubscribe=One-Click` as application/x-www-form-urlencoded, from no site of ours. It changes only what the
 * signed token in its address names, so it is safe from anywhere.
 */
const ONE_CLICK_UNSUBSCRIBE = '/api/public/unsubscribe';

/**
 * Writes come only from this site and only as JSON (or a multipart upload): a request that changes something is
 * refused with 403 when the browser says it comes from another site (`Origin` of another host, `Origin: null`, or
 * `Sec-Fetch-Site: cross-site`), and with 415 when its body is anything else. This closes sign-in CSRF (a cross-site
 * form posting credentials signs the visitor in as the attacker) for every route, cookie or not; cookie-authenticated
 * writes also need the double-submit token (AuthGuard). Clients that are not browsers send no Origin and pass.
 */
export function crossSiteGuard(publicUrl: string) {
  const ownOrigin = new URL(publicUrl).origin;
  const sameSite = (origin: string, req: Request): boolean => {
    if (origin === ownOrigin) return true;
    try {
      return new URL(origin).host === req.get('host');
    } catch {
      return false;
    }
  };
  return (req: Request, res: Response, next: NextFunction): void => {
    if (SAFE_METHODS.has(req.method)) return next();
    if (req.method === 'POST' && req.path === ONE_CLICK_UNSUBSCRIBE && (!req.get('content-type') || req.is(['application/x-www-form-urlencoded', 'application/json']))) return next();
    const origin = req.get('origin');
    const crossSite = origin !== undefined ? !sameSite(origin, req) : req.get('sec-fetch-site') === 'cross-site';
    if (crossSite) {
      sendProblem(res, problemBody(new ForbiddenException('requests that change something must come from this site'), req.originalUrl));
      return;
    }
    const hasBody = req.get('transfer-encoding') !== undefined || Number(req.get('content-length') ?? 0) > 0;
    if (hasBody && !req.is(['application/json', 'multipart/form-data'])) {
      sendProblem(res, problemBody(new UnsupportedMediaTypeException('send the body as JSON (Content-Type: application/json)'), req.originalUrl));
      return;
    }
    next();
  };
}
