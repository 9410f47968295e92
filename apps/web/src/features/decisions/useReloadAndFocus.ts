import { useCallback, useEffect, useState } from 'react';

/**
 * After an action: reload what the page shows, then move the focus to the element the action names (the recorded
 * vote, the outcome…) once it is on the page. `shown` are the data the page renders from (the effect waits for them).
 */
export function useReloadAndFocus(
  reload: () => Promise<void> | void,
  shown: readonly unknown[],
): { refresh: (focusId?: string) => Promise<void>; focusWhenShown: (focusId: string) => void } {
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    if (!focusId) return;
    const element = document.getElementById(focusId);
    if (element) {
      element.focus();
      setFocusId(null);
    }
  }, [focusId, ...shown]);
  const refresh = useCallback(
    async (focus?: string) => {
      await reload();
      if (focus) setFocusId(focus);
    },
    [reload],
  );
  return { refresh, focusWhenShown: setFocusId };
}
