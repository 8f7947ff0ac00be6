// Cursor pagination: the cursors of the pages before this one are kept to go back.
export interface PagerProps {
  page: number;
  hasNext: boolean;
  total: number;
  onPrevious: () => void;
  onNext: () => void;
}

export function Pager({ page, hasNext, total, onPrevious, onNext }: PagerProps) {
  return (
    <nav className="pager" aria-label="Pagination">
      <button type="button" onClick={onPrevious} disabled={page === 0}>
        Previous page
      </button>
      <span>
        Page {page + 1} · {total} in all
      </span>
      <button type="button" onClick={onNext} disabled={!hasNext}>
        Next page
      </button>
    </nav>
  );
}

/** The cursor stack behind a Pager. */
export function nextCursors(cursors: (string | null)[], endCursor: string | null): (string | null)[] {
  return [...cursors, endCursor];
}
