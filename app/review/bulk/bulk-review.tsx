"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { BulkFilter } from "@/lib/core/schemas/reviews";
import { reviewQueries } from "@/lib/ui/queries/review";
import { ErrorNotice } from "../../_components/query-status";
import { formatCount } from "../../_lib/format";
import { QueueFilterFields } from "../_components/queue-filter-fields";
import { applyBulkAction, undoBulkAction } from "../actions";
import { BulkHistory } from "./bulk-history";

const VERDICT_LABEL = { approve: "Approve", reject: "Reject", needs_fix: "Mark as needing a fix" } as const;

export function BulkReview({ reasons }: { reasons: string[] }) {
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<BulkFilter>({ valid: "yes", hasErrors: "no" });
  const [verdict, setVerdict] = useState<keyof typeof VERDICT_LABEL>("approve");
  const [chosenReasons, setReasons] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();
  const preview = useQuery({ ...reviewQueries.bulk(filter), placeholderData: keepPreviousData });
  const count = preview.data?.count ?? 0;

  const apply = async () => {
    setConfirming(false);
    const r = await applyBulkAction({ filter, verdict, reasons: chosenReasons, expectedCount: count });
    setMessage(r.ok ? { ok: true, text: `${VERDICT_LABEL[verdict]}: ${formatCount(r.value.count)} trees.` } : { ok: false, text: r.error.message });
    await queryClient.invalidateQueries({ queryKey: reviewQueries.all() });
  };
  const undo = async (bulkId: string) => {
    const r = await undoBulkAction(bulkId);
    setMessage(r.ok ? { ok: true, text: `Undone: ${formatCount(r.value.count)} reviews withdrawn.` } : { ok: false, text: r.error.message });
    await queryClient.invalidateQueries({ queryKey: reviewQueries.all() });
  };

  return (
    <div className="space-y-6">
      <section aria-labelledby="bulk-filter" className="rounded-lg border border-zinc-200 bg-white p-4">
        <h2 id="bulk-filter" className="text-sm font-semibold">Which trees</h2>
        <div className="mt-3 flex flex-wrap items-end gap-3">
          <QueueFilterFields value={filter} onChange={setFilter} />
          <label className="text-sm">
            <span className="block text-xs text-zinc-500">Review status</span>
            <select value={filter.reviewStatus ?? ""} onChange={(e) => setFilter({ ...filter, reviewStatus: (e.target.value || undefined) as BulkFilter["reviewStatus"] })} className="mt-1 rounded-md border border-zinc-300 bg-white px-2 py-1.5">
              <option value="">any</option>
              {["unreviewed", "in_review", "approved", "rejected", "needs_fix"].map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            <span className="block text-xs text-zinc-500">Hallucinations or API errors</span>
            <select value={filter.hasErrors ?? ""} onChange={(e) => setFilter({ ...filter, hasErrors: (e.target.value || undefined) as BulkFilter["hasErrors"] })} className="mt-1 rounded-md border border-zinc-300 bg-white px-2 py-1.5">
              <option value="">any</option>
              <option value="no">none</option>
              <option value="yes">some</option>
            </select>
          </label>
        </div>
        {preview.isError ? (
          <div className="mt-3">
            <ErrorNotice title="Could not count the trees" error={preview.error} />
          </div>
        ) : (
          <p role="status" className="mt-3 text-sm">
            <strong className="tabular-nums">{preview.isPending ? "…" : formatCount(count)}</strong> trees match.
          </p>
        )}
      </section>

      <section aria-labelledby="bulk-verdict" className="rounded-lg border border-zinc-200 bg-white p-4">
        <h2 id="bulk-verdict" className="text-sm font-semibold">Verdict</h2>
        <div className="mt-3 flex flex-wrap items-start gap-6 text-sm">
          <fieldset>
            <legend className="text-xs text-zinc-500">Verdict</legend>
            {(Object.keys(VERDICT_LABEL) as (keyof typeof VERDICT_LABEL)[]).map((v) => (
              <label key={v} className="mr-4 inline-flex items-center gap-1">
                <input type="radio" name="verdict" checked={verdict === v} onChange={() => setVerdict(v)} /> {v.replace("_", " ")}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend className="text-xs text-zinc-500">Reasons</legend>
            <div className="flex max-w-2xl flex-wrap gap-x-4 gap-y-1">
              {reasons.map((r) => (
                <label key={r} className="inline-flex items-center gap-1">
                  <input type="checkbox" checked={chosenReasons.includes(r)} onChange={(e) => setReasons(e.target.checked ? [...chosenReasons, r] : chosenReasons.filter((x) => x !== r))} /> {r}
                </label>
              ))}
            </div>
          </fieldset>
        </div>
        {message && (
          <p role={message.ok ? "status" : "alert"} className={`mt-3 text-sm ${message.ok ? "text-emerald-800" : "text-rose-700"}`}>
            {message.text}
          </p>
        )}
        {confirming ? (
          <div role="alertdialog" aria-labelledby="confirm-text" className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
            <p id="confirm-text">
              {VERDICT_LABEL[verdict]} <strong>{formatCount(count)}</strong> trees? Your current review of any of them is replaced (and comes back if you undo).
            </p>
            <div className="mt-2 flex gap-2">
              <button type="button" onClick={apply} className="rounded-md bg-emerald-700 px-3 py-1.5 font-medium text-white hover:bg-emerald-800">
                Yes, {VERDICT_LABEL[verdict].toLowerCase()} {formatCount(count)} trees
              </button>
              <button type="button" onClick={() => setConfirming(false)} className="rounded-md border border-zinc-300 bg-white px-3 py-1.5">
                Cancel
              </button>
            </div>
          </div>
        ) : (
          <button
            type="button"
            disabled={count === 0 || preview.isFetching}
            onClick={() => setConfirming(true)}
            className="mt-3 rounded-md bg-emerald-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-emerald-800 disabled:opacity-50"
          >
            {VERDICT_LABEL[verdict]} {formatCount(count)} trees…
          </button>
        )}
      </section>

      <BulkHistory actions={preview.data?.actions ?? []} onUndo={undo} />
    </div>
  );
}
