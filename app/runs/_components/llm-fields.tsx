"use client";

// The LLM a run uses: a configured endpoint (or the environment's) and an optional model override.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { runQueries } from "@/lib/ui/queries/runs";
import { inputClass } from "../../settings/_components/field";

/** The select's value for an endpoint ("env" for the environment's). */
export const endpointValue = (id: number | null) => (id === null ? "env" : String(id));
export const readEndpoint = (value: FormDataEntryValue | null) => (value === "env" || value === null ? null : Number(value));

export function LlmFields({ name = "endpoint", label = "LLM endpoint", allowSame = false }: { name?: string; label?: string; allowSame?: boolean }) {
  const endpoints = useQuery(runQueries.endpoints());
  if (endpoints.data && endpoints.data.length === 0 && !allowSame) {
    return (
      <p role="alert" className="text-sm text-rose-700">
        No LLM endpoint is configured. <Link href="/settings" className="underline">Add one on the Settings page</Link> first.
      </p>
    );
  }
  return (
    <label className="block text-sm">
      <span className="text-zinc-700">{label}</span>
      <select name={name} required className={inputClass} disabled={endpoints.isPending}>
        {allowSame && <option value="same">The run&apos;s endpoint</option>}
        {(endpoints.data ?? []).map((e) => (
          <option key={endpointValue(e.id)} value={endpointValue(e.id)}>
            {e.name} — {e.model}
          </option>
        ))}
      </select>
    </label>
  );
}
