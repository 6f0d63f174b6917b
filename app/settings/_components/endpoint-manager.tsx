"use client";

// The LLM endpoints: a table with edit and delete, and a form for a new one. The environment's
// endpoint (ARBOR_LLM_*) is listed but changed only where it is set.
import { useState, useTransition } from "react";
import type { LlmEndpointView } from "@/lib/server/services/llm-endpoints";
import { Badge } from "../../_components/badge";
import { Table, Td, Th } from "../../_components/table";
import { deleteEndpointAction } from "../actions";
import { EndpointForm } from "./endpoint-form";
import { FormMessage, secondaryButton } from "./field";

const price = (n: number) => (n === 0 ? "free" : `$${n}`);

export function EndpointManager({ endpoints }: { endpoints: LlmEndpointView[] }) {
  const [editing, setEditing] = useState<number | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();
  const [pending, startTransition] = useTransition();

  const remove = (e: LlmEndpointView) => {
    if (!window.confirm(`Delete the endpoint "${e.name}"? Runs that use it can no longer be retried.`)) return;
    startTransition(async () => {
      const r = await deleteEndpointAction(e.id);
      setMessage(r.ok ? { ok: true, text: `Deleted ${e.name}.` } : { ok: false, text: r.error.message });
    });
  };

  return (
    <section aria-labelledby="endpoints-heading" className="space-y-4 rounded-lg border border-zinc-200 bg-white p-4">
      <h2 id="endpoints-heading" className="text-sm font-semibold">LLM endpoints</h2>
      {endpoints.length === 0 ? (
        <p className="text-sm text-zinc-600">No endpoint yet. Add one below, or set ARBOR_LLM_BASE_URL, ARBOR_LLM_MODEL and ARBOR_LLM_API_KEY for the server.</p>
      ) : (
        <Table caption="Prices are USD per million tokens; the concurrency limit holds per worker process.">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Model</Th>
              <Th>Base URL</Th>
              <Th>Key</Th>
              <Th numeric>Temperature</Th>
              <Th numeric>Concurrency</Th>
              <Th>Prices (prompt / completion)</Th>
              <Th />
            </tr>
          </thead>
          <tbody>
            {endpoints.map((e) => (
              <tr key={e.id ?? "env"} className="border-t border-zinc-100">
                <Td>
                  {e.name} {e.id === null && <Badge>environment</Badge>}
                </Td>
                <Td className="font-mono text-xs">{e.model}</Td>
                <Td className="font-mono text-xs">{e.baseUrl}</Td>
                <Td>{e.hasKey ? <Badge tone="emerald">{e.keyLast4 ? `set · …${e.keyLast4}` : "set"}</Badge> : <Badge>not set</Badge>}</Td>
                <Td numeric>{e.temperature}</Td>
                <Td numeric>{e.concurrency}</Td>
                <Td>
                  {price(e.prices.prompt)} / {price(e.prices.completion)}
                </Td>
                <Td>
                  {e.id !== null && (
                    <span className="flex gap-2">
                      <button type="button" className={secondaryButton} onClick={() => setEditing(editing === e.id ? null : e.id)} aria-label={`Edit ${e.name}`}>
                        Edit
                      </button>
                      <button type="button" className={secondaryButton} disabled={pending} onClick={() => remove(e)} aria-label={`Delete ${e.name}`}>
                        Delete
                      </button>
                    </span>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <FormMessage message={message} />
      {editing !== null && endpoints.some((e) => e.id === editing) && (
        <div className="rounded-md border border-zinc-200 p-3">
          <EndpointForm key={editing} endpoint={endpoints.find((e) => e.id === editing)} onDone={() => setEditing(null)} />
        </div>
      )}
      <details className="rounded-md border border-zinc-200 p-3">
        <summary className="cursor-pointer text-sm font-medium">Add an endpoint</summary>
        <div className="mt-3">
          <EndpointForm />
        </div>
      </details>
    </section>
  );
}
