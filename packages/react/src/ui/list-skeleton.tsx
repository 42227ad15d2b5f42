import { partClass } from './class-name.ts';

/**
 * Placeholder rows while the list first loads. The shapes are hidden from assistive technology; the
 * status text says the same in words (visually hidden by the stylesheet, plain text without it).
 */
export function ListSkeleton({ label, className }: { label: string; className: string | undefined }) {
  return (
    <div className={partClass('skeleton', className)} role="status">
      <span className="ca-sr-only">{label}</span>
      {[0, 1, 2].map((row) => (
        <div key={row} className="ca-skeleton-row" aria-hidden="true">
          <span className="ca-skeleton-logo" />
          <span className="ca-skeleton-lines">
            <span className="ca-skeleton-line" />
            <span className="ca-skeleton-line" />
          </span>
        </div>
      ))}
    </div>
  );
}
