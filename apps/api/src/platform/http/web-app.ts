import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/** Paths the server answers itself; everything else that asks for HTML gets the web app. */
const SERVER_PATHS = /^\/(api|socket\.io|collab|metrics)(\/|$)/;

/**
 * Serves the built web app from `dir` (hashed assets cached for a year, index.html never) with a fallback to
 * index.html for the app's own routes (/login, /w/:id ...).
 */
export function serveWebApp(app: NestExpressApplication, dir: string | null): boolean {
  if (!dir || !existsSync(join(dir, 'index.html'))) return false;
  const index = join(dir, 'index.html');
  app.useStaticAssets(dir, {
    index: false,
    setHeaders: (res, path) => {
      res.setHeader('Cache-Control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || SERVER_PATHS.test(req.path) || !req.accepts('html')) {
      next();
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
