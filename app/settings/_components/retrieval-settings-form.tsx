"use client";

// API retrieval by embeddings: which endpoint and embedding model embed the catalog's API documents
// (and queries), how much of the catalog is embedded, and a button that embeds the rest on the worker.
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import type { EmbeddingStatus } from "@/lib/server/services/embeddings";
import type { LlmEndpointView } from "@/lib/server/services/llm-endpoints";
import { embedCatalogAction, saveEmbeddingSettingsAction } from "../actions";
import { Field, FormMessage, inputClass, primaryButton, secondaryButton } from "./field";

const endpointValue = (id: number | null) => (id === null ? "env" : String(id));

export function RetrievalSettingsForm({ status, endpoints }: { status: EmbeddingStatus; endpoints: LlmEndpointView[] }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();
  const [pending, startTransition] = useTransition();
  const s = status.settings;
  const pct = status.catalogApis > 0 ? Math.round((status.embeddedApis / status.catalogApis) * 100) : 0;

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const input = { endpointId: String(f.get("endpoint") ?? ""), model: String(f.get("embeddingModel") ?? "") };
    startTransition(async () => {
      const r = await saveEmbeddingSettingsAction(input);
      setMessage(r.ok ? { ok: true, text: "Saved." } : { ok: false, text: r.error.message });
      if (r.ok) router.refresh();
    });
  };

  const embed = () =>
    startTransition(async () => {
      const r = await embedCatalogAction();
      if (!r.ok) return setMessage({ ok: false, text: r.error.message });
      router.push(`/runs/${r.value.runId}`);
    });

  return (
    <section aria-labelledby="retrieval-heading" className="rounded-lg border border-zinc-200 bg-white p-4">
      <h2 id="retrieval-heading" className="text-sm font-semibold">API retrieval</h2>
      <p className="mt-1 text-xs text-zinc-600">
        BM25 ranks the catalog for any query. With an embedding model, the catalog&apos;s API documents are embedded once, and instruction pages, retrieval
        evaluation and solve runs can rank by embeddings, or by both fused.
      </p>
      {endpoints.length === 0 ? (
        <p className="mt-3 rounded-md border border-dashed border-zinc-300 px-3 py-2 text-sm text-zinc-600">Add an LLM endpoint above first: embeddings are asked of one.</p>
      ) : (
        <form onSubmit={submit} aria-label="Embedding settings" className="mt-3 space-y-3">
          <div className="grid grid-cols-2 gap-3">
            <label className="block text-sm">
              <span className="text-zinc-700">Embedding endpoint</span>
              <select name="endpoint" defaultValue={s ? endpointValue(s.endpointId) : endpointValue(endpoints[0]!.id)} className={inputClass}>
                {endpoints.map((e) => (
                  <option key={endpointValue(e.id)} value={endpointValue(e.id)}>
                    {e.name}
                  </option>
                ))}
              </select>
            </label>
            <Field label="Embedding model" name="embeddingModel" defaultValue={s?.model ?? ""} placeholder="text-embedding-3-small" required />
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <button type="submit" disabled={pending} className={primaryButton}>
              {pending ? "Saving…" : "Save"}
            </button>
            {s && (
              <button type="button" onClick={embed} disabled={pending || status.catalogApis === 0} className={secondaryButton}>
                Embed the catalog
              </button>
            )}
            <FormMessage message={message} />
          </div>
          {s && (
            <div className="text-xs text-zinc-600">
              <div className="flex items-center justify-between">
                <span>
                  {status.embeddedApis.toLocaleString("en-US")} of {status.catalogApis.toLocaleString("en-US")} catalog APIs embedded with <span className="font-mono">{s.model}</span>
                </span>
                <span className="tabular-nums">{pct}%</span>
              </div>
              <progress aria-label="Catalog embedded" max={100} value={pct} className="mt-1 h-1.5 w-full overflow-hidden rounded [&::-webkit-progress-bar]:bg-zinc-100 [&::-webkit-progress-value]:bg-emerald-600" />
              {status.embeddedApis < status.catalogApis && <p className="mt-1">APIs added or changed since the last embedding are embedded by the next run; current ones are not sent again.</p>}
            </div>
          )}
        </form>
      )}
    </section>
  );
}
