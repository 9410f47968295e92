import { BadRequestException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { problemBody, sendProblem } from './error-filter';

/** JSON bodies may nest objects and arrays this deep (the deepest body of the API, a rule book, needs 6). */
export const MAX_JSON_DEPTH = 32;

/**
 * Characters no text of the API may hold: the C0 controls but tab, line feed and carriage return, DEL, and UTF-16
 * surrogates that are not paired (PostgreSQL cannot store NUL at all, nor a lone surrogate in JSON).
 */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text taken from inside an uploaded file or its name (not typed into a field, so not refused): the forbidden
 * characters removed, and path separators too when it is a file name.
 */
export function storableText(text: string, options: { fileName?: boolean } = {}): string {
  const cleaned = text.replace(new RegExp(FORBIDDEN.source, 'g'), '');
  return options.fileName ? cleaned.replace(/[\\/]/g, '_') : cleaned;
}

export interface InputProblem {
  field: string;
  message: string;
}

/**
 * The first string (value or key) of a parsed input that holds a forbidden character, named by its dotted path the
 * way validation errors name fields (`submitter.name`, `items.0`), or null. Iterative, so no input can overflow the
 * stack.
 */
export function controlCharacterProblem(value: unknown, root = ''): InputProblem | null {
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length > 0) {
    const [current, path] = stack.pop()!;
    if (typeof current === 'string') {
      if (FORBIDDEN.test(current)) return { field: path || 'body', message: `${path || 'body'} holds a control character or malformed text` };
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => stack.push([item, path ? `${path}.${index}` : String(index)]));
    } else if (current !== null && typeof current === 'object' && !Buffer.isBuffer(current)) {
      for (const [key, item] of Object.entries(current)) {
        const child = path ? `${path}.${key}` : key;
        if (FORBIDDEN.test(key)) return { field: child, message: `a field name holds a control character` };
        stack.push([item, child]);
      }
    }
  }
  return null;
}

/**
 * Throws a 400 when a JSON text nests deeper than `max` (given to the JSON body parser as `verify`, so the body is
 * never parsed, nor walked by the validation, past the limit). Counts brackets outside strings in one pass.
 */
export function limitJsonDepth(max = MAX_JSON_DEPTH) {
  return (_req: unknown, _res: unknown, buffer: Buffer): void => {
    let depth = 0;
    let inString = false;
    for (let i = 0; i < buffer.length; i++) {
      const byte = buffer[i];
      if (inString) {
        if (byte === 0x5c) i++; // backslash: skip the escaped character
        else if (byte === 0x22) inString = false;
      } else if (byte === 0x22) {
        inString = true;
      } else if (byte === 0x7b || byte === 0x5b) {
        if (++depth > max) throw Object.assign(new Error(`the JSON body is nested deeper than ${max} levels`), { status: 400, type: 'entity.too.deep' });
      } else if (byte === 0x7d || byte === 0x5d) {
        depth--;
      }
    }
  };
}

/** `%XX` escapes of the forbidden control characters in a URL (tab, line feed and carriage return are fine). */
const ESCAPED_CONTROL = /%(0[0-8BCEF]|1[0-9A-F]|7F)/i;

const badRequest = (req: Request, res: Response, problem: InputProblem) =>
  sendProblem(res, problemBody(new BadRequestException({ message: problem.message, errors: [problem] }), req.originalUrl));

/**
 * Before any route: refuses an address whose path does not decode or that holds control characters (raw or escaped,
 * in the path or the query), and a JSON body holding them anywhere (after the JSON parser, which already refused
 * nesting past MAX_JSON_DEPTH). Multipart fields are checked by the validation pipe with the same rule.
 */
export function inputGuard() {
  return (req: Request, res: Response, next: NextFunction): void => {
    const url = req.originalUrl;
    const queryAt = url.indexOf('?');
    const path = queryAt === -1 ? url : url.slice(0, queryAt);
    try {
      decodeURIComponent(path);
    } catch {
      return void badRequest(req, res, { field: 'path', message: 'the address is not valid percent-encoded UTF-8' });
    }
    if (ESCAPED_CONTROL.test(url) || FORBIDDEN.test(url)) {
      return void badRequest(req, res, { field: queryAt !== -1 && ESCAPED_CONTROL.test(url.slice(queryAt)) ? 'query' : 'path', message: 'the address holds a control character' });
    }
    if (req.body !== undefined && req.is('application/json')) {
      const problem = controlCharacterProblem(req.body);
      if (problem) return void badRequest(req, res, problem);
    }
    next();
  };
}
