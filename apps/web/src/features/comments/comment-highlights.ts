import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type { PassageAnchor } from '@commonplan/editor';
import { resolvePassages } from './passages';

interface HighlightState {
  threads: Array<{ id: string; anchor: PassageAnchor }>;
  active: string | null;
  decorations: DecorationSet;
}

export const commentHighlightsKey = new PluginKey<HighlightState>('commentHighlights');

/** Meta of a transaction that gives the plugin the open threads (and which one is active). */
export interface HighlightMeta {
  threads: Array<{ id: string; anchor: PassageAnchor }>;
  active: string | null;
}

function build(state: Parameters<typeof resolvePassages>[0], threads: HighlightState['threads'], active: string | null): DecorationSet {
  const decorations: Decoration[] = [];
  for (const [id, range] of resolvePassages(state, threads)) {
    if (!range) continue;
    decorations.push(
      Decoration.inline(range.from, range.to, { class: id === active ? 'comment-passage comment-passage--active' : 'comment-passage', 'data-thread': id }, { inclusiveStart: false, inclusiveEnd: false }),
    );
  }
  return DecorationSet.create(state.doc, decorations);
}

/**
 * Marks the passages of open comment threads in the text. Positions come from the threads' Yjs anchors whenever the
 * threads change or others' edits arrive; one's own edits move the marks with the text until then.
 */
export const CommentHighlights = Extension.create({
  name: 'commentHighlights',
  addProseMirrorPlugins() {
    return [
      new Plugin<HighlightState>({
        key: commentHighlightsKey,
        state: {
          init: (_config, state) => ({ threads: [], active: null, decorations: DecorationSet.create(state.doc, []) }),
          apply: (tr, previous, _old, state) => {
            const meta = tr.getMeta(commentHighlightsKey) as HighlightMeta | undefined;
            if (meta) return { ...meta, decorations: build(state, meta.threads, meta.active) };
            if (tr.getMeta(ySyncPluginKey)) return { ...previous, decorations: build(state, previous.threads, previous.active) };
            return tr.docChanged ? { ...previous, decorations: previous.decorations.map(tr.mapping, tr.doc) } : previous;
          },
        },
        props: { decorations: (state) => commentHighlightsKey.getState(state)?.decorations },
      }),
    ];
  },
});

/** Lets commenters select text with the keyboard (the editor stays focusable) while refusing every change of theirs. */
export const NoLocalChanges = Extension.create({
  name: 'noLocalChanges',
  addProseMirrorPlugins() {
    return [new Plugin({ filterTransaction: (tr) => !tr.docChanged || Boolean(tr.getMeta(ySyncPluginKey)) })];
  },
});
