import { useTranslation } from 'react-i18next';
import { type Block, headingTag } from './blocks';

/**
 * The document's text as it is now: headings under the page's h1 (level 1 → h2, level 2 → h3, …) and paragraphs.
 * Empty blocks are left out (an empty paragraph is spacing in the editor, nothing to read). Not a live region: a
 * screen reader is not interrupted by every keystroke of the others.
 */
export function DocumentText({ blocks, loaded }: { blocks: Block[]; loaded: boolean }) {
  const { t } = useTranslation();
  const visible = blocks.filter((block) => block.text.trim() !== '');
  return (
    <section className="doc-text" aria-label={t('document.text.label')} aria-busy={!loaded}>
      {visible.length === 0 ? (
        <p className="muted">{loaded ? t('document.text.empty') : t('document.text.loading')}</p>
      ) : (
        visible.map((block, index) => {
          if (block.type === 'paragraph') return <p key={index}>{block.text}</p>;
          const Heading = headingTag(block.level);
          return <Heading key={index}>{block.text}</Heading>;
        })
      )}
    </section>
  );
}
