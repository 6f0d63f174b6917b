"use client";

// The tree workspace spans the whole window width (the site's column is too narrow for a tree, a
// transcript and an inspector side by side) and the window's remaining height, so that each of its
// panels scrolls on its own instead of the page. Measured rather than done with 100vw, which counts
// the scroll bar and would make the page scroll sideways.
import { useLayoutEffect, type RefObject } from "react";

export function useFullBleed(ref: RefObject<HTMLElement | null>, bottomGap = 16): void {
  useLayoutEffect(() => {
    const el = ref.current;
    const parent = el?.parentElement;
    if (!el || !parent) return;
    const fit = () => {
      const width = document.documentElement.clientWidth;
      el.style.width = `${width}px`;
      el.style.marginLeft = `${-parent.getBoundingClientRect().left}px`;
      const top = el.getBoundingClientRect().top + window.scrollY;
      el.style.setProperty("--workspace-height", `${Math.max(480, window.innerHeight - top - bottomGap)}px`);
    };
    fit();
    window.addEventListener("resize", fit);
    return () => window.removeEventListener("resize", fit);
  }, [ref, bottomGap]);
}
