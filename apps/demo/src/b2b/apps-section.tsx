import type { QueryResult } from '@connected-apps/react/b2b';
import { type ReactNode, useId, useRef, useState } from 'react';
import { ErrorNotice } from './parts.tsx';

/** The list's heading and live status line, and `announce()`: a revoke's sentence said, focus on the heading. */
export function useRevokeAnnouncer() {
  const titleId = useId();
  const title = useRef<HTMLHeadingElement>(null);
  const [announcement, setAnnouncement] = useState('');
  const announce = (sentence: string) => {
    setAnnouncement(sentence);
    // The row (and the button that had focus) is gone: the list's heading takes focus.
    title.current?.focus();
  };
  return { titleId, title, announcement, announce };
}

/**
 * The frame both B2B pages put their list in: the heading with the count once loaded, the status line
 * a revoke speaks in, loading, a failed load with Try again (or `refusal`, for a failure a retry will
 * not fix), the empty state, and one `row` per app.
 */
export function AppsSection<App extends { connected_app_id: string }>({
  heading,
  apps,
  announcer,
  what,
  empty,
  refusal,
  row,
}: {
  heading: string;
  apps: QueryResult<App[]>;
  announcer: ReturnType<typeof useRevokeAnnouncer>;
  /** The list in words, in the loading and failure lines: "your connected apps". */
  what: string;
  /** The empty state's sentence. */
  empty: string;
  refusal?: ReactNode;
  row: (app: App) => ReactNode;
}) {
  const { titleId, title, announcement } = announcer;
  return (
    <section className="ca-manager b2b apps" aria-labelledby={titleId}>
      <div className="ca-header">
        <h2 id={titleId} ref={title} tabIndex={-1} className="ca-title">
          {heading}
          {apps.data && <span className="ca-count"> ({apps.data.length})</span>}
        </h2>
      </div>
      <p role="status" className={announcement ? 'ca-success' : 'ca-sr-only'}>
        {announcement}
      </p>
      {apps.status === 'pending' && <p className="b2b-loading">Loading {what}…</p>}
      {apps.status === 'error' &&
        (refusal ?? (
          <ErrorNotice title={`Could not load ${what}`} error={apps.error}>
            <button type="button" className="ca-button" onClick={() => void apps.refetch()}>
              Try again
            </button>
          </ErrorNotice>
        ))}
      {apps.data?.length === 0 && (
        <div className="ca-empty">
          <p className="ca-empty-title">No connected apps</p>
          <p>{empty}</p>
        </div>
      )}
      {apps.data && apps.data.length > 0 && (
        <ul className="ca-list" aria-labelledby={titleId}>
          {apps.data.map(row)}
        </ul>
      )}
    </section>
  );
}
