import { useEffect, useState } from 'react';

/**
 * Gives the focus to the element with an id as soon as it is on the page: after the render that draws it, however
 * many renders (a reload, a form closing) that takes. Returns the function that asks for it.
 */
export function useFocusWhenShown(): (id: string) => void {
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    if (!focusId) return;
    const element = document.getElementById(focusId);
    if (element) {
      element.focus();
      setFocusId(null);
    }
  });
  return setFocusId;
}
