"use client";

import { useLayoutEffect, useRef, useState, type RefObject } from "react";

export interface Size {
  width: number;
  height: number;
}

/**
 * An element's size, known before the first paint when the element is already laid out (the tree
 * workspace is sized while its data loads) and kept current; the latest size is also in the
 * returned ref. An element not laid out yet (zero size) reports once it is.
 */
export function useElementSize(ref: RefObject<HTMLElement | null>): [Size | null, RefObject<Size | null>] {
  const [size, setSize] = useState<Size | null>(null);
  const latest = useRef<Size | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => {
      const next = { width: el.clientWidth, height: el.clientHeight };
      if (next.width === 0 || next.height === 0) return;
      if (latest.current && latest.current.width === next.width && latest.current.height === next.height) return;
      latest.current = next;
      setSize(next);
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return [size, latest];
}
