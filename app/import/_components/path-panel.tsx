"use client";

import { useState, type FormEvent } from "react";
import { importServerPaths } from "./start-import";

/** Large corpora (all of ToolBench) are imported from a folder the server can read. */
export function PathPanel({ onStarted }: { onStarted: (runId: number) => void }) {
  const [value, setValue] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const paths = value.split("\n").map((p) => p.trim()).filter(Boolean);
      const { runId } = await importServerPaths(paths);
      setValue("");
      onStarted(runId);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="path-heading" className="rounded-lg border border-zinc-200 bg-white p-4">
      <h2 id="path-heading" className="text-sm font-semibold">Import from the server</h2>
      <form onSubmit={submit} className="mt-3 space-y-3">
        <label className="block text-sm">
          <span className="text-zinc-700">Files or folders on the server (one per line)</span>
          <textarea
            value={value}
            onChange={(e) => setValue(e.target.value)}
            rows={3}
            placeholder="/data/toolbench/data"
            className="mt-1 block w-full rounded-md border border-zinc-300 px-2 py-1.5 font-mono text-sm focus:border-emerald-600 focus:outline-none"
          />
        </label>
        <p className="text-xs text-zinc-500">
          For the full ToolBench release (126k answer files) this is faster than uploading; the command line does the same:{" "}
          <code className="font-mono">npm run arbor -- import &lt;folder&gt;</code>.
        </p>
        {error && (
          <p role="alert" className="text-sm text-rose-700">{error}</p>
        )}
        <button
          type="submit"
          disabled={busy || value.trim() === ""}
          className="rounded-md bg-emerald-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-emerald-800 disabled:cursor-not-allowed disabled:opacity-50"
        >
          {busy ? "Starting…" : "Import from server"}
        </button>
      </form>
    </section>
  );
}
