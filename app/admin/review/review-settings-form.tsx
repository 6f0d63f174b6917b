"use client";

import { useState, useTransition, type FormEvent } from "react";
import type { ReviewSettings } from "@/lib/core/schemas/reviews";
import { addReasonAction, saveReviewSettingsAction, setReasonActiveAction } from "../../review/actions";

interface Reason {
  id: number;
  label: string;
  active: boolean;
}

export function ReviewSettingsForm({ settings, reasons }: { settings: ReviewSettings; reasons: Reason[] }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();
  const [pending, startTransition] = useTransition();
  const report = (r: { ok: boolean; error?: { message: string } }, done: string) => setMessage(r.ok ? { ok: true, text: done } : { ok: false, text: r.error!.message });

  const save = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    startTransition(async () =>
      report(await saveReviewSettingsAction({ reviewersPerTree: Number(f.get("reviewersPerTree")), leaseMinutes: Number(f.get("leaseMinutes")) }), "Settings saved."),
    );
  };
  const add = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const label = String(new FormData(form).get("label") ?? "");
    startTransition(async () => {
      const r = await addReasonAction({ label });
      if (r.ok) form.reset();
      report(r, `Added "${label}".`);
    });
  };

  return (
    <div className="grid gap-6 md:grid-cols-2">
      <form onSubmit={save} aria-labelledby="queue-settings" className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4 text-sm">
        <h2 id="queue-settings" className="font-semibold">Reviewers and leases</h2>
        <label className="block">
          <span className="text-zinc-700">Reviewers per tree</span>
          <input name="reviewersPerTree" type="number" min={1} max={10} defaultValue={settings.reviewersPerTree} className="mt-1 block w-24 rounded-md border border-zinc-300 px-2 py-1" />
          <span className="mt-1 block text-xs text-zinc-500">With more than one, the queue serves each tree to that many reviewers, and the dashboard shows their agreement.</span>
        </label>
        <label className="block">
          <span className="text-zinc-700">Minutes a queued tree is held for its reviewer</span>
          <input name="leaseMinutes" type="number" min={1} max={240} defaultValue={settings.leaseMinutes} className="mt-1 block w-24 rounded-md border border-zinc-300 px-2 py-1" />
        </label>
        <button type="submit" disabled={pending} className="rounded-md bg-emerald-700 px-3 py-1.5 font-medium text-white hover:bg-emerald-800 disabled:opacity-50">
          Save
        </button>
      </form>
      <section aria-labelledby="reasons" className="rounded-lg border border-zinc-200 bg-white p-4 text-sm">
        <h2 id="reasons" className="font-semibold">Reasons</h2>
        <p className="text-xs text-zinc-500">In queue mode, keys 1–9 toggle the first nine active reasons.</p>
        <ul className="mt-2 divide-y divide-zinc-100">
          {reasons.map((r) => (
            <li key={r.id} className="flex items-center justify-between py-1.5">
              <span className={r.active ? "" : "text-zinc-400 line-through"}>{r.label}</span>
              <button type="button" disabled={pending} onClick={() => startTransition(async () => report(await setReasonActiveAction({ id: r.id, active: !r.active }), r.active ? `Retired "${r.label}".` : `Restored "${r.label}".`))} className="rounded-md border border-zinc-300 px-2 py-0.5 text-xs hover:bg-zinc-50" aria-label={`${r.active ? "Retire" : "Restore"} ${r.label}`}>
                {r.active ? "Retire" : "Restore"}
              </button>
            </li>
          ))}
        </ul>
        <form onSubmit={add} className="mt-3 flex gap-2">
          <input name="label" required maxLength={100} aria-label="New reason" placeholder="A new reason" className="flex-1 rounded-md border border-zinc-300 px-2 py-1" />
          <button type="submit" disabled={pending} className="rounded-md border border-zinc-300 px-3 py-1 hover:bg-zinc-50">Add</button>
        </form>
      </section>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={`md:col-span-2 text-sm ${message.ok ? "text-emerald-800" : "text-rose-700"}`}>
          {message.text}
        </p>
      )}
    </div>
  );
}
