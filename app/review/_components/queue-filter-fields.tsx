"use client";

import type { QueueFilter } from "@/lib/core/schemas/reviews";

/** The filters the review queue and bulk verdicts share. */
export function QueueFilterFields({ value, onChange }: { value: QueueFilter & Record<string, unknown>; onChange: (v: QueueFilter & Record<string, unknown>) => void }) {
  const set = (key: string, v: string) => onChange({ ...value, [key]: v || undefined });
  const select = (key: string, label: string, options: [string, string][]) => (
    <label className="text-sm">
      <span className="block text-xs text-zinc-500">{label}</span>
      <select value={String(value[key] ?? "")} onChange={(e) => set(key, e.target.value)} className="mt-1 rounded-md border border-zinc-300 bg-white px-2 py-1.5">
        <option value="">any</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <>
      {select("group", "Group", [["G1", "G1"], ["G2", "G2"], ["G3", "G3"], ["I1", "I1"], ["I2", "I2"], ["I3", "I3"]])}
      {select("method", "Method", [["dfsdt", "DFSDT"], ["react", "ReACT"], ["dfs", "DFS"], ["other", "other"]])}
      {select("finishType", "Finish type", [["give_answer", "give_answer"], ["give_up", "give_up"], ["none", "none"]])}
      {select("valid", "Valid data", [["yes", "valid"], ["no", "invalid"]])}
    </>
  );
}
