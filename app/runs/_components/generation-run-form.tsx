"use client";

// Starts an instruction-generation run: the strategy, how many instructions, the LLM, the seed
// examples and the categories to sample from.
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { instructionQueries } from "@/lib/ui/queries/instructions";
import { Field, FormMessage, inputClass, primaryButton } from "../../settings/_components/field";
import { startGenerationRunAction } from "../actions";
import { LlmFields, readEndpoint } from "./llm-fields";

const STRATEGIES = [
  { value: "I1", label: "I1 — one tool", hint: "APIs of a single tool" },
  { value: "I2", label: "I2 — several tools of one category", hint: "2–5 tools, up to 3 APIs each" },
  { value: "I3", label: "I3 — several tools of one collection", hint: "2–5 tools of a tool collection" },
] as const;

const optional = (v: FormDataEntryValue | null) => (v === null || v === "" ? undefined : String(v));

function readSeedExamples(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new Error("The seed examples are not valid JSON");
  }
}

export function GenerationRunForm() {
  const router = useRouter();
  const facets = useQuery(instructionQueries.facets());
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();
  const [pending, startTransition] = useTransition();

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    let seedExamples: unknown;
    try {
      seedExamples = readSeedExamples(String(f.get("seedExamples") ?? ""));
    } catch (err) {
      return setMessage({ ok: false, text: (err as Error).message });
    }
    const costCap = f.get("costCap");
    const input = {
      title: optional(f.get("title")),
      endpointId: readEndpoint(f.get("endpoint")),
      model: optional(f.get("model")),
      strategy: f.get("strategy"),
      count: Number(f.get("count")),
      perCall: Number(f.get("perCall")),
      seedsPerPrompt: Number(f.get("seedsPerPrompt")),
      ...(seedExamples !== undefined ? { seedExamples } : {}),
      categories: f.getAll("categories").map(String),
      costCapUsd: costCap ? Number(costCap) : null,
      parallelism: Number(f.get("parallelism")),
      seed: optional(f.get("seed")),
    };
    startTransition(async () => {
      const r = await startGenerationRunAction(input);
      if (!r.ok) return setMessage({ ok: false, text: r.error.message });
      router.push(`/runs/${r.value.runId}`);
    });
  };

  return (
    <form onSubmit={submit} aria-label="New generation run" className="grid gap-6 lg:grid-cols-2">
      <section aria-labelledby="what-heading" className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4">
        <h2 id="what-heading" className="text-sm font-semibold">What to generate</h2>
        <fieldset className="space-y-1 text-sm">
          <legend className="text-zinc-700">Strategy</legend>
          {STRATEGIES.map((s, i) => (
            <label key={s.value} className="flex items-start gap-2">
              <input type="radio" name="strategy" value={s.value} defaultChecked={i === 0} className="mt-1" />
              <span>
                {s.label} <span className="block text-xs text-zinc-500">{s.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="grid grid-cols-2 gap-3">
          <Field label="How many instructions" name="count" type="number" min="1" max="100000" defaultValue={20} required hint="Asked for; the filter drops some." />
          <Field label="Per LLM call" name="perCall" type="number" min="1" max="20" defaultValue={10} />
        </div>
        <label className="block text-sm">
          <span className="text-zinc-700">Categories to sample from</span>
          <select name="categories" multiple size={6} className={inputClass}>
            {facets.data?.categories.map((c) => (
              <option key={c.standardizedName} value={c.standardizedName}>
                {c.name}
              </option>
            ))}
          </select>
          <span className="mt-0.5 block text-xs text-zinc-500">None selected: the whole catalog.</span>
        </label>
      </section>
      <section aria-labelledby="gen-how-heading" className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4">
        <h2 id="gen-how-heading" className="text-sm font-semibold">Model and seeds</h2>
        <LlmFields />
        <Field label="Model (optional, overrides the endpoint's)" name="model" />
        <div className="grid grid-cols-3 gap-3">
          <Field label="Seed examples per prompt" name="seedsPerPrompt" type="number" min="0" max="8" defaultValue={3} />
          <Field label="Random seed" name="seed" placeholder="random" hint="Same seed, same samples." />
          <Field label="Parallel calls" name="parallelism" type="number" min="1" max="64" defaultValue={4} hint="per worker" />
        </div>
        <label className="block text-sm">
          <span className="text-zinc-700">Seed examples (optional JSON)</span>
          <textarea
            name="seedExamples"
            rows={4}
            className={`${inputClass} font-mono text-xs`}
            placeholder='[{"query": "…", "relevantApis": [["Tool", "API"]]}] — empty: Arbor&apos;s own examples'
          />
        </label>
        <div className="grid grid-cols-2 gap-3">
          <Field label="Cost cap (USD)" name="costCap" type="number" step="any" min="0" placeholder="none" />
          <Field label="Title (optional)" name="title" />
        </div>
        <div className="flex items-center gap-3">
          <button type="submit" disabled={pending} className={primaryButton}>
            {pending ? "Starting…" : "Start generating"}
          </button>
          <FormMessage message={message} />
        </div>
      </section>
    </form>
  );
}
