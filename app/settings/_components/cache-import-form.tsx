"use client";

// Imports a StableToolBench tool response cache folder into the executor cache.
import { useState, useTransition, type FormEvent } from "react";
import type { CacheImportSummary } from "@/lib/server/services/cache-import";
import { formatCount } from "../../_lib/format";
import { importCacheAction } from "../actions";
import { Field, FormMessage, primaryButton } from "./field";

export function CacheImportForm({ stats }: { stats: { source: string; count: number }[] }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();
  const [result, setResult] = useState<CacheImportSummary | undefined>();
  const [pending, startTransition] = useTransition();

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const path = String(new FormData(e.currentTarget).get("path") ?? "");
    startTransition(async () => {
      const r = await importCacheAction({ path });
      if (!r.ok) return setMessage({ ok: false, text: r.error.message });
      setResult(r.value);
      setMessage({ ok: true, text: `${formatCount(r.value.stored)} new answers from ${formatCount(r.value.files)} files (${formatCount(r.value.entries)} read).` });
    });
  };

  return (
    <section aria-labelledby="cache-heading" className="rounded-lg border border-zinc-200 bg-white p-4">
      <h2 id="cache-heading" className="text-sm font-semibold">Tool response cache</h2>
      <p className="mt-1 text-xs text-zinc-600">
        {stats.length === 0 ? "Empty" : stats.map((s) => `${formatCount(s.count)} ${s.source}`).join(" · ")}. The cache executor answers calls whose arguments were seen before;
        real and simulated answers are added as runs make them.
      </p>
      <form onSubmit={submit} className="mt-3 space-y-3">
        <Field label="StableToolBench cache folder on the server" name="path" required placeholder="/data/StableToolBench/server/tool_response_cache" hint="Files laid out as <Category>/<tool>_for_<Category>/<api>.json." />
        <div className="flex items-center gap-3">
          <button type="submit" disabled={pending} className={primaryButton}>
            {pending ? "Importing…" : "Import the cache"}
          </button>
          <FormMessage message={message} />
        </div>
      </form>
      {result && result.problems.length > 0 && (
        <details className="mt-2 text-xs">
          <summary className="cursor-pointer text-zinc-600">{result.problems.length} problems</summary>
          <ul className="mt-1 space-y-0.5 font-mono text-zinc-600">
            {result.problems.map((p, i) => (
              <li key={i}>
                {p.file}: {p.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
