"use client";

// The URL is the instruction list's state: this hook reads the filter from it and writes changes
// back (resetting to page 1 whenever a filter changes).
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { instructionListFilter, toInstructionListSearch, type InstructionListFilter } from "@/lib/core/schemas/instructions";
import { parseSearchParams, type ParseResult } from "@/lib/core/schemas/search-params";

export type FilterPatch = Partial<Omit<InstructionListFilter, "page" | "pageSize">>;

export function useInstructionFilter(): {
  parsed: ParseResult<InstructionListFilter>;
  hrefFor: (filter: Partial<InstructionListFilter>) => string;
  update: (patch: FilterPatch, options?: { replace?: boolean }) => void;
} {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const search = searchParams.toString();
  const parsed = useMemo(() => parseSearchParams(instructionListFilter, new URLSearchParams(search)), [search]);

  const hrefFor = useCallback(
    (filter: Partial<InstructionListFilter>) => {
      const qs = toInstructionListSearch(filter);
      return qs ? `${pathname}?${qs}` : pathname;
    },
    [pathname],
  );

  const update = useCallback(
    (patch: FilterPatch, options?: { replace?: boolean }) => {
      const current = parsed.ok ? parsed.value : { page: 1, pageSize: undefined };
      const next = { ...current, ...patch, page: 1 };
      const href = hrefFor(next);
      if (options?.replace) router.replace(href, { scroll: false });
      else router.push(href, { scroll: false });
    },
    [parsed, hrefFor, router],
  );

  return { parsed, hrefFor, update };
}
