import type { ContentMatch, NodeType } from '@tiptap/pm/model';
import * as Y from 'yjs';

/** An item's content, of any kind (yjs does not export the common base type). */
type Content = Y.Item['content'];
/** Any shared type. */
type SharedType = Y.AbstractType<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
import { RICH_TEXT_FIELD } from './plain-text';
import { safeHref } from './safe-href';
import { editorSchema, HEADING_LEVELS } from './schema';

/**
 * What may stand where in a document's Yjs state, as the editor's schema maps onto Yjs (y-prosemirror): the rich text
 * is the XmlFragment "default" (no other shared types); its children and every element's children are XmlElements
 * named after node types the parent's content allows, or XmlText where the parent holds inline content; an element's
 * attributes are its node type's, with plain values; text holds characters and the schema's marks as formats. The same
 * rules check an update before the server takes it (`updateProblem`), and find what does not fit in a state already
 * stored (`invalidItems`, `repairDocument`), so that readers never meet it.
 *
 * What the rules cannot promise is the order and number of children a content expression asks for (a list item must
 * start with a paragraph, a table needs rows): concurrent edits that are each valid can merge into such a shape, so
 * readers repair it (documentFromJson), as y-prosemirror does in the editor.
 */

/** Elements may nest this deep (lists in quotes in tables…): far beyond real documents, well within every reader. */
export const MAX_NESTING = 32;
/** The longest attribute or mark value, as JSON. */
const MAX_VALUE_CHARS = 2048;
/** The origin of the transactions that remove what does not fit. */
export const REPAIR_ORIGIN = 'commonplan:repair';

/** Where an item stands. */
type Container =
  | { kind: 'root'; name: string }
  | { kind: 'element'; name: string; depth: number }
  | { kind: 'text' }
  /** A shared type the editor never makes (map, array, plain text, hook, fragment). */
  | { kind: 'foreign' }
  /** Inside something deleted and collected: never visible. */
  | { kind: 'gone' }
  /** Not known yet (the update depends on something the state lacks): only what is checkable alone is checked. */
  | { kind: 'unknown' };

interface Rules {
  children: Map<string, Set<string>>;
  attributes: Map<string, Set<string>>;
  markAttributes: Map<string, Set<string>>;
  top: Set<string>;
}

let cachedRules: Rules | null = null;

function rules(): Rules {
  if (cachedRules) return cachedRules;
  const schema = editorSchema();
  const children = new Map<string, Set<string>>();
  const attributes = new Map<string, Set<string>>();
  for (const type of Object.values(schema.nodes) as NodeType[]) {
    children.set(type.name, childTypes(type.contentMatch));
    attributes.set(type.name, new Set(Object.keys(type.spec.attrs ?? {})));
  }
  const markAttributes = new Map<string, Set<string>>();
  for (const [name, type] of Object.entries(schema.marks)) markAttributes.set(name, new Set(Object.keys(type.spec.attrs ?? {})));
  cachedRules = { children, attributes, markAttributes, top: children.get(schema.topNodeType.name) ?? new Set() };
  return cachedRules;
}

/** Every node type a content expression can hold, anywhere in it. */
function childTypes(start: ContentMatch): Set<string> {
  const names = new Set<string>();
  const seen = new Set<ContentMatch>();
  const stack = [start];
  while (stack.length > 0) {
    const match = stack.pop()!;
    if (seen.has(match)) continue;
    seen.add(match);
    for (let i = 0; i < match.edgeCount; i++) {
      const edge = match.edge(i);
      names.add(edge.type.name);
      stack.push(edge.next);
    }
  }
  return names;
}

/** Why `content` may not stand in `container` (under the map key `parentSub`), or null when it may. */
function contentProblem(container: Container, parentSub: string | null, content: Content): string | null {
  if (content instanceof Y.ContentDeleted) return null;
  switch (container.kind) {
    case 'gone':
      return null;
    case 'foreign':
      return 'content inside a shared type the editor does not use';
    case 'root':
      if (container.name !== RICH_TEXT_FIELD) return `the document holds no shared type but "${RICH_TEXT_FIELD}" (got "${container.name}")`;
      if (parentSub !== null) return 'the rich text has no attributes';
      return childProblem('the document', rules().top, content, 1);
    case 'element': {
      if (parentSub !== null) return attributeProblem(container.name, parentSub, content);
      const allowed = rules().children.get(container.name);
      if (!allowed) return `unknown node "${container.name}"`;
      return childProblem(`"${container.name}"`, allowed, content, container.depth + 1);
    }
    case 'text':
      if (parentSub !== null) return 'text has no attributes';
      if (content instanceof Y.ContentString) return null;
      if (content instanceof Y.ContentFormat) return formatProblem(content.key, content.value);
      return 'text holds only characters and marks';
    case 'unknown':
      return aloneProblem(parentSub, content);
  }
}

/** What can be told of content whose place is not known yet. */
function aloneProblem(parentSub: string | null, content: Content): string | null {
  if (content instanceof Y.ContentString) return null;
  if (content instanceof Y.ContentFormat) return formatProblem(content.key, content.value);
  if (content instanceof Y.ContentType) return childProblem('any node', null, content, 1);
  if (content instanceof Y.ContentAny) return content.arr.length === 1 ? valueProblem(parentSub ?? 'value', content.arr[0]) : 'a plain value outside an attribute';
  return kindProblem(content);
}

function childProblem(parent: string, allowed: Set<string> | null, content: Content, depth: number): string | null {
  if (!(content instanceof Y.ContentType)) return kindProblem(content) ?? `${describe(content)} may not stand in ${parent}`;
  const type = content.type;
  if (type instanceof Y.XmlElement) {
    const name = type.nodeName;
    const schema = editorSchema();
    if (!schema.nodes[name] || name === schema.topNodeType.name || name === 'text') return `unknown node "${name}"`;
    if (allowed && !allowed.has(name)) return `"${name}" may not stand in ${parent}`;
    if (depth > MAX_NESTING) return `elements nest deeper than ${MAX_NESTING} levels`;
    return null;
  }
  if (type instanceof Y.XmlText) return allowed && !allowed.has('text') ? `text may not stand directly in ${parent}` : null;
  return 'only elements of the document schema and text may be inserted';
}

function attributeProblem(node: string, key: string, content: Content): string | null {
  if (!rules().attributes.get(node)?.has(key)) return `"${node}" has no attribute "${key}"`;
  if (!(content instanceof Y.ContentAny) || content.arr.length !== 1) return `attribute "${key}" must be a plain value`;
  const value = content.arr[0];
  if (node === 'heading' && key === 'level' && !(HEADING_LEVELS as readonly unknown[]).includes(value)) return `heading level must be one of ${HEADING_LEVELS.join(', ')}`;
  return valueProblem(key, value);
}

function formatProblem(key: string, value: unknown): string | null {
  const mark = key.split('--')[0];
  const allowed = rules().markAttributes.get(mark);
  if (!allowed) return `unknown mark "${key}"`;
  if (value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) return `mark "${mark}" must carry its attributes as an object`;
  for (const [name, item] of Object.entries(value as Record<string, unknown>)) {
    if (!allowed.has(name)) return `mark "${mark}" has no attribute "${name}"`;
    const problem = valueProblem(name, item);
    if (problem) return problem;
  }
  const href = (value as { href?: unknown }).href;
  if (mark === 'link' && href !== undefined && href !== null && !safeHref(href)) return 'a link must lead to http(s), mailto: or a heading (#)';
  return null;
}

/** Attribute values are plain: text, finite numbers, true/false, null, or short lists of numbers (column widths). */
function valueProblem(key: string, value: unknown): string | null {
  const plain = (v: unknown) => v === null || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'string';
  const ok = plain(value) || (Array.isArray(value) && value.length <= 64 && value.every((v) => v === null || (typeof v === 'number' && Number.isFinite(v))));
  if (!ok) return `the value of "${key}" must be plain`;
  if (JSON.stringify(value).length > MAX_VALUE_CHARS) return `the value of "${key}" is longer than ${MAX_VALUE_CHARS} characters`;
  return null;
}

function kindProblem(content: Content): string | null {
  if (content instanceof Y.ContentEmbed) return 'embedded objects are not part of the document schema';
  if (content instanceof Y.ContentBinary) return 'binary values are not part of the document schema';
  if (content instanceof Y.ContentJSON) return 'JSON values are not part of the document schema';
  if (content instanceof Y.ContentDoc) return 'subdocuments are not part of the document schema';
  if (content instanceof Y.ContentAny) return 'a plain value outside an attribute';
  return null;
}

function describe(content: Content): string {
  if (content instanceof Y.ContentString) return 'text';
  if (content instanceof Y.ContentFormat) return 'a mark';
  return 'this content';
}

/** Where the children of an integrated shared type stand. */
function containerOf(type: SharedType): Container {
  const item = type._item;
  if (item === null) return { kind: 'root', name: Y.findRootTypeKey(type) };
  if (item.deleted) return { kind: 'gone' };
  if (type instanceof Y.XmlElement) {
    let depth = 0;
    for (let current: SharedType | null = type; current && current._item; current = current._item.parent as SharedType) depth++;
    return { kind: 'element', name: type.nodeName, depth };
  }
  if (type instanceof Y.XmlText) return { kind: 'text' };
  return { kind: 'foreign' };
}

/**
 * Why an update would put something into the document that its schema cannot hold, or null when it would not. Checks
 * every item of the update against where it would stand: in the update itself, in `context` (updates taken but not yet
 * applied), or in the document. The document is not changed.
 */
export function updateProblem(doc: Y.Doc, update: Uint8Array, context: Uint8Array[] = []): string | null {
  const checker = new UpdateChecker(doc);
  for (const earlier of context) checker.remember(earlier);
  return checker.check(update);
}

/**
 * Checks the updates a document takes one after another before they are applied (the server's engine applies those
 * of one event-loop tick together): each is checked against the document and the updates taken before it, which it
 * may build on. `clear()` once the taken updates are applied.
 */
export class UpdateChecker {
  private index: StructIndex;

  constructor(private readonly doc: Y.Doc) {
    this.index = new StructIndex(doc);
  }

  /** Why the update does not fit (see updateProblem), or null; an update that fits is remembered. Throws on bad bytes. */
  check(update: Uint8Array): string | null {
    const { structs, ds } = Y.decodeUpdate(update);
    const index = this.index;
    index.add(structs, ds);
    try {
      for (const struct of structs) {
        // What the update itself deletes is never visible (a client's merged batch may hold its own undone mistakes).
        if (!(struct instanceof Y.Item) || index.deletedByUpdate(struct)) continue;
        const place = index.placeOf(struct);
        const problem = contentProblem(place.container, place.parentSub, struct.content);
        if (problem) {
          index.remove(structs);
          return problem;
        }
      }
      return null;
    } finally {
      index.deletes = null;
    }
  }

  /** Takes an update as one the next ones may build on, without checking it. */
  remember(update: Uint8Array): void {
    this.index.add(Y.decodeUpdate(update).structs, null);
  }

  /** Forgets the remembered updates (they are in the document now). */
  clear(): void {
    this.index = new StructIndex(this.doc);
  }
}

interface Place {
  container: Container;
  parentSub: string | null;
}

/** Finds the items of decoded updates and of a document by id, and where each item stands. */
class StructIndex {
  private readonly byClient = new Map<number, Y.Item[]>();
  private readonly places = new Map<Y.Item, Place>();
  /** The deletions of the update being checked (only its own count: earlier ones were checked when they came). */
  deletes: ReturnType<typeof Y.decodeUpdate>['ds'] | null = null;

  constructor(private readonly doc: Y.Doc) {}

  add(structs: Array<Y.Item | Y.GC | Y.Skip>, deletes: ReturnType<typeof Y.decodeUpdate>['ds'] | null): void {
    this.deletes = deletes;
    for (const struct of structs) {
      if (!(struct instanceof Y.Item)) continue;
      let list = this.byClient.get(struct.id.client);
      if (!list) this.byClient.set(struct.id.client, (list = []));
      const last = list[list.length - 1];
      list.push(struct);
      if (last && last.id.clock > struct.id.clock) list.sort((a, b) => a.id.clock - b.id.clock);
    }
  }

  /** Takes back the structs of an update that was refused. */
  remove(structs: Array<Y.Item | Y.GC | Y.Skip>): void {
    const gone = new Set(structs);
    for (const [client, list] of this.byClient) this.byClient.set(client, list.filter((item) => !gone.has(item)));
    for (const struct of structs) if (struct instanceof Y.Item) this.places.delete(struct);
  }

  /** Whether the update being checked deletes the whole item. */
  deletedByUpdate(item: Y.Item): boolean {
    const ds = this.deletes;
    return ds !== null && Y.isDeleted(ds, item.id) && Y.isDeleted(ds, Y.createID(item.id.client, item.id.clock + item.length - 1));
  }

  placeOf(item: Y.Item): Place {
    // Follow left/right neighbours within the updates until an item whose place is known or given; then every item
    // on the way stands where it does (iteratively: typing makes chains thousands long).
    const chain: Y.Item[] = [];
    let current: Y.Item | null = item;
    let found: Place | null = null;
    while (current && !found) {
      const known = this.places.get(current);
      if (known) {
        found = known;
        break;
      }
      chain.push(current);
      if (current.parent !== null) {
        found = {
          container: typeof current.parent === 'string' ? { kind: 'root', name: current.parent } : this.ownedBy(current.parent as Y.ID),
          parentSub: current.parentSub,
        };
        break;
      }
      const neighbour: Y.ID | null = current.origin ?? current.rightOrigin;
      if (!neighbour) {
        found = { container: { kind: 'unknown' }, parentSub: null };
        break;
      }
      const next: Y.Item | null = this.find(neighbour);
      if (next && !chain.includes(next)) {
        current = next;
        continue;
      }
      found = next ? { container: { kind: 'unknown' }, parentSub: null } : this.storedPlace(neighbour);
    }
    const place = found ?? { container: { kind: 'unknown' }, parentSub: null };
    for (const link of chain) this.places.set(link, place);
    return place;
  }

  /** The container that the type held by the item `id` makes. */
  private ownedBy(id: Y.ID): Container {
    const item = this.find(id);
    if (item) {
      if (this.deletedByUpdate(item)) return { kind: 'gone' };
      if (!(item.content instanceof Y.ContentType)) return { kind: 'foreign' };
      const type = item.content.type;
      if (type instanceof Y.XmlElement) {
        const outer = this.placeOf(item).container;
        const depth = outer.kind === 'element' ? outer.depth + 1 : 1;
        return { kind: 'element', name: type.nodeName, depth };
      }
      return type instanceof Y.XmlText ? { kind: 'text' } : { kind: 'foreign' };
    }
    const stored = this.stored(id);
    if (stored === undefined) return { kind: 'unknown' };
    if (!(stored instanceof Y.Item)) return { kind: 'gone' };
    if (!(stored.content instanceof Y.ContentType)) return { kind: 'foreign' };
    return containerOf(stored.content.type as SharedType);
  }

  /** Where the document's item `id` stands, as a neighbour's place. */
  private storedPlace(id: Y.ID): Place {
    const stored = this.stored(id);
    if (stored === undefined) return { container: { kind: 'unknown' }, parentSub: null };
    if (!(stored instanceof Y.Item)) return { container: { kind: 'gone' }, parentSub: null };
    return { container: containerOf(stored.parent as SharedType), parentSub: stored.parentSub };
  }

  /** The item of the updates that holds `id`, or null. */
  private find(id: Y.ID): Y.Item | null {
    const list = this.byClient.get(id.client);
    if (!list) return null;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const item = list[mid];
      if (id.clock < item.id.clock) high = mid - 1;
      else if (id.clock >= item.id.clock + item.length) low = mid + 1;
      else return item;
    }
    return null;
  }

  /** The document's struct holding `id` (an Item, or GC when collected); undefined when the document lacks it. */
  private stored(id: Y.ID): Y.Item | Y.GC | undefined {
    if (Y.getState(this.doc.store, id.client) <= id.clock) return undefined;
    return Y.getItem(this.doc.store, id) as Y.Item | Y.GC;
  }
}

/**
 * The visible items of the document that do not fit its schema (see the rules above); only those created after
 * `since` (a state vector, as a transaction's beforeState) when given.
 */
export function invalidItems(doc: Y.Doc, since?: Map<number, number>): Y.Item[] {
  const found: Y.Item[] = [];
  for (const [client, structs] of doc.store.clients) {
    const from = since?.get(client) ?? 0;
    if (from >= Y.getState(doc.store, client)) continue;
    for (let i = from > 0 ? Y.findIndexSS(structs, from) : 0; i < structs.length; i++) {
      const struct = structs[i];
      if (!(struct instanceof Y.Item) || struct.deleted) continue;
      if (contentProblem(containerOf(struct.parent as SharedType), struct.parentSub, struct.content)) found.push(struct);
    }
  }
  return found;
}

/**
 * Removes from the document what does not fit its schema (all of it, or what was created after `since`), in one
 * transaction of origin REPAIR_ORIGIN; returns how many items it removed. Readers repair a private copy of a stored
 * state; the browser repairs its document as changes arrive, before the editor sees them.
 */
export function repairDocument(doc: Y.Doc, since?: Map<number, number>): number {
  const items = invalidItems(doc, since);
  if (items.length === 0) return 0;
  doc.transact((transaction) => {
    for (const item of items) item.delete(transaction);
  }, REPAIR_ORIGIN);
  return items.length;
}

/**
 * Keeps a document fit for the editor: whatever a transaction brings that does not fit is removed before observers
 * (the editor's binding) see it. Returns what stops it.
 */
export function guardDocument(doc: Y.Doc): () => void {
  repairDocument(doc);
  const check = (transaction: Y.Transaction) => {
    if (transaction.origin !== REPAIR_ORIGIN) repairDocument(doc, transaction.beforeState);
  };
  doc.on('beforeObserverCalls', check);
  return () => doc.off('beforeObserverCalls', check);
}

/** A private Y.Doc of a stored state with what does not fit removed (the caller destroys it). */
export function readableDoc(state: Uint8Array, options: { gc?: boolean } = {}): Y.Doc {
  const doc = new Y.Doc({ gc: options.gc ?? false });
  Y.applyUpdate(doc, state);
  repairDocument(doc);
  return doc;
}
