import { type ReactNode, useId } from 'react';

/**
 * A table in a scrolling wrapper (`.table-wrap`) that a keyboard can reach: the wrapper is a region named by the
 * table's caption and takes the focus, so a table wider than the page scrolls with the arrow keys (WCAG 2.1.1; axe's
 * scrollable-region-focusable). `children` are the table's parts after the caption (thead, tbody, tfoot).
 */
export function TableRegion({
  caption,
  captionId: givenId,
  className,
  wrapClassName,
  children,
}: {
  caption: ReactNode;
  /** The caption's id, when something else is labelled by it too (a form around the table). */
  captionId?: string;
  className?: string;
  wrapClassName?: string;
  children: ReactNode;
}) {
  const generatedId = useId();
  const captionId = givenId ?? generatedId;
  return (
    <div className={wrapClassName ? `table-wrap ${wrapClassName}` : 'table-wrap'} tabIndex={0} role="region" aria-labelledby={captionId}>
      <table className={className}>
        <caption id={captionId}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}
