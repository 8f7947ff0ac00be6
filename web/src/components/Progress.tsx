// What a slow action is doing, announced to screen readers.
export function Progress({ busy, what }: { busy: boolean; what: string }) {
  if (!busy) return null;
  return (
    <span role="status" aria-live="polite" className="progress">
      <span className="spinner" aria-hidden="true" /> {what}…
    </span>
  );
}
