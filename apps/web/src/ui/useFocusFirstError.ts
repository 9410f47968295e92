import { type RefObject, useEffect } from 'react';

/** After a submit that found problems, moves the focus to the first field marked aria-invalid in the form. */
export function useFocusFirstError(form: RefObject<HTMLFormElement | null>, errors: Record<string, string | undefined>, attempt: number): void {
  const hasErrors = Object.values(errors).some(Boolean);
  useEffect(() => {
    if (attempt === 0 || !hasErrors) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form, attempt, hasErrors]);
}
