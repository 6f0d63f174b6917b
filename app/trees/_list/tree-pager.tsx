import Link from "next/link";
import type { TreeListPage } from "@/lib/server/services/tree-list";
import { Pagination } from "../../_components/pagination";
import { formatCount } from "../../_lib/format";

const linkClass = "rounded-md border border-zinc-300 bg-white px-2.5 py-1 text-sm font-medium text-zinc-700 shadow-sm hover:bg-zinc-50";
const disabledClass = "rounded-md border border-zinc-200 px-2.5 py-1 text-sm text-zinc-300";

/** "about 26,000": an estimate is shown to two significant digits, not as if it were counted. */
function roundToTwoDigits(n: number): string {
  if (n < 100) return formatCount(n);
  const unit = 10 ** (Math.floor(Math.log10(n)) - 1);
  return formatCount(Math.round(n / unit) * unit);
}

/**
 * Pages of the list. An exact total gets the shared pagination; a capped ("10,000+") or estimated
 * ("about 26,000") one has no last page to jump to, so it offers first / previous / next only.
 */
export function TreePager({ data, hrefFor, busy, label }: { data: TreeListPage; hrefFor: (page: number) => string; busy: boolean; label: string }) {
  if (data.totalKind === "exact" && data.pageCount !== null) {
    return <Pagination label={label} page={data.page} pageSize={data.pageSize} total={data.total} pageCount={data.pageCount} hrefFor={hrefFor} busy={busy} />;
  }
  const first = (data.page - 1) * data.pageSize + 1;
  const last = first + data.items.length - 1;
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-3 text-sm text-zinc-600">
      <p aria-live="polite">
        Showing <span className="font-medium text-zinc-900">{formatCount(first)}</span>–<span className="font-medium text-zinc-900">{formatCount(last)}</span> of{" "}
        {data.totalKind === "atLeast" ? (
          <>
            <span className="font-medium text-zinc-900">{formatCount(data.total)}+</span>
            <span className="ml-1 text-xs text-zinc-500">(counting stops at {formatCount(data.total)})</span>
          </>
        ) : (
          <>
            about <span className="font-medium text-zinc-900">{roundToTwoDigits(data.total)}</span>
            <span className="ml-1 text-xs text-zinc-500">(estimated: too many matches to count)</span>
          </>
        )}
        {busy && <span className="ml-2 text-xs text-zinc-400">updating…</span>}
      </p>
      <div className="flex items-center gap-2">
        {data.page > 1 ? (
          <Link href={hrefFor(1)} className={linkClass} aria-label="First page">
            «
          </Link>
        ) : (
          <span className={disabledClass} aria-hidden>
            «
          </span>
        )}
        {data.page > 1 ? (
          <Link href={hrefFor(data.page - 1)} className={linkClass} rel="prev">
            Previous
          </Link>
        ) : (
          <span className={disabledClass} aria-disabled="true">
            Previous
          </span>
        )}
        <span className="px-1 tabular-nums">Page {formatCount(data.page)}</span>
        {data.hasNextPage ? (
          <Link href={hrefFor(data.page + 1)} className={linkClass} rel="next">
            Next
          </Link>
        ) : (
          <span className={disabledClass} aria-disabled="true">
            Next
          </span>
        )}
      </div>
    </nav>
  );
}
