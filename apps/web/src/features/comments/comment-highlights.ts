import { Extension } from '@tiptap/core';
import { type EditorState, Plugin, PluginKey } from '@tiptap/pm/state';
import type { Mapping } from '@tiptap/pm/transform';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type { PassageAnchor } from '@commonplan/editor';
import { resolvePassages } from './passages';

type Range = { from: number; to: number };

interface HighlightState {
  threads: HighlightMeta['threads'];
  active: string | null;
  /** Where each thread's passage is now; null when it was deleted entirely. */
  ranges: Map<string, Range | null>;
  decorations: DecorationSet;
}

export const commentHighlightsKey = new PluginKey<HighlightState>('commentHighlights');

/** Meta of a transaction that gives the plugin the threads (and which one is active). */
export interface HighlightMeta {
  threads: Array<{ id: string; anchor: PassageAnchor; open: boolean }>;
  active: string | null;
}

function decorate(doc: EditorState['doc'], threads: HighlightMeta['threads'], active: string | null, ranges: Map<string, Range | null>): DecorationSet {
  const decorations: Decoration[] = [];
  for (const thread of threads) {
    const range = ranges.get(thread.id);
    if (!thread.open || !range) continue;
    decorations.push(
      Decoration.inline(range.from, range.to, { class: thread.id === active ? 'comment-passage comment-passage--active' : 'comment-passage', 'data-thread': thread.id }, { inclusiveStart: false, inclusiveEnd: false }),
    );
  }
  return DecorationSet.create(doc, decorations);
}

/** One's own edit moves the passages with the text; a passage whose whole text went is gone. */
function mapRanges(ranges: Map<string, Range | null>, mapping: Mapping): Map<string, Range | null> {
  const mapped = new Map<string, Range | null>();
  for (const [id, range] of ranges) {
    if (!range) {
      mapped.set(id, null);
      continue;
    }
    const from = mapping.map(range.from, 1);
    const to = mapping.map(range.to, -1);
    mapped.set(id, to > from ? { from, to } : null);
  }
  return mapped;
}

/**
 * Where the comment threads' passages are, and the marks on the open ones. Positions come from the threads' Yjs
 * anchors when the threads change or others' edits arrive (the only times the anchors must be read); one's own edits
 * move them with the text until then. The side column reads `ranges` from here rather than resolving anchors itself.
 */
export const CommentHighlights = Extension.create({
  name: 'commentHighlights',
  addProseMirrorPlugins() {
    return [
      new Plugin<HighlightState>({
        key: commentHighlightsKey,
        state: {
          init: (_config, state) => ({ threads: [], active: null, ranges: new Map(), decorations: DecorationSet.create(state.doc, []) }),
          apply: (tr, previous, _old, state) => {
            const meta = tr.getMeta(commentHighlightsKey) as HighlightMeta | undefined;
            if (meta || tr.getMeta(ySyncPluginKey)) {
              const threads = meta?.threads ?? previous.threads;
              const active = meta ? meta.active : previous.active;
              const ranges = resolvePassages(state, threads);
              return { threads, active, ranges, decorations: decorate(state.doc, threads, active, ranges) };
            }
            if (!tr.docChanged) return previous;
            return { ...previous, ranges: mapRanges(previous.ranges, tr.mapping), decorations: previous.decorations.map(tr.mapping, tr.doc) };
          },
        },
        props: { decorations: (state) => commentHighlightsKey.getState(state)?.decorations },
      }),
    ];
  },
});

/** Where each thread's passage is in the editor now (null: deleted entirely; missing: not known to the plugin). */
export function passageRanges(state: EditorState): Map<string, Range | null> {
  return commentHighlightsKey.getState(state)?.ranges ?? new Map();
}

/** Lets commenters select text with the keyboard (the editor stays focusable) while refusing every change of theirs. */
export const NoLocalChanges = Extension.create({
  name: 'noLocalChanges',
  addProseMirrorPlugins() {
    return [new Plugin({ filterTransaction: (tr) => !tr.docChanged || Boolean(tr.getMeta(ySyncPluginKey)) })];
  },
});
