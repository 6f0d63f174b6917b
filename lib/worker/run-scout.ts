// Every few seconds an idle-enough worker looks for runs with work it could take: items nobody has
// claimed (another worker's run it can help with) and items whose worker stopped reporting (a
// crashed worker's, which then resume from their stored events). Jobs start runs at once; the scout
// is how work is shared and how nothing is left behind.
import { findRunsWithWork } from "@/lib/server/repositories/run-items";
import { activeRunIds, workOnRun } from "@/lib/server/services/run-worker";

export interface Scout {
  stop(): Promise<void>;
}

export function startRunScout(opts: { workerId: string; pollSeconds: number; staleSeconds: number; maxRuns: number; log: (line: string) => void }): Scout {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const look = async () => {
    const mine = new Set(activeRunIds());
    if (mine.size >= opts.maxRuns) return;
    const candidates = await findRunsWithWork(opts.staleSeconds, opts.maxRuns + mine.size);
    for (const runId of candidates) {
      if (mine.has(runId) || mine.size >= opts.maxRuns) continue;
      mine.add(runId);
      opts.log(`joining run ${runId}`);
      void workOnRun(runId, opts.workerId).catch((e: unknown) => opts.log(`run ${runId}: ${e instanceof Error ? e.message : String(e)}`));
    }
  };
  const tick = () => {
    if (stopped) return;
    look()
      .catch((e: unknown) => opts.log(`scout: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, opts.pollSeconds * 1000);
      });
  };
  tick();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
