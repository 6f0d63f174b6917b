"use client";

import type { ReviewContextJson } from "@/lib/ui/queries/review";

/** Who decided what, when — current reviews and the ones they replaced. */
export function ReviewHistory({ history }: { history: ReviewContextJson["history"] }) {
  if (history.length === 0) return <p className="text-xs text-zinc-500">No review yet.</p>;
  return (
    <details open={history.length <= 4}>
      <summary className="cursor-pointer text-xs text-zinc-500">History ({history.length})</summary>
      <ol aria-label="Review history" className="mt-1 space-y-1">
        {history.map((h) => (
          <li key={h.id} className={`rounded px-2 py-1 ${h.current ? "bg-zinc-50" : "text-zinc-400"}`}>
            <span className="font-medium">{h.reviewer}</span> {h.verdict.replace("_", " ")}
            {h.bulkId && " (bulk)"}
            {h.undoneAt ? " — undone" : h.supersededAt ? " — revised" : ""}
            <span className="block text-xs">
              {new Date(h.createdAt).toLocaleString("en-GB")}
              {h.chosenNodeIdx !== null && ` · path to node ${h.chosenNodeIdx}`}
              {h.reasons.length > 0 && ` · ${h.reasons.join(", ")}`}
            </span>
            {h.comment && <p className="whitespace-pre-wrap break-words text-xs">{h.comment}</p>}
          </li>
        ))}
      </ol>
    </details>
  );
}
