// Limits how many calls run at once against one LLM endpoint, across everything this process does
// (every run item, the solver and the simulated executor alike): one semaphore per endpoint.

export interface Semaphore {
  /** Waits for a free slot; the returned function frees it (call it exactly once). */
  acquire(): Promise<() => void>;
  /** Changes the limit; waiting callers get the new slots at once. */
  resize(limit: number): void;
  readonly active: number;
  readonly waiting: number;
}

export function createSemaphore(initial: number): Semaphore {
  let limit = Math.max(1, initial);
  let active = 0;
  const queue: (() => void)[] = [];
  const pump = () => {
    while (active < limit && queue.length > 0) {
      active++;
      queue.shift()!();
    }
  };
  const release = () => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      active--;
      pump();
    };
  };
  return {
    acquire: () =>
      new Promise((resolve) => {
        queue.push(() => resolve(release()));
        pump();
      }),
    resize(next) {
      limit = Math.max(1, next);
      pump();
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
  };
}

const holder = globalThis as unknown as { __arborEndpointSemaphores?: Map<string, Semaphore> };

/** The process-wide semaphore of an endpoint (keyed by its identity), sized to its current limit. */
export function endpointSemaphore(key: string, limit: number): Semaphore {
  holder.__arborEndpointSemaphores ??= new Map();
  let s = holder.__arborEndpointSemaphores.get(key);
  if (!s) {
    s = createSemaphore(limit);
    holder.__arborEndpointSemaphores.set(key, s);
  } else s.resize(limit);
  return s;
}
