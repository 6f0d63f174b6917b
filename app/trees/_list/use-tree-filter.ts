"use client";

// The URL is the tree list's state: this hook reads the filter and sort from it and writes changes
// back (a changed filter or sort starts again from page 1).
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { parseSearchParams, type ParseResult } from "@/lib/core/schemas/search-params";
import { toTreeListSearch, treeListFilter, type TreeListFilter } from "@/lib/core/schemas/trees";

export type TreeFilterPatch = Partial<Omit<TreeListFilter, "page">>;
export type UpdateTreeFilter = (patch: TreeFilterPatch, options?: { replace?: boolean }) => void;

export function useTreeFilter(): {
  parsed: ParseResult<TreeListFilter>;
  /** the view's query: filter and sort in canonical form, without the page (what "Save view" stores) */
  viewQuery: string;
  hrefFor: (filter: Partial<TreeListFilter>) => string;
  update: UpdateTreeFilter;
} {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const search = searchParams.toString();
  const parsed = useMemo(() => parseSearchParams(treeListFilter, new URLSearchParams(search)), [search]);

  const hrefFor = useCallback(
    (filter: Partial<TreeListFilter>) => {
      const qs = toTreeListSearch(filter);
      return qs ? `${pathname}?${qs}` : pathname;
    },
    [pathname],
  );

  const update = useCallback<UpdateTreeFilter>(
    (patch, options) => {
      const current: Partial<TreeListFilter> = parsed.ok ? parsed.value : {};
      const href = hrefFor({ ...current, ...patch, page: 1 });
      if (options?.replace) router.replace(href, { scroll: false });
      else router.push(href, { scroll: false });
    },
    [parsed, hrefFor, router],
  );

  return { parsed, viewQuery: parsed.ok ? toTreeListSearch({ ...parsed.value, page: 1 }) : "", hrefFor, update };
}
