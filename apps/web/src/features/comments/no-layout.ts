// For component tests of editors (imported by them): jsdom lays nothing out, while ProseMirror measures the selection
// to scroll it into view and asks which element is under a click. These give it the empty answers a page without
// layout would: no rectangles, no element.
const noRects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;

if (typeof Range !== 'undefined' && !Range.prototype.getClientRects) {
  Range.prototype.getClientRects = noRects;
  Range.prototype.getBoundingClientRect = () => new DOMRect();
}
if (typeof document !== 'undefined' && !document.elementFromPoint) {
  document.elementFromPoint = () => null;
}
