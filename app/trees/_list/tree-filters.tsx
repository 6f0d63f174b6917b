"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { CHECKS } from "@/lib/core/checks/definitions";
import { FINISH_TYPES, PASS_FILTERS, REVIEW_STATUSES, TREE_METHODS, hasTreeFilters, type TreeListFilter } from "@/lib/core/schemas/trees";
import { instructionQueries } from "@/lib/ui/queries/instructions";
import { treeListQueries } from "@/lib/ui/queries/tree-list";
import { formatCount } from "../../_lib/format";
import { ToolFilter } from "../../instructions/_components/tool-filter";
import { Field, RangeField, SearchBox, SelectField, YesNoField, selectClass } from "./filter-fields";
import { METHOD_LABELS, SORT_OPTIONS, STATUS_LABELS } from "./labels";
import type { TreeFilterPatch, UpdateTreeFilter } from "./use-tree-filter";

const withCount = (label: string, n: number) => `${label} (${formatCount(n)})`;

export function TreeFilters({ filter, onChange, clearHref }: { filter: TreeListFilter; onChange: UpdateTreeFilter; clearHref: string }) {
  const facets = useQuery(treeListQueries.facets());
  // categories come with the instruction list's facets (a tree's category is its instruction's)
  const instructionFacets = useQuery(instructionQueries.facets());
  const loading = facets.isPending;
  const set = (patch: TreeFilterPatch) => onChange(patch);
  const sortValue = `${filter.sort}-${filter.dir}`;

  return (
    <section aria-label="Filters" className="rounded-lg border border-zinc-200 bg-white p-3">
      <div className="grid gap-3 lg:grid-cols-[2fr_1fr_auto]">
        <SearchBox q={filter.q ?? ""} onChange={(q) => onChange({ q }, { replace: true })} />
        <Field id="tree-sort" label="Sort">
          <select
            id="tree-sort"
            className={selectClass}
            value={sortValue}
            onChange={(e) => {
              const o = SORT_OPTIONS.find((s) => s.value === e.target.value);
              if (o) set({ sort: o.sort, dir: o.dir });
            }}
          >
            {SORT_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </Field>
        <div className="flex items-end justify-end gap-3 text-sm">
          {(facets.isError || instructionFacets.isError) && <span className="text-xs text-rose-700">Some filter options could not be loaded</span>}
          {hasTreeFilters(filter) && (
            <Link href={clearHref} className="rounded-md px-2 py-1.5 font-medium text-emerald-800 hover:bg-emerald-50">
              Clear all filters
            </Link>
          )}
        </div>
      </div>
      <div className="mt-3 grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        <SelectField id="filter-group" label="Group" value={filter.group} anyLabel={loading ? "Loading…" : "All groups"} disabled={loading}
          options={(facets.data?.groups ?? []).map((g) => ({ value: g.value, label: withCount(g.value, g.count) }))} onChange={(group) => set({ group })} />
        <SelectField id="filter-category" label="Category" value={filter.category} anyLabel={instructionFacets.isPending ? "Loading…" : "All categories"} disabled={instructionFacets.isPending}
          options={(instructionFacets.data?.categories ?? []).map((c) => ({ value: c.standardizedName, label: c.name }))} onChange={(category) => set({ category, tool: undefined })} />
        <ToolFilter toolId={filter.tool} category={filter.category} onChange={(tool) => set({ tool })} />
        <SelectField id="filter-method" label="Method" value={filter.method} anyLabel="All methods"
          options={TREE_METHODS.map((m) => ({ value: m, label: METHOD_LABELS[m] }))} onChange={(m) => set({ method: m as TreeListFilter["method"] })} />
        <SelectField id="filter-model" label="Model" value={filter.model} anyLabel={loading ? "Loading…" : "All models"} disabled={loading}
          options={(facets.data?.models ?? []).map((m) => ({ value: m.value, label: withCount(m.value, m.count) }))} onChange={(model) => set({ model })} />
        <SelectField id="filter-run" label="Run" value={filter.run === undefined ? undefined : String(filter.run)} anyLabel={loading ? "Loading…" : "All runs"} disabled={loading}
          options={(facets.data?.runs ?? []).map((r) => ({ value: String(r.id), label: withCount(`#${r.id} ${r.title || r.kind}`, r.treeCount) }))}
          onChange={(run) => set({ run: run === undefined ? undefined : Number(run) })} />
        <SelectField id="filter-finish" label="Finish type" value={filter.finish} anyLabel="Any"
          options={FINISH_TYPES.map((f) => ({ value: f, label: f === "none" ? "not recorded" : f }))} onChange={(f) => set({ finish: f as TreeListFilter["finish"] })} />
        <SelectField id="filter-valid" label="Valid data" value={filter.valid} anyLabel="Valid or not"
          options={[{ value: "yes", label: "Valid" }, { value: "no", label: "Invalid" }]} onChange={(v) => set({ valid: v as TreeListFilter["valid"] })} />
        <SelectField id="filter-status" label="Review status" value={filter.status} anyLabel="Any status"
          options={REVIEW_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s].label }))} onChange={(s) => set({ status: s as TreeListFilter["status"] })} />
        <SelectField id="filter-reviewer" label="Reviewed by" value={filter.reviewer === undefined ? undefined : String(filter.reviewer)} anyLabel={loading ? "Loading…" : "Anyone or no one"} disabled={loading}
          options={(facets.data?.reviewers ?? []).map((r) => ({ value: String(r.id), label: withCount(r.name, r.treeCount) }))}
          onChange={(r) => set({ reviewer: r === undefined ? undefined : Number(r) })} />
        <SelectField id="filter-pass" label="Pass label" value={filter.pass} anyLabel="Judged or not"
          options={PASS_FILTERS.map((p) => ({ value: p, label: p === "none" ? "Not judged" : p }))} onChange={(p) => set({ pass: p as TreeListFilter["pass"] })} />
        <RangeField id="filter-size" label="Nodes" noun="nodes" min={filter.sizeMin} max={filter.sizeMax} onChange={(r) => onChange({ sizeMin: r.min, sizeMax: r.max }, { replace: true })} />
        <RangeField id="filter-depth" label="Depth" noun="depth" min={filter.depthMin} max={filter.depthMax} onChange={(r) => onChange({ depthMin: r.min, depthMax: r.max }, { replace: true })} />
        <YesNoField id="filter-hallucinated" label="Hallucinated calls (1)" value={filter.hallucinated} onChange={(hallucinated) => set({ hallucinated })} />
        <YesNoField id="filter-api-error" label="API errors (2, 5–12)" value={filter.apiError} onChange={(apiError) => set({ apiError })} />
        <YesNoField id="filter-give-up" label="Give-ups (4)" value={filter.giveUp} onChange={(giveUp) => set({ giveUp })} />
        <SelectField id="filter-check" label="Has check" value={filter.check} anyLabel="Any or none"
          options={CHECKS.map((c) => ({ value: c.key, label: c.label }))} onChange={(c) => set({ check: c as TreeListFilter["check"] })} />
      </div>
    </section>
  );
}
