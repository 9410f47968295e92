// Live regions that are always in the page, so that assistive technology announces what is put into them.

/** Problems: role="alert" (announced at once). */
export function ErrorMessage({ message, id }: { message: string | null; id?: string }) {
  return (
    <div role="alert" id={id} className="live">
      {message && <p className="notice notice--error">{message}</p>}
    </div>
  );
}

/** Outcomes and progress: role="status" (announced politely). */
export function StatusMessage({ message }: { message: string | null }) {
  return (
    <div role="status" className="live">
      {message && <p className="notice notice--success">{message}</p>}
    </div>
  );
}
