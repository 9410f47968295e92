import { useCallback } from 'react';
import { useFocusWhenShown } from '../../ui/focus-when-shown';

/**
 * After an action: reload what the page shows, then move the focus to the element the action names (the recorded
 * vote, the outcome…) once it is on the page.
 */
export function useReloadAndFocus(reload: () => Promise<void> | void): {
  refresh: (focusId?: string) => Promise<void>;
  focusWhenShown: (focusId: string) => void;
} {
  const focusWhenShown = useFocusWhenShown();
  const refresh = useCallback(
    async (focus?: string) => {
      await reload();
      if (focus) focusWhenShown(focus);
    },
    [reload, focusWhenShown],
  );
  return { refresh, focusWhenShown };
}
