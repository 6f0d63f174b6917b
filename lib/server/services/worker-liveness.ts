// How workers tell each other they are alive. While a process works on runs it renews the heartbeat
// of every item it holds; an item whose heartbeat goes stale is taken over by another worker. A
// worker starting on a host also gives back, at once, the items of that host's workers that died.
import { env } from "../env";
import { heartbeatWorker, listClaimants, releaseClaims } from "../repositories/run-items";

const holder = globalThis as unknown as { __arborBeating?: Map<string, number>; __arborHeartbeat?: ReturnType<typeof setInterval> };
const beating = (holder.__arborBeating ??= new Map<string, number>());

/** Keeps `workerId`'s items alive until the returned function is called (once per call of this). */
export function keepAlive(workerId: string): () => void {
  beating.set(workerId, (beating.get(workerId) ?? 0) + 1);
  if (!holder.__arborHeartbeat) {
    const every = Math.max(250, (env().ARBOR_RUN_ITEM_TIMEOUT_SECONDS * 1000) / 4);
    holder.__arborHeartbeat = setInterval(() => {
      for (const id of beating.keys()) void heartbeatWorker(id).catch(() => undefined);
    }, every);
    holder.__arborHeartbeat.unref?.();
  }
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    const left = (beating.get(workerId) ?? 1) - 1;
    if (left > 0) beating.set(workerId, left);
    else beating.delete(workerId);
    if (beating.size === 0 && holder.__arborHeartbeat) {
      clearInterval(holder.__arborHeartbeat);
      holder.__arborHeartbeat = undefined;
    }
  };
}

/**
 * At a worker's start: items still held by workers of this host whose process is gone (a crash, a
 * kill -9, a restarted container that got the same pid) go back to the queue at once, instead of
 * waiting for their heartbeat to go stale. Worker ids are "<host>:<pid>".
 */
export async function releaseItemsOfDeadLocalWorkers(workerId: string): Promise<number> {
  const host = hostOf(workerId);
  // this process has just started: it holds nothing
  const dead = (await listClaimants(host)).filter((id) => id === workerId || isLocalProcessGone(id));
  return releaseClaims(dead);
}

/** The "<host>:" part of a worker id "<host>:<pid>". */
export const hostOf = (workerId: string) => workerId.slice(0, workerId.lastIndexOf(":") + 1);

/** Whether the process a worker id of this host names is known to be gone (an unreadable id: not known). */
export function isLocalProcessGone(workerId: string): boolean {
  const pid = Number(workerId.slice(hostOf(workerId).length));
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ESRCH";
  }
}
