"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState } from "react";
import { EXPORT_FORMAT_INFO, EXPORT_FORMATS, type ExportFormat } from "@/lib/core/export/format-info";
import { DEFAULT_EXPORT_QUERY } from "@/lib/core/schemas/exports";
import { treeListQueries } from "@/lib/ui/queries/tree-list";
import { startExport } from "../actions";

const PRESETS = [
  { value: DEFAULT_EXPORT_QUERY, label: "Approved trees" },
  { value: "", label: "Every tree" },
];

const inputClass = "w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm";

/** Format and trees (a preset, a saved view of the tree list, or any tree list filter), then start. */
export function ExportForm({ onStarted }: { onStarted: (runId: number) => void }) {
  const id = useId();
  const views = useQuery(treeListQueries.views());
  const [format, setFormat] = useState<ExportFormat>("openai");
  const [query, setQuery] = useState(DEFAULT_EXPORT_QUERY);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const presets = [...PRESETS, ...(views.data ?? []).map((v) => ({ value: v.query, label: `Saved view: ${v.name}` }))];
  const preset = presets.find((p) => p.value === query)?.value;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const r = await startExport({ format, query });
      if (r.ok) onStarted(r.value.runId);
      else setError(r.error.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} aria-labelledby={`${id}-heading`} className="rounded-lg border border-zinc-200 bg-white p-4">
      <h2 id={`${id}-heading`} className="text-sm font-semibold">
        New export
      </h2>
      <div className="mt-3 grid gap-4 md:grid-cols-2">
        <div>
          <label htmlFor={`${id}-format`} className="mb-1 block text-xs font-medium text-zinc-600">
            Format
          </label>
          <select id={`${id}-format`} className={inputClass} value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
            {EXPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {EXPORT_FORMAT_INFO[f].label}
              </option>
            ))}
          </select>
          <p className="mt-1 text-xs text-zinc-500">{EXPORT_FORMAT_INFO[format].description}</p>
        </div>
        <div className="space-y-2">
          <div>
            <label htmlFor={`${id}-trees`} className="mb-1 block text-xs font-medium text-zinc-600">
              Trees
            </label>
            <select id={`${id}-trees`} className={inputClass} value={preset ?? "custom"} onChange={(e) => e.target.value !== "custom" && setQuery(e.target.value)}>
              {presets.map((p) => (
                <option key={`${p.label}:${p.value}`} value={p.value}>
                  {p.label}
                </option>
              ))}
              {preset === undefined && <option value="custom">Custom filter</option>}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-query`} className="mb-1 block text-xs font-medium text-zinc-600">
              Tree list filter
            </label>
            <input
              id={`${id}-query`}
              className={`${inputClass} font-mono`}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              placeholder="e.g. status=approved&group=G1 (empty: every tree)"
              spellCheck={false}
            />
            <p className="mt-1 text-xs text-zinc-500">
              The tree list&apos;s filters, as in its address.{" "}
              <Link href={`/trees${query ? `?${query.replace(/^\?/, "")}` : ""}`} className="text-emerald-700 underline underline-offset-2">
                See these trees
              </Link>
            </p>
          </div>
        </div>
      </div>
      {error && (
        <p role="alert" className="mt-3 text-sm text-rose-700">
          {error}
        </p>
      )}
      <div className="mt-4">
        <button type="submit" disabled={busy} className="rounded-md bg-emerald-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-emerald-800 disabled:opacity-60">
          {busy ? "Starting…" : "Start export"}
        </button>
      </div>
    </form>
  );
}
