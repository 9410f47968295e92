import fc from 'fast-check';

/**
 * fast-check arbitraries from the API's OpenAPI document (fast-check has no JSON Schema support): the routes with
 * their parameters and bodies, values that fit a schema, the same values mutated, and hostile input of every kind.
 * Used by api-fuzz.e2e-spec.ts. Values a printed counterexample would drown in (10 KB strings, arrays of thousands)
 * are `Big` objects that print as a short label and serialise to the real thing.
 */

/** The part of an OpenAPI 3 schema object that the API's document uses. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  nullable?: boolean;
  example?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}

interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

interface OperationObject {
  'x-access'?: string;
  parameters?: ParameterObject[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface Route {
  /** `POST /api/documents/{documentId}/versions` */
  id: string;
  method: string;
  template: string;
  /** The operation's `x-access`: public, signedIn or workspace:<capability>. */
  access: string;
  /** Every `{name}` of the path template, with its documented schema (a plain string when it has none). */
  pathParams: { name: string; schema: Schema }[];
  queryParams: { name: string; required: boolean; schema: Schema }[];
  /** The JSON or multipart body the operation takes, or null. */
  body: { multipart: boolean; schema: Schema } | null;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Every operation of the document; `multipart` names routes that take an upload without documenting its body. */
export function routesOf(doc: OpenApiDocument, multipart: ReadonlySet<string> = new Set()): Route[] {
  const routes: Route[] = [];
  for (const [template, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (!METHODS.includes(method)) continue;
      const id = `${method.toUpperCase()} ${template}`;
      const parameters = operation.parameters ?? [];
      const pathParams = [...template.matchAll(/\{([^}]+)\}/g)].map(([, name]) => ({
        name,
        schema: parameters.find((p) => p.in === 'path' && p.name === name)?.schema ?? { type: 'string' },
      }));
      const queryParams = parameters
        .filter((p) => p.in === 'query')
        .map((p) => ({ name: p.name, required: p.required === true, schema: p.schema ?? { type: 'string' } }));
      const content = operation.requestBody?.content ?? {};
      const body = content['application/json']?.schema
        ? { multipart: false, schema: content['application/json'].schema }
        : content['multipart/form-data']?.schema
          ? { multipart: true, schema: content['multipart/form-data'].schema }
          : multipart.has(id)
            ? { multipart: true, schema: { type: 'object', properties: {} } }
            : null;
      routes.push({ id, method: method.toUpperCase(), template, access: operation['x-access'] ?? '', pathParams, queryParams, body });
    }
  }
  return routes;
}

/** The schema a `$ref` points to (components/schemas only), followed until it is not a reference. */
export function resolveSchema(schema: Schema, doc: OpenApiDocument): Schema {
  let current = schema;
  for (let hops = 0; current.$ref && hops < 20; hops++) {
    const name = /^#\/components\/schemas\/(.+)$/.exec(current.$ref)?.[1];
    const target = name ? doc.components?.schemas?.[name] : undefined;
    if (!target) throw new Error(`cannot resolve ${current.$ref}`);
    current = target;
  }
  return current;
}

// ---- big values ----

/** A large value: printed by fast-check as its label, serialised by JSON.stringify (and used in URLs) as the value. */
export class Big {
  constructor(
    readonly label: string,
    private readonly make: () => unknown,
  ) {}

  get value(): unknown {
    return this.make();
  }

  toJSON(): unknown {
    return this.make();
  }

  toString(): string {
    return String(this.make());
  }

  [fc.toStringMethod](): string {
    return this.label;
  }
}

const big = (label: string, make: () => unknown) => new Big(label, make);

/** Replaces Big values by what they stand for (for strings that are not serialised as JSON). */
export const unwrap = (value: unknown): unknown => (value instanceof Big ? value.value : value);

// ---- hostile input ----

/** Dates at and beyond the limits of JavaScript, PostgreSQL and the API (1970..2200), and malformed ones. */
export const EXTREME_DATES = [
  '-271821-04-20T00:00:00.000Z',
  '+275760-09-13T00:00:00.000Z',
  '+275760-09-13T00:00:00.001Z',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '1969-12-31T23:59:59.999Z',
  '1970-01-01T00:00:00Z',
  '2199-12-31T23:59:59.999Z',
  '2200-01-01T00:00:00.001Z',
  '2026-02-30T10:00:00Z',
  '2026-13-01T00:00:00Z',
  '2026-01-01T25:61:00Z',
  '2026-01-01',
  '2026-06-01T12:00:00+14:00',
  'Tue, 01 Dec 2026 10:00:00 GMT',
];

const HOSTILE_STRINGS = [
  '',
  ' ',
  '   \t\n  ',
  '\u0000',
  'a\u0000b',
  '\u0007\u0008\u001b[31m',
  '\u007f',
  '\uD800',
  'x\uDFFFy',
  'a\uD83D',
  '\uFEFF',
  '\u202Eabc',
  '\u200B',
  '%00',
  '%E0%A4%A',
  '../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '<script>alert(1)</script>',
  "' OR '1'='1' --",
  '"; DROP TABLE documents; --',
  '${jndi:ldap://example.invalid/a}',
  '{{7*7}}',
  '😀',
  '👨‍👩‍👧‍👦',
  'ą'.repeat(301),
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e308',
  '0x1F',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  'live',
  'none',
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF',
  '{00000000-0000-4000-8000-000000000000}',
  '00000000000040008000000000000000',
  'a@b',
  'koordynator@som.example\u0000',
  ...EXTREME_DATES,
];

const HOSTILE_NUMBERS = [
  1e308,
  -1e308,
  Number.MAX_VALUE,
  0,
  -0,
  -1,
  1.5,
  0.1,
  0.00001,
  2 ** 31,
  -(2 ** 31),
  2 ** 53,
  2 ** 53 + 2,
  1e21,
  5e-324,
  8.64e15,
  -8.64e15,
  8.64e15 + 1,
  99_999_999_999,
];

/** Short strings no field should choke on (fit for addresses: Node refuses a request head over 16 KB). */
export const hostileShortString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
);

/** Strings no field should choke on, long ones included. */
export const hostileString: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 10, arbitrary: hostileShortString },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      big('"x" × 10240', () => 'x'.repeat(10_240)),
      big('"😀" × 5000', () => '😀'.repeat(5000)),
      big('"ą" × 100000', () => 'ą'.repeat(100_000)),
      big('"a\\u0000" × 2000', () => 'a\u0000'.repeat(2000)),
      big('"\\uD800" × 1000', () => '\uD800'.repeat(1000)),
    ),
  },
);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.integer() },
);

const nested = (depth: number, leaf: unknown, object: boolean): unknown => {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = object ? { a: value } : [value];
  return value;
};

/** Any JSON value that fits nothing: wrong types, huge arrays and objects, nesting up to the parser's limit. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [null], [''], [[]], { '': '' }, [1, 'a', null, {}]) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      big('array of 5000 numbers', () => Array.from({ length: 5000 }, (_, i) => i)),
      big('array of 3000 uuids', () => Array.from({ length: 3000 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`)),
      big('array of 2000 objects', () => Array.from({ length: 2000 }, () => ({ a: 'b' }))),
      big('object of 2000 keys', () => Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`, i]))),
      big('arrays nested 31 deep', () => nested(31, 1, false)),
      big('objects nested 30 deep', () => nested(30, 'x', true)),
    ),
  },
);

// ---- values from schemas ----

/** Real values the fuzz draws on, by name: the ids of the demo data for parameters, known good values for fields. */
export interface Hints {
  /** Values for a path or query parameter of this name; `*` for ids of every kind. */
  param(name: string): readonly string[];
  /** Values of path parameters that belong together (a document and one of its versions), for these names in order. */
  related(names: readonly string[]): readonly (readonly string[])[];
  /** Values for a body field of this name (for an array: values of its items). */
  field(name: string): readonly unknown[];
}

const DAY = 24 * 60 * 60 * 1000;

/** ISO dates and times around now (most requests are about the near future or past), and some anywhere 1970..2200. */
const isoDate: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 3, arbitrary: fc.integer({ min: -400 * DAY, max: 400 * DAY }).map((offset) => new Date(Date.now() + offset)) },
    { weight: 1, arbitrary: fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }) },
  )
  .map((date) => date.toISOString());

const words = fc.array(fc.constantFrom('Strategia', 'rozwoju', 'SOM', 'transport', 'Gmina', 'Police', 'cel', 'zielona', 'infrastruktura', 'konsultacje', 'Zażółć', 'gęślą', 'jaźń'), {
  minLength: 1,
  maxLength: 6,
}).map((list) => list.join(' '));

function stringFor(schema: Schema): fc.Arbitrary<unknown> {
  if (schema.format === 'date-time') return isoDate;
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.format === 'email') return fc.emailAddress();
  const min = schema.minLength ?? 0;
  const text = fc.oneof(
    { weight: 3, arbitrary: words },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: Math.max(1, min), maxLength: Math.max(20, min + 10) }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: Math.max(1, min), maxLength: Math.max(20, min + 10) }) },
  );
  return typeof schema.example === 'string' ? fc.oneof({ weight: 1, arbitrary: fc.constant(schema.example) }, { weight: 3, arbitrary: text }) : text;
}

/** Numbers within the schema's bounds; without bounds mostly small whole numbers (counts, positions, years). */
function numberFor(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? -1000;
  const max = schema.maximum ?? 1_000_000;
  const low = Math.min(Math.max(Math.ceil(min), 0), Math.floor(max));
  const whole = fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: low, max: Math.max(Math.min(Math.floor(max), 1000), low) }) },
    { weight: 1, arbitrary: fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) },
  );
  if (integer) return whole;
  return fc.oneof({ weight: 3, arbitrary: whole }, { weight: 1, arbitrary: fc.double({ min, max, noNaN: true, noDefaultInfinity: true }) });
}

/**
 * Values that fit the schema ($ref resolved; string, number, integer, boolean, array, object, enum; date-time, uuid
 * and email formats), preferring the real values the hints give for a field's name.
 */
export function valueFor(schemaOrRef: Schema, doc: OpenApiDocument, hints: Hints, name?: string, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolveSchema(schemaOrRef, doc);
  const real = name && schema.type !== 'array' ? hints.field(name) : [];
  let arbitrary = shapeFor(schema, doc, hints, name, depth);
  if (real.length > 0) arbitrary = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...real) }, { weight: 1, arbitrary });
  return schema.nullable ? fc.option(arbitrary, { nil: null, freq: 6 }) : arbitrary;
}

function shapeFor(schema: Schema, doc: OpenApiDocument, hints: Hints, name: string | undefined, depth: number): fc.Arbitrary<unknown> {
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'string':
      return stringFor(schema);
    case 'integer':
      return numberFor(schema, true);
    case 'number':
      return numberFor(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const items = name && hints.field(name).length > 0 ? fc.constantFrom(...hints.field(name)) : valueFor(schema.items ?? {}, doc, hints, undefined, depth + 1);
      // Lists are mostly of distinct items and not empty (what most fields ask), sometimes empty or with repeats.
      return fc.oneof({ weight: 4, arbitrary: fc.uniqueArray(items, { minLength: 1, maxLength: 4, comparator: 'SameValueZero' }) }, { weight: 1, arbitrary: fc.array(items, { maxLength: 4 }) });
    }
    case 'object':
    case undefined: {
      if (schema.properties && Object.keys(schema.properties).length > 0 && depth < 8) {
        // An optional field is left out, or given, or (as clients do) sent as null.
        const required = schema.required ?? [];
        const model: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [key, property] of Object.entries(schema.properties)) {
          const value = valueFor(property, doc, hints, key, depth + 1);
          model[key] = required.includes(key) ? value : fc.oneof({ weight: 6, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) });
        }
        return fc.record(model, { requiredKeys: required.filter((key) => key in model) });
      }
      // Untyped (Nest's OpenAPI plugin writes `number | null` and `unknown` fields as bare objects): the example's type.
      if (typeof schema.example === 'number') return fc.oneof(fc.constant(schema.example), numberFor({}, Number.isInteger(schema.example)));
      if (typeof schema.example === 'string') return fc.oneof(fc.constant(schema.example), stringFor({}));
      return fc.jsonValue({ maxDepth: 2 });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

// ---- mutations ----

type Path = (string | number)[];

/** Every place in a JSON value (objects and arrays walked, Big values left whole), the root first. */
function pathsOf(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (value instanceof Big || value === null || typeof value !== 'object' || out.length > 500) return out;
  if (Array.isArray(value)) value.forEach((item, index) => pathsOf(item, [...path, index], out));
  else for (const [key, item] of Object.entries(value)) pathsOf(item, [...path, key], out);
  return out;
}

function setAt(value: unknown, path: Path, replace: (old: unknown) => unknown): unknown {
  if (path.length === 0) return replace(value);
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((item, index) => (index === head ? setAt(item, rest, replace) : item));
  const copy = { ...(value as Record<string, unknown>) };
  copy[head as string] = setAt(copy[head as string], rest, replace);
  return copy;
}

/** A marker serialised as a JSON string, later replaced by a raw token in the JSON text (numbers JSON.stringify cannot write). */
export const RAW_MARK = '\uE000raw\uE000';

const RAW_TOKENS = ['1e999', '-1e999', '1e-999', '123456789012345678901234567890', '-0.0', '1E+308', '0.1e1', '"\\ud800"', '"\\u0000"', '"\\udfff\\ud800"'];

interface Mutation {
  kind: 'replace' | 'remove' | 'extra' | 'raw' | 'wrap' | 'null';
  at: number;
  value: unknown;
  key: string;
  token: string;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom<Mutation['kind']>('replace', 'replace', 'replace', 'remove', 'remove', 'extra', 'raw', 'wrap', 'null'),
  at: fc.nat(),
  value: hostileJson,
  key: fc.oneof(fc.constantFrom('extra', '__proto__', 'constructor', 'prototype', 'id', 'workspaceId', 'createdBy', 'role', 'status', '', 'a.b', '$where'), fc.string({ maxLength: 8 })),
  token: fc.constantFrom(...RAW_TOKENS),
});

const valueAt = (value: unknown, path: Path): unknown => path.reduce<unknown>((at, step) => (at as Record<string | number, unknown>)[step], value);

/**
 * Applies mutations to a value: a place replaced by a hostile value, null, a raw JSON token, or wrapped in a list; a
 * field of an object removed (a required one, often); a field added.
 */
export function mutate(value: unknown, mutations: Mutation[]): unknown {
  let current = value;
  for (const m of mutations) {
    const paths = pathsOf(current);
    const path = paths[m.at % paths.length];
    const fieldPaths = paths.filter((p) => p.length > 0 && typeof p[p.length - 1] === 'string');
    if (m.kind === 'replace' || (m.kind === 'remove' && fieldPaths.length === 0)) current = setAt(current, path, () => m.value);
    else if (m.kind === 'null') current = setAt(current, path, () => null);
    else if (m.kind === 'wrap') current = setAt(current, path, (old) => (m.at % 2 === 0 ? [old] : []));
    else if (m.kind === 'raw') current = setAt(current, path, () => `${RAW_MARK}${m.token}${RAW_MARK}`);
    else if (m.kind === 'remove') {
      const field = fieldPaths[m.at % fieldPaths.length];
      const key = field[field.length - 1];
      current = setAt(current, field.slice(0, -1), (parent) => Object.fromEntries(Object.entries(parent as object).filter(([k]) => k !== key)));
    } else {
      const objects = paths.filter((p) => {
        const at = valueAt(current, p);
        return at !== null && typeof at === 'object' && !Array.isArray(at) && !(at instanceof Big);
      });
      const target = objects.length > 0 ? objects[m.at % objects.length] : null;
      if (target) current = setAt(current, target, (object) => ({ ...(object as object), [m.key]: m.value }));
    }
  }
  return current;
}

/** JSON text of a value, with raw tokens put in place of their markers. */
export function toJsonText(value: unknown): string {
  const text = JSON.stringify(value) ?? 'null';
  return text.includes(RAW_MARK) ? text.replace(new RegExp(`"${RAW_MARK}(.*?)${RAW_MARK}"`, 'g'), (_, token: string) => token.replace(/\\\\/g, '\\').replace(/\\"/g, '"')) : text;
}

// ---- bodies ----

/** A request body as the fuzz sends it. */
export type BodySpec =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; contentType: string; text: unknown; headers?: Record<string, string> }
  | { kind: 'multipart'; fields: [string, unknown][]; files: FilePart[]; malformed: 'no' | 'truncated' | 'no-boundary' | 'bad-header' };

export interface FilePart {
  field: string;
  name: unknown;
  type: string;
  content: Uint8Array | Big;
}

const deepText = (open: string, depth: number) => big(`${open} × ${depth}`, () => open.repeat(depth) + (open === '[' ? ']' : '1}').repeat(depth));

/** JSON texts no parser should take for granted, and bodies of the wrong kind. */
const rawBody: fc.Arbitrary<BodySpec> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .constantFrom<unknown>(
        '',
        '{',
        '}',
        '{"a":}',
        '{"a":1,}',
        "{'a':1}",
        'nul',
        '"unterminated',
        '{"a":"\\ud800"}',
        '{"a":"\\u0000"}',
        '1e999',
        '{"title":"a","title":1}',
        '\uFEFF{}',
        '[]',
        '"text"',
        '123',
        deepText('[', 33),
        deepText('{"a":', 33),
        deepText('[', 5000),
        big('1.1 MB JSON string', () => JSON.stringify({ text: 'x'.repeat(1_100_000) })),
      )
      .map((text): BodySpec => ({ kind: 'raw', contentType: 'application/json', text })),
  },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/xml',
        'application/json; charset=latin1',
        'application/json; charset=utf-16',
        'application/vnd.api+json',
        'multipart/form-data',
        'multipart/form-data; boundary=x',
        '',
      )
      .map((contentType): BodySpec => ({ kind: 'raw', contentType, text: contentType.includes('form-urlencoded') ? 'a=1&b=%00' : '{"a":1}' })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('gzip', 'deflate', 'br', 'compress', 'identity, gzip')
      .map((encoding): BodySpec => ({ kind: 'raw', contentType: 'application/json', text: '{"a":1}', headers: { 'content-encoding': encoding } })),
  },
);

/** Bodies for a route that takes JSON: values of its schema, the same mutated, hostile values, raw texts. */
export function jsonBody(schema: Schema | null, doc: OpenApiDocument, hints: Hints): fc.Arbitrary<BodySpec> {
  const json = (arbitrary: fc.Arbitrary<unknown>) => arbitrary.map((value): BodySpec => ({ kind: 'json', value }));
  if (!schema) {
    return fc.oneof(
      { weight: 6, arbitrary: fc.constant<BodySpec>({ kind: 'none' }) },
      { weight: 3, arbitrary: fc.constant<BodySpec>({ kind: 'json', value: {} }) },
      { weight: 1, arbitrary: json(hostileJson) },
      { weight: 1, arbitrary: rawBody },
    );
  }
  const valid = valueFor(schema, doc, hints);
  return fc.oneof(
    { weight: 8, arbitrary: json(valid) },
    { weight: 6, arbitrary: json(fc.tuple(valid, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([value, mutations]) => mutate(value, mutations))) },
    { weight: 1, arbitrary: json(hostileJson) },
    { weight: 1, arbitrary: fc.constant<BodySpec>({ kind: 'none' }) },
    { weight: 1, arbitrary: rawBody },
  );
}

const FILE_TYPES = ['application/octet-stream', 'text/markdown', 'application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'image/png', 'text/html', ''];

/** File names: ordinary, without an extension, with paths, quotes, control characters, emoji, very long. */
const fileName: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('plik.md', 'plik.docx', 'załącznik.pdf', 'obraz.png', 'tabela.xlsx', 'notatka.odt') },
  {
    weight: 3,
    arbitrary: fc.constantFrom<unknown>('', 'plik', '../../etc/passwd', '..\\..\\boot.ini', 'a"b.md', "a'b;.pdf", 'a\u0000b.md', '\u0007.pdf', '😀.docx', '.md', 'CON.pdf', '%00.md', 'a/b/c.pdf', big('name × 1000', () => `${'n'.repeat(1000)}.md`)),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }).map((name) => `${name}.md`) },
);

/** File contents: random bytes, Markdown, and the starts of ZIP, PDF and PNG files with junk after them. */
function fileContent(realFiles: readonly Uint8Array[]): fc.Arbitrary<Uint8Array | Big> {
  const prefixed = (prefix: string) => fc.uint8Array({ maxLength: 512 }).map((rest) => new Uint8Array([...Buffer.from(prefix, 'latin1'), ...rest]));
  return fc.oneof(
    { weight: 3, arbitrary: fc.uint8Array({ maxLength: 2048 }) },
    { weight: 3, arbitrary: fc.tuple(words, fc.string({ unit: 'grapheme', maxLength: 200 })).map(([title, text]) => new Uint8Array(Buffer.from(`# ${title}\n\n${text}\n`))) },
    { weight: 2, arbitrary: prefixed('PK\u0003\u0004') },
    { weight: 1, arbitrary: prefixed('%PDF-1.7\n') },
    { weight: 1, arbitrary: prefixed('\u0089PNG\r\n\u001a\n') },
    { weight: 1, arbitrary: fc.constant(new Uint8Array(0)) },
    ...(realFiles.length > 0 ? [{ weight: 4, arbitrary: fc.constantFrom(...realFiles) }] : []),
  );
}

/** A file the fuzz knows to be good, with a fitting name. */
export interface RealFile {
  name: string;
  content: Uint8Array;
}

const toPairs = (value: unknown): [string, unknown][] =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Big) ? Object.entries(value) : [['value', value]];

/**
 * Multipart uploads: the text fields of the schema (fitting, mutated or random), a real file with its name or a small
 * random one (the field named `file` mostly), sometimes several files, and malformed forms; now and then JSON instead.
 */
export function multipartBody(schema: Schema, doc: OpenApiDocument, hints: Hints, realFiles: readonly RealFile[]): fc.Arbitrary<BodySpec> {
  const objectSchema = resolveSchema(schema, doc);
  // Bracketed names build nested objects and arrays in the parsed form (multer's append-field).
  const name = fc.constantFrom<string>('extra', '__proto__', 'file', 'kind', 'title', '', 'kind[]', 'title[a]', 'kind[0][b]', '__proto__[x]', 'constructor[prototype][x]', 'a[b', 'a]]', 'title[]');
  const randomField = fc.tuple(name, hostileString);
  const fields: fc.Arbitrary<[string, unknown][]> =
    Object.keys(objectSchema.properties ?? {}).length > 0
      ? fc.oneof(
          { weight: 4, arbitrary: valueFor(objectSchema, doc, hints).map(toPairs) },
          { weight: 2, arbitrary: fc.tuple(valueFor(objectSchema, doc, hints), fc.array(mutation, { minLength: 1, maxLength: 2 })).map(([value, mutations]) => toPairs(mutate(value, mutations))) },
          { weight: 1, arbitrary: fc.array(randomField, { maxLength: 4 }) },
        )
      : fc.oneof({ weight: 4, arbitrary: fc.constant<[string, unknown][]>([]) }, { weight: 1, arbitrary: fc.array(randomField, { maxLength: 3 }) });
  const randomFile: fc.Arbitrary<FilePart> = fc.record({
    field: fc.constantFrom('file', 'file', 'file', 'file', 'files', 'upload', ''),
    name: fileName,
    type: fc.constantFrom(...FILE_TYPES),
    content: fileContent(realFiles.map((file) => file.content)),
  });
  const file: fc.Arbitrary<FilePart> =
    realFiles.length > 0
      ? fc.oneof(fc.constantFrom(...realFiles).map((real): FilePart => ({ field: 'file', name: real.name, type: 'application/octet-stream', content: real.content })), randomFile)
      : randomFile;
  const multipart = fc.record({
    kind: fc.constant('multipart' as const),
    fields,
    files: fc.oneof({ weight: 8, arbitrary: file.map((one) => [one]) }, { weight: 1, arbitrary: fc.array(file, { maxLength: 3 }) }),
    malformed: fc.constantFrom<'no' | 'truncated' | 'no-boundary' | 'bad-header'>('no', 'no', 'no', 'no', 'no', 'no', 'no', 'no', 'truncated', 'no-boundary', 'bad-header'),
  });
  return fc.oneof({ weight: 8, arbitrary: multipart }, { weight: 1, arbitrary: jsonBody(null, doc, hints) });
}

// ---- addresses ----

/** Percent-encodes every byte outside the unreserved set (lone surrogates become U+FFFD, as in UTF-8). */
export function percentEncode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const char = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Path segments as they go on the wire, escaped or deliberately not: bad encodings, dot segments, encoded slashes. */
const RAW_SEGMENTS = [
  '%00',
  '%',
  '%zz',
  '%E0%A4%A',
  '%C3%28',
  '%FF%FE',
  '%ED%A0%80',
  '%C0%AE%C0%AE',
  '..',
  '.',
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e%2f%2e%2e',
  'a%2Fb',
  '%5C..%5C',
  '%20',
  '%0A',
  '%0D%0ASet-Cookie:%20a=b',
  '%09',
  '%7F',
  '%F0%9F%98%80',
  '%EF%BF%BF',
  '%F4%90%80%80',
  'null',
  '0',
  '-1',
  '1e308',
  'NaN',
  '00000000-0000-4000-8000-00000000000',
  '00000000-0000-4000-8000-0000000000000',
  'g0000000-0000-4000-8000-000000000000',
];

export const hostileSegment: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...RAW_SEGMENTS) },
  { weight: 2, arbitrary: hostileShortString.map(percentEncode) },
  { weight: 1, arbitrary: fc.uuid().map((id) => id.toUpperCase()) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      big('segment "a" × 10240', () => 'a'.repeat(10_240)),
      big('segment "%F0%9F%98%80" × 1000', () => '%F0%9F%98%80'.repeat(1000)),
      big('segment "%FF" × 3000', () => '%FF'.repeat(3000)),
    ),
  },
);

/** A path parameter: a real id of its kind mostly, real ids of other kinds, random UUIDs, and hostile segments. */
export function pathParam(param: { name: string; schema: Schema }, doc: OpenApiDocument, hints: Hints): fc.Arbitrary<unknown> {
  const schema = resolveSchema(param.schema, doc);
  const own = [...(schema.enum ?? []).map(String), ...hints.param(param.name)];
  const other = hints.param('*');
  return fc.oneof(
    ...(own.length > 0 ? [{ weight: 16, arbitrary: fc.constantFrom(...own).map(percentEncode) }] : []),
    ...(other.length > 0 ? [{ weight: 2, arbitrary: fc.constantFrom(...other) }] : []),
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 4, arbitrary: hostileSegment },
  );
}

/** Query parameter values of a schema, as text. */
function queryValue(name: string, schemaOrRef: Schema, doc: OpenApiDocument, hints: Hints): fc.Arbitrary<unknown> {
  const schema = resolveSchema(schemaOrRef, doc);
  const real = [...(schema.enum ?? []).map(String), ...hints.param(name)];
  const typed =
    schema.type === 'number' || schema.type === 'integer'
      ? fc.oneof(numberFor(schema, schema.type === 'integer').map(String), fc.constantFrom('1e308', '-1', '1.5', 'abc', '', '99999999999999999999', '0x10', ' 5', 'Infinity'))
      : stringFor(schema);
  return fc.oneof(
    ...(real.length > 0 ? [{ weight: 8, arbitrary: fc.constantFrom(...real) }] : []),
    { weight: 2, arbitrary: typed },
    { weight: 3, arbitrary: hostileShortString },
  );
}

const RAW_QUERY = ['%00', 'a=%00', '%E0%A4%A=1', 'a=%E0%A4%A', '%', 'a=%', '&&&', '=', 'a[b]=c', 'a[]=1&a[]=2', '__proto__[x]=1', 'constructor[prototype][x]=1', 'a=1;b=2', '+=+'];

/** The query string of a request: documented parameters (left out, real, typed or hostile, sometimes repeated), extra ones, raw junk. */
export function queryString(params: { name: string; required: boolean; schema: Schema }[], doc: OpenApiDocument, hints: Hints): fc.Arbitrary<string> {
  const pair = (name: string, value: fc.Arbitrary<unknown>) => value.map((v) => `${percentEncode(name)}=${percentEncode(String(unwrap(v)))}`);
  const documented = params.map((param) =>
    fc.oneof(
      { weight: param.required ? 1 : 3, arbitrary: fc.constant<string[]>([]) },
      { weight: 6, arbitrary: pair(param.name, queryValue(param.name, param.schema, doc, hints)).map((p) => [p]) },
      { weight: 1, arbitrary: fc.array(pair(param.name, queryValue(param.name, param.schema, doc, hints)), { minLength: 2, maxLength: 3 }) },
    ),
  );
  const extra = fc.oneof(
    { weight: 6, arbitrary: fc.constant<string[]>([]) },
    { weight: 1, arbitrary: fc.array(pair('x', hostileShortString), { maxLength: 2 }) },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_QUERY).map((raw) => [raw]) },
  );
  return fc.tuple(fc.tuple(...documented), extra).map(([lists, more]) => {
    const parts = [...lists.flat(), ...more];
    return parts.length > 0 ? `?${parts.join('&')}` : '';
  });
}

/** All path parameters of a route: independent values, or real values that belong together. */
export function pathSegments(route: Route, doc: OpenApiDocument, hints: Hints): fc.Arbitrary<unknown[]> {
  const independent = fc.tuple(...route.pathParams.map((param) => pathParam(param, doc, hints)));
  const related = hints.related(route.pathParams.map((param) => param.name));
  return related.length > 0 ? fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...related).map((values) => [...values]) }, { weight: 3, arbitrary: independent }) : independent;
}

// ---- well-formed requests ----

/** Path parameters that are all real: values that belong together, or each from its own kind. */
export function realSegments(route: Route, doc: OpenApiDocument, hints: Hints): fc.Arbitrary<unknown[]> {
  const own = route.pathParams.map((param) => {
    const values = [...(resolveSchema(param.schema, doc).enum ?? []).map(String), ...hints.param(param.name)];
    return values.length > 0 ? fc.constantFrom(...values).map(percentEncode) : fc.uuid();
  });
  const related = hints.related(route.pathParams.map((param) => param.name));
  const independent = fc.tuple(...own);
  return related.length > 0 ? fc.oneof(fc.constantFrom(...related).map((values) => [...values]), independent) : independent;
}

/** A query of documented parameters only, with real or enumerated values (required ones always there). */
export function realQuery(params: { name: string; required: boolean; schema: Schema }[], doc: OpenApiDocument, hints: Hints): fc.Arbitrary<string> {
  const parts = params.map((param) => {
    const schema = resolveSchema(param.schema, doc);
    const values = [...(schema.enum ?? []).map(String), ...hints.param(param.name)];
    const value = values.length > 0 ? fc.constantFrom(...values) : stringFor(schema).map(String);
    const pair = value.map((v) => `${percentEncode(param.name)}=${percentEncode(v)}`);
    return param.required ? pair : fc.option(pair, { nil: null });
  });
  return fc.tuple(...parts).map((list) => {
    const present = list.filter((part): part is string => part !== null);
    return present.length > 0 ? `?${present.join('&')}` : '';
  });
}

/** A body that fits the operation's schema (JSON), or a fitting multipart form with a real file. */
export function realBody(route: Route, doc: OpenApiDocument, hints: Hints, realFiles: readonly RealFile[]): fc.Arbitrary<BodySpec> {
  if (!route.body) return fc.constant<BodySpec>(route.method === 'GET' || route.method === 'DELETE' ? { kind: 'none' } : { kind: 'json', value: {} });
  if (!route.body.multipart) return valueFor(route.body.schema, doc, hints).map((value): BodySpec => ({ kind: 'json', value }));
  const objectSchema = resolveSchema(route.body.schema, doc);
  const fields = Object.keys(objectSchema.properties ?? {}).length > 0 ? valueFor(objectSchema, doc, hints).map(toPairs) : fc.constant<[string, unknown][]>([]);
  const file = realFiles.length > 0 ? fc.constantFrom(...realFiles) : fc.constant({ name: 'plik.md', content: new Uint8Array(Buffer.from('# Plik\n')) });
  return fc.record({
    kind: fc.constant('multipart' as const),
    fields: fields.map((pairs) => pairs.filter(([, value]) => value !== null)),
    files: file.map((real): FilePart[] => [{ field: 'file', name: real.name, type: 'application/octet-stream', content: real.content }]),
    malformed: fc.constant('no' as const),
  });
}
