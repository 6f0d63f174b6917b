"use client";

import { useCallback, useEffect, useRef } from "react";

/** Calls `fn` once calls have stopped for `delayMs` — for writing typed text to the URL. */
export function useDebouncedCallback<A extends unknown[]>(fn: (...args: A) => void, delayMs = 300): (...args: A) => void {
  const latest = useRef(fn);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    latest.current = fn;
  });
  useEffect(() => () => clearTimeout(timer.current), []);
  return useCallback(
    (...args: A) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => latest.current(...args), delayMs);
    },
    [delayMs],
  );
}
