import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES, MEMBER_TYPES, PARTNER_TYPES, ROLES } from '@commonplan/domain';
import { KNOWN_ACTIONS } from '../features/audit/describe-entry';
import en from './en.json';
import pl from './pl.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out[path] = value;
    else Object.assign(out, flatten(value, path));
  }
  return out;
}

/** i18next's key separator is "." and audit action names contain dots; i18next finds "audit.actions.auth.login" by walking. */
function has(tree: Tree, key: string): boolean {
  const flat = flatten(tree);
  return key in flat;
}

const plKeys = flatten(pl as Tree);
const enKeys = flatten(en as Tree);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('translations', () => {
  it('pl.json and en.json have exactly the same keys', () => {
    const onlyPl = Object.keys(plKeys).filter((k) => !(k in enKeys));
    const onlyEn = Object.keys(enKeys).filter((k) => !(k in plKeys));
    expect({ onlyPl, onlyEn }).toEqual({ onlyPl: [], onlyEn: [] });
  });

  it('no text is empty, and the same placeholders appear in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(plKeys)) {
      expect(text.trim(), key).not.toBe('');
      expect(enKeys[key].trim(), key).not.toBe('');
      expect(placeholders(enKeys[key]), key).toEqual(placeholders(text));
    }
  });

  it('names every role, organisation type, document kind and status, and audit action of the domain', () => {
    const needed = [
      ...ROLES.map((r) => `roles.${r}`),
      ...[...MEMBER_TYPES, ...PARTNER_TYPES].map((type) => `organisationTypes.${type}`),
      ...DOCUMENT_KINDS.map((kind) => `documentKinds.${kind}`),
      ...DOCUMENT_STATUSES.map((status) => `documentStatuses.${status}`),
      ...KNOWN_ACTIONS.map((action) => `audit.actions.${action}`),
    ];
    expect(needed.filter((key) => !has(pl as Tree, key))).toEqual([]);
  });

  it('has every key that the source code names literally', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(join(import.meta.dirname, '..'))) {
      const code = readFileSync(file, 'utf8');
      for (const match of code.matchAll(/\bt\(\s*'([a-zA-Z][\w.]*)'/g)) used.add(match[1]);
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((key) => !(key in plKeys))).toEqual([]);
  });
});
