"use client";

// The selected root → leaf path as a conversation: system prompt and query (folded), then each step
// with its thought, call and observation. Follows the selection; the step holding the selected node
// is marked and kept in view, and steps below the selection are shown as its continuation.
import { memo, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { transcriptPath, transcriptSteps, type TranscriptStep } from "@/lib/core/tree-view/transcript";
import { parseFinishArguments } from "@/lib/core/toolbench/finish";
import { Badge, ObservationCodeBadge } from "../../_components/badge";
import { JsonBlock } from "../../_components/json-block";
import { formatCount } from "../../_lib/format";
import { ObservationPanel } from "./observation-panel";
import { useSelectedNodeIdx, useSelectionStore, useTreeData } from "./tree-context";

/** A disclosure whose content is only rendered once opened (observations and prompts are long). */
function LazyDetails({ summary, children, className = "" }: { summary: ReactNode; children: () => ReactNode; className?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details className={className} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer select-none text-xs text-zinc-600 hover:text-zinc-900">{summary}</summary>
      {open && <div className="mt-1.5">{children()}</div>}
    </details>
  );
}

function StepBody({ step }: { step: TranscriptStep }) {
  const finish = step.functionName === "Finish" ? parseFinishArguments(step.arguments ?? "") : null;
  return (
    <div className="space-y-1.5">
      {step.thought !== undefined && step.thought.trim() !== "" && <p className="whitespace-pre-wrap break-words text-sm text-zinc-800">{step.thought}</p>}
      {finish ? (
        <div className="space-y-1">
          {finish.returnType && <Badge tone={finish.returnType === "give_answer" ? "emerald" : "amber"}>Finish · {finish.returnType}</Badge>}
          {finish.finalAnswer && <p className="whitespace-pre-wrap break-words rounded-md bg-emerald-50/60 px-2 py-1 text-sm text-zinc-800">{finish.finalAnswer}</p>}
        </div>
      ) : (
        step.arguments !== undefined && <JsonBlock text={step.arguments.trim() === "" ? "{}" : step.arguments} label={`Arguments of ${step.functionName ?? "the call"}`} maxHeight="max-h-40" />
      )}
      {!finish && (step.observation !== undefined || step.observationCode !== undefined) && (
        <LazyDetails
          summary={
            <span className="inline-flex flex-wrap items-center gap-1.5">
              Observation {step.observationCode !== undefined && <ObservationCodeBadge code={step.observationCode} />}
              <span className="text-zinc-400">{formatCount(step.observation?.length ?? 0)} characters</span>
            </span>
          }
        >
          {() => <ObservationPanel text={step.observation ?? null} code={step.observationCode ?? null} />}
        </LazyDetails>
      )}
    </div>
  );
}

/** One step; steps are rebuilt on every selection, so a step re-renders only when it or its place changes. */
const StepItem = memo(
  function StepItem({ step, number, onSelect }: { step: TranscriptStep; number: number; onSelect: (idx: number) => void }) {
    return (
      <li
        aria-current={step.relation === "selected" ? "step" : undefined}
        data-relation={step.relation}
        // steps scrolled out of view are not laid out: long paths cost what the visible steps cost
        className={`rounded-md border p-2 [contain-intrinsic-size:auto_9rem] [content-visibility:auto] ${step.relation === "selected" ? "border-sky-400 bg-sky-50/60 ring-1 ring-sky-300" : step.relation === "after" ? "border-dashed border-zinc-300 bg-white opacity-75" : "border-zinc-200 bg-white"}`}
      >
        <button
          type="button"
          onClick={() => onSelect(step.nodeIdxs[step.nodeIdxs.length - 1]!)}
          className="mb-1 flex w-full items-baseline gap-2 text-left text-xs text-zinc-500 hover:text-zinc-900"
        >
          <span className="font-semibold tabular-nums text-zinc-700">Step {number}</span>
          <span className="min-w-0 flex-1 truncate font-mono text-zinc-900">{step.functionName ?? "thought"}</span>
          <span className="shrink-0">nodes {step.nodeIdxs.join(", ")}</span>
        </button>
        <StepBody step={step} />
      </li>
    );
  },
  (a, b) => a.number === b.number && a.onSelect === b.onSelect && a.step.relation === b.step.relation && a.step.nodeIdxs.join() === b.step.nodeIdxs.join(),
);

/** Scrolls `el` into view inside `container` only, never the page; false when it was already in view. */
function revealWithin(container: HTMLElement, el: HTMLElement): boolean {
  const top = el.offsetTop - container.offsetTop;
  if (top < container.scrollTop) container.scrollTop = top - 8;
  else if (top + el.offsetHeight > container.scrollTop + container.clientHeight) container.scrollTop = top + Math.min(el.offsetHeight, container.clientHeight) - container.clientHeight + 8;
  else return false;
  return true;
}

/**
 * Follows the selection at a lower priority than the tree and the inspector: it renders after the
 * tree is first drawn, and while a key is held it catches up rather than slowing the selection down.
 */
export function PathTranscript() {
  const selected = useSelectedNodeIdx();
  const idx = useDeferredValue<number | null>(selected, null);
  if (idx === null) {
    return (
      <p role="status" className="text-xs text-zinc-500">
        Reading the path…
      </p>
    );
  }
  return <TranscriptOf idx={idx} />;
}

function TranscriptOf({ idx }: { idx: number }) {
  const { model: m, view } = useTreeData();
  const store = useSelectionStore();
  const path = useMemo(() => transcriptPath(m, idx), [m, idx]);
  const steps = useMemo(() => transcriptSteps(m, path), [m, path]);
  const leaf = path.nodes[path.nodes.length - 1]!;
  const listRef = useRef<HTMLOListElement>(null);
  const select = useCallback((node: number) => store.select(node, "elsewhere"), [store]);

  useEffect(() => {
    // in animation frames, where reading positions costs the layout the frame does anyway; again
    // until it holds, because steps scrolled past are sized by an estimate until first drawn
    let frame = 0;
    const reveal = (attempt: number) => {
      const list = listRef.current;
      const current = list?.querySelector<HTMLElement>('[aria-current="step"]');
      const scroller = list?.closest<HTMLElement>("[data-scroll]");
      if (current && scroller && revealWithin(scroller, current) && attempt < 4) frame = requestAnimationFrame(() => reveal(attempt + 1));
    };
    frame = requestAnimationFrame(() => reveal(1));
    return () => cancelAnimationFrame(frame);
  }, [steps]);

  return (
    <section aria-labelledby="transcript-heading" className="space-y-3">
      <div>
        <h2 id="transcript-heading" className="text-sm font-semibold text-zinc-900">
          Transcript
        </h2>
        <p className="text-xs text-zinc-500">
          Root → node {idx}
          {leaf !== idx && ` → leaf ${leaf}`} · {steps.length} steps{leaf !== idx && (m.onChosenPath[idx] ? ", continued along the training path" : ", continued along first attempts")}
        </p>
      </div>
      <LazyDetails summary="System prompt" className="rounded-md border border-zinc-200 bg-white px-2 py-1.5">
        {() => (view.tree.systemPrompt ? <JsonBlock text={view.tree.systemPrompt} label="System prompt" maxHeight="max-h-80" /> : <p className="text-xs text-zinc-500">The answer file has no system prompt.</p>)}
      </LazyDetails>
      <LazyDetails summary="Query" className="rounded-md border border-zinc-200 bg-white px-2 py-1.5">
        {() => <p className="whitespace-pre-wrap break-words text-sm text-zinc-800">{view.instruction.query}</p>}
      </LazyDetails>
      <ol ref={listRef} aria-label="Path steps" className="space-y-2">
        {steps.map((step, i) => (
          <StepItem key={step.nodeIdxs.join("-")} step={step} number={i + 1} onSelect={select} />
        ))}
      </ol>
      {steps.length === 0 && <p className="text-xs text-zinc-500">The tree has no steps below its root.</p>}
    </section>
  );
}
