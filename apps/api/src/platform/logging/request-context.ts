import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/** What every log line written while serving a request carries. */
export interface RequestContext {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The id a balancer or client may send; anything else is replaced by one of ours. */
const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/** The request being served (null outside a request: start-up, timers, sockets). */
export function currentRequest(): RequestContext | null {
  return storage.getStore() ?? null;
}

/**
 * Gives each HTTP request an id (the `X-Request-Id` it came with, when well-formed, so a balancer's id follows the
 * request; otherwise a new UUID), answers it in the same header, and keeps it for the log lines written while the
 * request is served (AppLogger).
 */
export function requestIds() {
  return (req: Request, res: Response, next: NextFunction): void => {
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader('X-Request-Id', requestId);
    storage.run({ requestId }, next);
  };
}
