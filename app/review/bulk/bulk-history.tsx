"use client";

import type { BulkPreviewJson } from "@/lib/ui/queries/review";
import { Badge } from "../../_components/badge";
import { formatCount } from "../../_lib/format";

export function BulkHistory({ actions, onUndo }: { actions: BulkPreviewJson["actions"]; onUndo: (bulkId: string) => void }) {
  return (
    <section aria-labelledby="bulk-history" className="rounded-lg border border-zinc-200 bg-white p-4">
      <h2 id="bulk-history" className="text-sm font-semibold">Bulk actions</h2>
      {actions.length === 0 ? (
        <p className="mt-2 text-sm text-zinc-500">None yet.</p>
      ) : (
        <ul className="mt-2 divide-y divide-zinc-100 text-sm">
          {actions.map((a) => (
            <li key={a.bulkId} className="flex items-center justify-between gap-3 py-2">
              <span>
                <strong>{a.verdict}</strong> · {formatCount(a.count)} trees · {a.actor ?? "someone"} · {new Date(a.createdAt).toLocaleString("en-GB")}
                <span className="ml-2 font-mono text-xs text-zinc-500">{JSON.stringify(a.filter)}</span>
              </span>
              {a.undone ? (
                <Badge>undone</Badge>
              ) : (
                <button type="button" onClick={() => onUndo(a.bulkId)} className="rounded-md border border-zinc-300 px-2 py-1 text-xs hover:bg-zinc-50" aria-label={`Undo ${a.verdict} of ${a.count} trees`}>
                  Undo
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
