import { useTranslation } from 'react-i18next';
import type { DiffBlock, DiffPart } from '@commonplan/editor';

/** One changed run of text: insertions underlined and deletions struck through, each also named for screen readers. */
function Part({ part }: { part: DiffPart }) {
  const { t } = useTranslation();
  if (part.op === '=') return <>{part.text}</>;
  const Tag = part.op === '+' ? 'ins' : 'del';
  return (
    <Tag>
      <span className="visually-hidden">{part.op === '+' ? t('compare.insertedMark') : t('compare.deletedMark')} </span>
      {part.text}
      <span className="visually-hidden"> {t('compare.endMark')}</span>
    </Tag>
  );
}

const BLOCK_CLASS: Record<DiffBlock['kind'], string> = {
  same: 'diff-block',
  changed: 'diff-block diff-block--changed',
  added: 'diff-block diff-block--added',
  removed: 'diff-block diff-block--removed',
};

/** A comparison rendered as the document: headings one level under the page's h1, other blocks as paragraphs. */
export function DiffView({ blocks, label }: { blocks: DiffBlock[]; label: string }) {
  const { t } = useTranslation();
  return (
    <section className="doc-text diff" aria-label={label}>
      <div className="editor-content">
        {blocks.map((block, index) => {
          const content = block.parts.map((part, i) => <Part key={i} part={part} />);
          const className = `${BLOCK_CLASS[block.kind]} diff-block--${block.type}`;
          if (block.type === 'pageBreak') return <div key={index} className={`${className} page-break`} role="separator" aria-label={t('compare.pageBreak')} />;
          if (block.type === 'heading') {
            const level = Math.min((block.level ?? 1) + 1, 6);
            const Heading = `h${level}` as 'h2';
            return (
              <Heading key={index} className={className}>
                {content}
              </Heading>
            );
          }
          return (
            <p key={index} className={className}>
              {block.type === 'listItem' && <span aria-hidden="true">• </span>}
              {content}
            </p>
          );
        })}
      </div>
    </section>
  );
}
