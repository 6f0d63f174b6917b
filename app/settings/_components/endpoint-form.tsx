"use client";

// Adds an LLM endpoint or edits one. The key field is write-only: empty keeps the stored key.
import { useState, useTransition, type FormEvent } from "react";
import type { LlmEndpointView } from "@/lib/server/services/llm-endpoints";
import { addEndpointAction, updateEndpointAction } from "../actions";
import { Field, FormMessage, primaryButton, secondaryButton } from "./field";

export function EndpointForm({ endpoint, onDone }: { endpoint?: LlmEndpointView; onDone?: () => void }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();
  const [pending, startTransition] = useTransition();
  const editing = endpoint?.id !== undefined && endpoint.id !== null;

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const formEl = e.currentTarget;
    const f = new FormData(formEl);
    const key = String(f.get("apiKey") ?? "");
    const input = {
      name: f.get("name"),
      baseUrl: f.get("baseUrl"),
      model: f.get("model"),
      ...(f.get("clearKey") ? { apiKey: "" } : key ? { apiKey: key } : {}),
      temperature: f.get("temperature"),
      concurrency: f.get("concurrency"),
      prices: { prompt: Number(f.get("pricePrompt") || 0), completion: Number(f.get("priceCompletion") || 0) },
    };
    startTransition(async () => {
      const r = editing ? await updateEndpointAction({ ...input, id: endpoint!.id }) : await addEndpointAction(input);
      if (!r.ok) return setMessage({ ok: false, text: r.error.message });
      setMessage({ ok: true, text: editing ? "Saved." : `Added ${String(input.name)}.` });
      if (!editing) formEl.reset();
      onDone?.();
    });
  };

  const keyHint = endpoint?.hasKey ? `A key is set${endpoint.keyLast4 ? ` (ends in …${endpoint.keyLast4})` : ""}; leave empty to keep it.` : "No key is set.";
  return (
    <form onSubmit={submit} aria-label={editing ? `Edit ${endpoint!.name}` : "New endpoint"} className="grid gap-3 sm:grid-cols-2">
      <Field label="Name" name="name" required defaultValue={endpoint?.name} />
      <Field label="Model" name="model" required defaultValue={endpoint?.model} placeholder="gpt-4o-mini" />
      <div className="sm:col-span-2">
        <Field label="Base URL" name="baseUrl" type="url" required defaultValue={endpoint?.baseUrl} placeholder="https://api.openai.com/v1" hint="Any OpenAI-compatible chat completions API (OpenAI, vLLM, Ollama, LiteLLM…)." />
      </div>
      <div className="sm:col-span-2">
        <Field label="API key" name="apiKey" type="password" autoComplete="off" hint={keyHint} />
        {endpoint?.hasKey && (
          <label className="mt-1 flex items-center gap-2 text-xs text-zinc-600">
            <input type="checkbox" name="clearKey" /> Remove the stored key
          </label>
        )}
      </div>
      <Field label="Temperature" name="temperature" type="number" step="0.1" min="0" max="2" defaultValue={endpoint?.temperature ?? 0} />
      <Field label="Concurrency limit" name="concurrency" type="number" min="1" max="256" defaultValue={endpoint?.concurrency ?? 4} hint="Calls at once, per worker process." />
      <Field label="Prompt price (USD / 1M tokens)" name="pricePrompt" type="number" step="any" min="0" defaultValue={endpoint?.prices.prompt ?? 0} />
      <Field label="Completion price (USD / 1M tokens)" name="priceCompletion" type="number" step="any" min="0" defaultValue={endpoint?.prices.completion ?? 0} />
      <div className="flex items-center gap-3 sm:col-span-2">
        <button type="submit" disabled={pending} className={primaryButton}>
          {pending ? "Saving…" : editing ? "Save endpoint" : "Add endpoint"}
        </button>
        {onDone && editing && (
          <button type="button" onClick={onDone} className={secondaryButton}>
            Close
          </button>
        )}
        <FormMessage message={message} />
      </div>
    </form>
  );
}
