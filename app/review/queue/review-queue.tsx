"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import type { QueueFilter } from "@/lib/core/schemas/reviews";
import { EmptyState } from "../../_components/empty-state";
import { TreeWorkspace } from "../../trees/_components/tree-workspace";
import { nextInQueueAction, skipInQueueAction } from "../actions";
import { isTypingTarget } from "../_components/typing";
import { ReviewPanelFromUrl } from "../_components/review-panel-from-url";

type State = { kind: "loading" } | { kind: "tree"; treeId: number; position: number } | { kind: "empty" } | { kind: "error"; message: string };

/**
 * Queue mode: one claimed tree after another. j = next (a tree not yet reviewed goes back to the
 * queue), k = previous, and a verdict moves on by itself.
 */
export function ReviewQueue({ filter }: { filter: QueueFilter }) {
  const [state, setState] = useState<State>({ kind: "loading" });
  const seen = useRef<number[]>([]); // trees shown in this session, in order
  const position = useRef(-1);
  const reviewed = useRef(new Set<number>());

  const claim = useCallback(
    async (skipCurrent: boolean) => {
      const current = state.kind === "tree" ? state.treeId : null;
      if (skipCurrent && current !== null && !reviewed.current.has(current)) await skipInQueueAction(current);
      setState({ kind: "loading" });
      const r = await nextInQueueAction({ filter, skip: current !== null && skipCurrent ? [current] : [] });
      if (!r.ok) return setState({ kind: "error", message: r.error.message });
      if (!r.value) return setState({ kind: "empty" });
      seen.current = [...seen.current.slice(0, position.current + 1), r.value.treeId];
      position.current = seen.current.length - 1;
      setState({ kind: "tree", treeId: r.value.treeId, position: position.current });
    },
    [filter, state],
  );

  const first = useRef(false);
  useEffect(() => {
    if (first.current) return;
    first.current = true;
    void claim(false);
  }, [claim]);

  const previous = useCallback(() => {
    if (position.current <= 0) return;
    position.current -= 1;
    setState({ kind: "tree", treeId: seen.current[position.current]!, position: position.current });
  }, []);
  const next = useCallback(() => {
    if (position.current < seen.current.length - 1) {
      position.current += 1;
      setState({ kind: "tree", treeId: seen.current[position.current]!, position: position.current });
    } else void claim(true);
  }, [claim]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // keys the tree canvas already handled (its own navigation) are not review shortcuts
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey || isTypingTarget(e.target)) return;
      if (e.key === "j") {
        e.preventDefault();
        next();
      } else if (e.key === "k") {
        e.preventDefault();
        previous();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [next, previous]);

  if (state.kind === "loading") return <p role="status" className="text-sm text-zinc-600">Finding the next tree…</p>;
  if (state.kind === "error") return <p role="alert" className="text-sm text-rose-700">{state.message}</p>;
  if (state.kind === "empty") {
    return (
      <EmptyState title="Nothing left to review here" action={<Link href="/review" className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm">Back to Review</Link>}>
        <p>Every tree of this queue is reviewed, or held by other reviewers right now (their hold ends after a while without activity).</p>
      </EmptyState>
    );
  }
  const treeId = state.treeId;
  return (
    <div data-queue-tree={treeId}>
      <p className="mb-2 text-xs text-zinc-500">
        Tree #{treeId} · {state.position + 1} in this session · <kbd>j</kbd> next · <kbd>k</kbd> previous · <kbd>?</kbd> keys
      </p>
      <TreeWorkspace
        key={treeId}
        treeId={treeId}
        reviewPanel={
          <ReviewPanelFromUrl
            treeId={treeId}
            onSaved={() => {
              reviewed.current.add(treeId);
              window.setTimeout(next, 400);
            }}
          />
        }
      />
    </div>
  );
}
