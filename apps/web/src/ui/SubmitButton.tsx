/** A form's main button: while busy it says so and stays focusable (aria-disabled, not disabled). */
export function SubmitButton({ busy = false, label, busyLabel }: { busy?: boolean; label: string; busyLabel: string }) {
  return (
    <div className="form__actions">
      <button type="submit" className="button button--primary" aria-disabled={busy}>
        {busy ? busyLabel : label}
      </button>
    </div>
  );
}
