"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { QueueFilter } from "@/lib/core/schemas/reviews";
import { QueueFilterFields } from "./queue-filter-fields";

/** Picks the queue's filter, then opens queue mode (/review/queue?…): one tree after another. */
export function StartQueue() {
  const router = useRouter();
  const [filter, setFilter] = useState<QueueFilter>({});
  const start = () => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(filter)) if (v) p.set(k, String(v));
    router.push(`/review/queue${p.size ? `?${p}` : ""}`);
  };
  return (
    <section aria-labelledby="queue-heading" className="mb-6 rounded-lg border border-emerald-200 bg-emerald-50/50 p-4">
      <h2 id="queue-heading" className="text-sm font-semibold">Review queue</h2>
      <p className="mt-0.5 text-xs text-zinc-600">
        Trees are handed out one at a time and held for you while you review (others get different trees). Keys: j / k next / previous, a approve, r reject, f needs fix, 1–9 reasons, c comment, ? help.
      </p>
      <div className="mt-3 flex flex-wrap items-end gap-3">
        <QueueFilterFields value={filter} onChange={setFilter} />
        <button type="button" onClick={start} className="rounded-md bg-emerald-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-emerald-800">
          Review next
        </button>
      </div>
    </section>
  );
}
