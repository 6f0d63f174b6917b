"use client";

// How real HTTP calls are made: the RapidAPI key (write-only), the private hosts they may reach,
// their deadline and response-size cap.
import { useState, useTransition, type FormEvent } from "react";
import type { ExecutorSettingsView } from "@/lib/server/services/executor-settings";
import { saveExecutorSettingsAction } from "../actions";
import { Field, FormMessage, inputClass, primaryButton } from "./field";

export function ExecutorSettingsForm({ settings }: { settings: ExecutorSettingsView }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();
  const [pending, startTransition] = useTransition();
  const k = settings.rapidApiKey;

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const key = String(f.get("rapidApiKey") ?? "");
    const input = {
      ...(f.get("clearKey") ? { rapidApiKey: "" } : key ? { rapidApiKey: key } : {}),
      allowList: String(f.get("allowList") ?? "").split(/[\s,]+/).filter(Boolean),
      timeoutMs: Number(f.get("timeoutSeconds")) * 1000,
      maxResponseBytes: Number(f.get("maxKb")) * 1024,
    };
    startTransition(async () => {
      const r = await saveExecutorSettingsAction(input);
      setMessage(r.ok ? { ok: true, text: "Saved." } : { ok: false, text: r.error.message });
    });
  };

  return (
    <section aria-labelledby="executors-heading" className="rounded-lg border border-zinc-200 bg-white p-4">
      <h2 id="executors-heading" className="text-sm font-semibold">Real HTTP calls</h2>
      <p className="mt-1 text-xs text-zinc-600">
        Used by runs whose executor chain includes &ldquo;Real HTTP&rdquo;. Private, loopback and link-local addresses are refused unless listed here.
      </p>
      <form onSubmit={submit} className="mt-3 space-y-3">
        <Field
          label="RapidAPI key"
          name="rapidApiKey"
          type="password"
          autoComplete="off"
          hint={k.set ? `A key is set${k.last4 ? ` (ends in …${k.last4})` : ""}${k.fromEnvironment ? " in the environment" : ""}; leave empty to keep it.` : "No key is set: RapidAPI APIs answer “unauthorized” (code 7)."}
        />
        {k.set && !k.fromEnvironment && (
          <label className="flex items-center gap-2 text-xs text-zinc-600">
            <input type="checkbox" name="clearKey" /> Remove the stored key
          </label>
        )}
        <label className="block text-sm">
          <span className="text-zinc-700">Allowed private hosts</span>
          <textarea name="allowList" rows={2} defaultValue={settings.allowList.join("\n")} className={`${inputClass} font-mono`} placeholder="10.0.0.0/8&#10;api.internal" />
          <span className="mt-0.5 block text-xs text-zinc-500">Host names, addresses or CIDR ranges, one per line.</span>
        </label>
        <div className="grid grid-cols-2 gap-3">
          <Field label="Timeout (seconds)" name="timeoutSeconds" type="number" step="0.1" min="0.1" max="120" defaultValue={settings.timeoutMs / 1000} />
          <Field label="Response size cap (KB)" name="maxKb" type="number" min="1" max="48828" defaultValue={Math.round(settings.maxResponseBytes / 1024)} />
        </div>
        <div className="flex items-center gap-3">
          <button type="submit" disabled={pending} className={primaryButton}>
            {pending ? "Saving…" : "Save"}
          </button>
          <FormMessage message={message} />
        </div>
      </form>
    </section>
  );
}
