"use client";

// The executors a solve run chains, in order: each call goes to the first that can answer it.
import { EXECUTOR_LABELS, type ExecutorKind } from "@/lib/core/schemas/runs";

export const DEFAULT_CHAIN: { kind: ExecutorKind; on: boolean }[] = [
  { kind: "cache", on: true },
  { kind: "real", on: false },
  { kind: "simulated", on: true },
  { kind: "examples", on: true },
];

export function ExecutorChain({ value, onChange }: { value: { kind: ExecutorKind; on: boolean }[]; onChange: (v: { kind: ExecutorKind; on: boolean }[]) => void }) {
  const move = (i: number, by: -1 | 1) => {
    const next = value.slice();
    const [x] = next.splice(i, 1);
    next.splice(i + by, 0, x!);
    onChange(next);
  };
  return (
    <fieldset className="text-sm">
      <legend className="text-zinc-700">Executor chain (first that answers wins)</legend>
      <ol className="mt-1 space-y-1">
        {value.map((e, i) => (
          <li key={e.kind} className="flex items-center gap-2 rounded-md border border-zinc-200 px-2 py-1">
            <input
              id={`executor-${e.kind}`}
              type="checkbox"
              checked={e.on}
              onChange={(ev) => onChange(value.map((x) => (x.kind === e.kind ? { ...x, on: ev.target.checked } : x)))}
            />
            <label htmlFor={`executor-${e.kind}`} className="flex-1">
              {EXECUTOR_LABELS[e.kind]}
            </label>
            <button type="button" aria-label={`Move ${e.kind} up`} disabled={i === 0} onClick={() => move(i, -1)} className="px-1 text-zinc-500 disabled:opacity-30">
              ↑
            </button>
            <button type="button" aria-label={`Move ${e.kind} down`} disabled={i === value.length - 1} onClick={() => move(i, 1)} className="px-1 text-zinc-500 disabled:opacity-30">
              ↓
            </button>
          </li>
        ))}
      </ol>
    </fieldset>
  );
}

export const chainOf = (value: { kind: ExecutorKind; on: boolean }[]): ExecutorKind[] => value.filter((e) => e.on).map((e) => e.kind);
