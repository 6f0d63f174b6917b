// Shared set-up for browser tests: the real ToolBench datasets, imported through the app's own API.
import type { APIRequestContext } from "@playwright/test";
import { expect } from "@playwright/test";
import { datasetsDir } from "../lib/test/datasets";

export { datasetsDir };

interface RunJson {
  id: number;
  status: string;
  error: string | null;
  result: { errors: { file: string; message: string }[] } | null;
}

/** Waits for a run to end and returns it. */
export async function waitForRun(request: APIRequestContext, runId: number, timeoutMs = 60_000): Promise<RunJson> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await request.get(`/api/runs/${runId}`);
    expect(res.ok()).toBe(true);
    const run = (await res.json()) as RunJson;
    if (run.status !== "queued" && run.status !== "running") return run;
    if (Date.now() > deadline) throw new Error(`run ${runId} still ${run.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Imports ../shared/datasets (idempotent: a second call adds nothing) and waits for the worker. */
export async function ensureDatasetsImported(request: APIRequestContext): Promise<void> {
  const res = await request.post("/api/imports", { data: { paths: [datasetsDir()] } });
  expect(res.status(), await res.text()).toBe(202);
  const { runId } = (await res.json()) as { runId: number };
  const run = await waitForRun(request, runId);
  expect(run.status, run.error ?? "").toBe("succeeded");
  expect(run.result?.errors ?? []).toEqual([]);
}
