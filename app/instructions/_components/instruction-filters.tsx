"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type ReactNode } from "react";
import { hasInstructionFilters, type InstructionListFilter } from "@/lib/core/schemas/instructions";
import { instructionQueries } from "@/lib/ui/queries/instructions";
import { formatCount } from "../../_lib/format";
import { useDebouncedCallback } from "../../_lib/use-debounced-callback";
import { SourceFilter } from "./source-filter";
import { ToolFilter } from "./tool-filter";
import type { FilterPatch } from "./use-instruction-filter";

interface Props {
  filter: InstructionListFilter;
  onChange: (patch: FilterPatch, options?: { replace?: boolean }) => void;
  clearHref: string;
}

const selectClass =
  "w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm shadow-sm focus:border-emerald-600 focus:outline-none focus:ring-1 focus:ring-emerald-600 disabled:bg-zinc-50 disabled:text-zinc-400";

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-zinc-600">
        {label}
      </label>
      {children}
    </div>
  );
}

/** The full-text box: typing updates the URL once the text settles, replacing (not stacking) history. */
function QuerySearch({ q, onChange }: { q: string; onChange: Props["onChange"] }) {
  const [text, setText] = useState(q);
  const [shownQ, setShownQ] = useState(q);
  const [written, setWritten] = useState(q);
  // follow outside changes (back button, "Clear all filters"), not the URL catching up with typing
  if (q !== shownQ) {
    setShownQ(q);
    if (q !== written) setText(q);
  }
  const writeQuery = useDebouncedCallback((value: string) => {
    setWritten(value);
    if (value !== q) onChange({ q: value || undefined }, { replace: true });
  }, 350);
  return (
    <form role="search" onSubmit={(e) => e.preventDefault()}>
      <Field id="instruction-search" label="Search queries">
        <input
          id="instruction-search"
          type="search"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            writeQuery(e.target.value.trim());
          }}
          placeholder='Words in the query — "exact phrase", -exclude, or'
          className="w-full rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm shadow-sm placeholder:text-zinc-400 focus:border-emerald-600 focus:outline-none focus:ring-1 focus:ring-emerald-600"
        />
      </Field>
    </form>
  );
}

export function InstructionFilters({ filter, onChange, clearHref }: Props) {
  const facets = useQuery(instructionQueries.facets());
  const groups = facets.data?.groups ?? [];
  const categories = facets.data?.categories ?? [];
  const runs = facets.data?.runs ?? [];
  const loading = facets.isPending;
  const unknownCategory = filter.category !== undefined && !loading && !categories.some((c) => c.standardizedName === filter.category);
  const unknownGroup = filter.group !== undefined && !loading && !groups.some((g) => g.value === filter.group);

  return (
    <section aria-label="Filters" className="rounded-lg border border-zinc-200 bg-white p-3">
      <div className="grid gap-3 lg:grid-cols-[2fr_1fr]">
        <QuerySearch q={filter.q ?? ""} onChange={onChange} />
        <div className="flex items-end justify-end gap-3 text-sm">
          {facets.isError && <span className="text-xs text-rose-700">Filter options could not be loaded</span>}
          {hasInstructionFilters(filter) && (
            <Link href={clearHref} className="rounded-md px-2 py-1.5 font-medium text-emerald-800 hover:bg-emerald-50">
              Clear all filters
            </Link>
          )}
        </div>
      </div>
      <div className="mt-3 grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        <Field id="filter-group" label="Group">
          <select id="filter-group" className={selectClass} disabled={loading} value={filter.group ?? ""} onChange={(e) => onChange({ group: e.target.value || undefined })}>
            <option value="">{loading ? "Loading…" : "All groups"}</option>
            {groups.map((g) => (
              <option key={g.value} value={g.value}>
                {g.value} ({formatCount(g.count)})
              </option>
            ))}
            {unknownGroup && <option value={filter.group}>{filter.group} (none)</option>}
          </select>
        </Field>
        <Field id="filter-category" label="Category">
          <select
            id="filter-category"
            className={selectClass}
            disabled={loading}
            value={filter.category ?? ""}
            onChange={(e) => onChange({ category: e.target.value || undefined, tool: undefined })}
          >
            <option value="">{loading ? "Loading…" : "All categories"}</option>
            {categories.map((c) => (
              <option key={c.standardizedName} value={c.standardizedName}>
                {c.name} ({formatCount(c.instructionCount)})
              </option>
            ))}
            {unknownCategory && <option value={filter.category}>{filter.category} (not in the catalog)</option>}
          </select>
        </Field>
        <ToolFilter toolId={filter.tool} category={filter.category} onChange={(tool) => onChange({ tool })} />
        <SourceFilter source={filter.source} onChange={(source) => onChange({ source })} />
        <Field id="filter-trees" label="Trees">
          <select id="filter-trees" className={selectClass} value={filter.hasTree ?? ""} onChange={(e) => onChange({ hasTree: (e.target.value || undefined) as FilterPatch["hasTree"] })}>
            <option value="">Any</option>
            <option value="yes">With trees</option>
            <option value="no">Without trees</option>
          </select>
        </Field>
        {(runs.length > 0 || filter.run !== undefined) && (
          <Field id="filter-run" label="Generation run">
            <select id="filter-run" className={selectClass} value={filter.run ?? ""} onChange={(e) => onChange({ run: e.target.value ? Number(e.target.value) : undefined })}>
              <option value="">All runs</option>
              {runs.map((r) => (
                <option key={r.id} value={r.id}>
                  #{r.id} {r.title || "untitled"} ({formatCount(r.instructionCount)})
                </option>
              ))}
              {filter.run !== undefined && !runs.some((r) => r.id === filter.run) && <option value={filter.run}>#{filter.run} (no instructions)</option>}
            </select>
          </Field>
        )}
      </div>
    </section>
  );
}
