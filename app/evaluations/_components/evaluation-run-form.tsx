"use client";

// Starts an evaluation run: ToolEval's pass rate over chosen trees, or the win rate of a candidate
// (a run, a method, a model) against a reference on the instructions both solved.
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { DEFAULT_PASS_JUDGEMENTS, DEFAULT_PREFERENCE_ROUNDS } from "@/lib/core/schemas/evaluations";
import { treeListQueries } from "@/lib/ui/queries/tree-list";
import { Field, FormMessage, inputClass, primaryButton } from "../../settings/_components/field";
import { LlmFields, readEndpoint } from "../../runs/_components/llm-fields";
import { startEvaluationRunAction } from "../actions";

const optional = (v: FormDataEntryValue | null) => (v === null || v === "" ? undefined : String(v));
const optionalNumber = (v: FormDataEntryValue | null) => (v === null || v === "" ? undefined : Number(v));
const METHODS = [
  ["dfsdt", "DFSDT"],
  ["dfs", "DFS"],
  ["react", "ReACT"],
  ["other", "other"],
] as const;

/** Run, method and model selects, named `${prefix}Run` etc. */
function TreeChoice({ prefix, legend }: { prefix: string; legend: string }) {
  const facets = useQuery(treeListQueries.facets());
  const f = facets.data;
  return (
    <fieldset className="space-y-2 rounded-md border border-zinc-200 p-3">
      <legend className="px-1 text-xs font-semibold uppercase tracking-wide text-zinc-500">{legend}</legend>
      <label className="block text-sm">
        <span className="text-zinc-700">{`${legend}: run`}</span>
        <select name={`${prefix}Run`} className={inputClass} defaultValue="">
          <option value="">Any run or import</option>
          {f?.runs.map((r) => (
            <option key={r.id} value={r.id}>
              #{r.id} {r.title} ({r.treeCount})
            </option>
          ))}
        </select>
      </label>
      <div className="grid grid-cols-2 gap-2">
        <label className="block text-sm">
          <span className="text-zinc-700">{`${legend}: method`}</span>
          <select name={`${prefix}Method`} className={inputClass} defaultValue="">
            <option value="">Any method</option>
            {METHODS.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm">
          <span className="text-zinc-700">{`${legend}: model`}</span>
          <select name={`${prefix}Model`} className={inputClass} defaultValue="">
            <option value="">Any model</option>
            {f?.models.map((m) => (
              <option key={m.value} value={m.value}>
                {m.value} ({m.count})
              </option>
            ))}
          </select>
        </label>
      </div>
    </fieldset>
  );
}

const sideOf = (f: FormData, prefix: string) => ({
  run: optionalNumber(f.get(`${prefix}Run`)),
  method: optional(f.get(`${prefix}Method`)),
  model: optional(f.get(`${prefix}Model`)),
});

export function EvaluationRunForm() {
  const router = useRouter();
  const facets = useQuery(treeListQueries.facets());
  const [mode, setMode] = useState<"pass_rate" | "preference">("pass_rate");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();
  const [pending, startTransition] = useTransition();

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const common = {
      title: optional(f.get("title")),
      endpointId: readEndpoint(f.get("endpoint")),
      model: optional(f.get("model")),
      costCapUsd: optionalNumber(f.get("costCap")) ?? null,
      parallelism: Number(f.get("parallelism")),
    };
    const input =
      mode === "pass_rate"
        ? {
            mode,
            ...common,
            filter: { ...sideOf(f, "trees"), group: optional(f.get("group")), limit: Number(f.get("limit")) },
            judgements: Number(f.get("judgements")),
            checkSolvable: f.get("checkSolvable") === "on",
          }
        : {
            mode,
            ...common,
            candidate: sideOf(f, "candidate"),
            reference: sideOf(f, "reference"),
            group: optional(f.get("group")),
            limit: Number(f.get("limit")),
            rounds: Number(f.get("rounds")),
          };
    startTransition(async () => {
      const r = await startEvaluationRunAction(input);
      if (!r.ok) return setMessage({ ok: false, text: r.error.message });
      router.push(`/runs/${r.value.runId}`);
    });
  };

  return (
    <form onSubmit={submit} aria-label="New evaluation run" className="grid gap-6 lg:grid-cols-2">
      <section aria-labelledby="what-heading" className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4">
        <h2 id="what-heading" className="text-sm font-semibold">What to judge</h2>
        <fieldset className="flex gap-4 text-sm">
          <legend className="sr-only">Measure</legend>
          <label className="flex items-center gap-1.5">
            <input type="radio" name="mode" value="pass_rate" checked={mode === "pass_rate"} onChange={() => setMode("pass_rate")} /> Pass rate
          </label>
          <label className="flex items-center gap-1.5">
            <input type="radio" name="mode" value="preference" checked={mode === "preference"} onChange={() => setMode("preference")} /> Win rate
          </label>
        </fieldset>
        {mode === "pass_rate" ? (
          <TreeChoice prefix="trees" legend="Trees" />
        ) : (
          <>
            <TreeChoice prefix="candidate" legend="Candidate" />
            <TreeChoice prefix="reference" legend="Reference" />
          </>
        )}
        <label className="block text-sm">
          <span className="text-zinc-700">Group</span>
          <select name="group" className={inputClass} defaultValue="">
            <option value="">Any group</option>
            {facets.data?.groups.map((g) => (
              <option key={g.value} value={g.value}>
                {g.value} ({g.count})
              </option>
            ))}
          </select>
        </label>
        <Field
          label={mode === "pass_rate" ? "How many trees" : "How many pairs"}
          name="limit"
          type="number"
          min="1"
          max="100000"
          defaultValue={100}
          required
          hint={mode === "pass_rate" ? "The first ones matching, oldest first." : "Instructions with a tree on both sides (the latest of each)."}
        />
      </section>

      <section aria-labelledby="judge-heading" className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4">
        <h2 id="judge-heading" className="text-sm font-semibold">Judge</h2>
        <LlmFields label="Judge endpoint" />
        <Field label="Model (optional, overrides the endpoint's)" name="model" />
        {mode === "pass_rate" ? (
          <>
            <Field
              label="Evaluations per tree"
              name="judgements"
              type="number"
              min="1"
              max="15"
              defaultValue={DEFAULT_PASS_JUDGEMENTS}
              hint="Decided by majority: a tree passes when failed votes are no more than passed ones."
            />
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="checkSolvable" defaultChecked /> Ask whether unsolved queries were solvable (ToolEval; off: StableToolBench)
            </label>
          </>
        ) : (
          <Field label="Rounds per pair" name="rounds" type="number" min="1" max="10" defaultValue={DEFAULT_PREFERENCE_ROUNDS} hint="Rounds alternate which answer is shown first." />
        )}
        <div className="grid grid-cols-2 gap-3">
          <Field label="Cost cap (USD)" name="costCap" type="number" step="any" min="0" placeholder="none" />
          <Field label="Parallel items" name="parallelism" type="number" min="1" max="64" defaultValue={4} hint="per worker" />
        </div>
        <Field label="Title (optional)" name="title" />
        <div className="flex items-center gap-3">
          <button type="submit" disabled={pending} className={primaryButton}>
            {pending ? "Starting…" : "Start evaluating"}
          </button>
          <FormMessage message={message} />
        </div>
      </section>
    </form>
  );
}
