import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { documentOutline } from '@commonplan/editor';

export const headingAnchorsKey = new PluginKey<DecorationSet>('headingAnchors');

/**
 * Gives every heading in the editor the `id` of its outline entry, so that a link to `#h-…` (from the table of
 * contents, shared by someone) finds it. Decorations only: the shared document is not changed.
 */
export const HeadingAnchors = Extension.create({
  name: 'headingAnchors',

  addProseMirrorPlugins() {
    const build = (doc: Parameters<typeof documentOutline>[0]) =>
      DecorationSet.create(
        doc,
        documentOutline(doc).map((entry) => Decoration.node(entry.pos, entry.pos + (doc.nodeAt(entry.pos)?.nodeSize ?? 1), { id: entry.id })),
      );
    return [
      new Plugin<DecorationSet>({
        key: headingAnchorsKey,
        state: {
          init: (_config, state) => build(state.doc),
          apply: (tr, previous) => (tr.docChanged ? build(tr.doc) : previous),
        },
        props: {
          decorations: (state) => headingAnchorsKey.getState(state),
        },
      }),
    ];
  },
});
