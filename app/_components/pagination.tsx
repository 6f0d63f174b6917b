import Link from "next/link";
import { formatCount } from "../_lib/format";

interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  busy?: boolean;
  /** Distinguishes the navigation landmarks when a list has pagination above and below. */
  label?: string;
}

const linkClass = "rounded-md border border-zinc-300 bg-white px-2.5 py-1 text-sm font-medium text-zinc-700 shadow-sm hover:bg-zinc-50";
const disabledClass = "rounded-md border border-zinc-200 px-2.5 py-1 text-sm text-zinc-300";

export function Pagination({ page, pageSize, total, pageCount, hrefFor, busy, label = "Pagination" }: PaginationProps) {
  const first = total === 0 ? 0 : Math.min((page - 1) * pageSize + 1, total);
  const last = Math.min(page * pageSize, total);
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-3 text-sm text-zinc-600">
      <p aria-live="polite">
        {first > 0 ? (
          <>
            Showing <span className="font-medium text-zinc-900">{formatCount(first)}</span>–<span className="font-medium text-zinc-900">{formatCount(last)}</span> of{" "}
            <span className="font-medium text-zinc-900">{formatCount(total)}</span>
          </>
        ) : (
          <>
            <span className="font-medium text-zinc-900">{formatCount(total)}</span> in total
          </>
        )}
        {busy && <span className="ml-2 text-xs text-zinc-400">updating…</span>}
      </p>
      <div className="flex items-center gap-2">
        {page > 1 ? (
          <Link href={hrefFor(1)} className={linkClass} aria-label="First page">
            «
          </Link>
        ) : (
          <span className={disabledClass} aria-hidden>
            «
          </span>
        )}
        {page > 1 ? (
          <Link href={hrefFor(page - 1)} className={linkClass} rel="prev">
            Previous
          </Link>
        ) : (
          <span className={disabledClass} aria-disabled="true">
            Previous
          </span>
        )}
        <span className="px-1 tabular-nums">
          Page {formatCount(page)} of {formatCount(pageCount)}
        </span>
        {page < pageCount ? (
          <Link href={hrefFor(page + 1)} className={linkClass} rel="next">
            Next
          </Link>
        ) : (
          <span className={disabledClass} aria-disabled="true">
            Next
          </span>
        )}
        {page < pageCount ? (
          <Link href={hrefFor(pageCount)} className={linkClass} aria-label="Last page">
            »
          </Link>
        ) : (
          <span className={disabledClass} aria-hidden>
            »
          </span>
        )}
      </div>
    </nav>
  );
}
