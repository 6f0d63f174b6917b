"use client";

// The selected node and the LLM step it belongs to: the thought, the function called (linked to the
// catalog), the arguments checked against its parameters, and the observation with its status.
import type { ReactNode } from "react";
import { moveSelection, type TreeMove } from "@/lib/core/tree-view/navigation";
import { isFinished, isPruned, isTerminal } from "@/lib/core/tree-view/tree-model";
import { Badge } from "../../_components/badge";
import { formatCount } from "../../_lib/format";
import { CallArguments, CalledFunction, FinishCall } from "./call-details";
import { StepChecks } from "./check-badges";
import { functionOf, TYPE_NAMES } from "./node-text";
import { ObservationPanel } from "./observation-panel";
import { useSelectedNodeIdx, useSelectionStore, useTreeData } from "./tree-context";

function Part({ active, children }: { active: boolean; children: ReactNode }) {
  return <div className={`rounded-md p-2 ${active ? "bg-sky-50 ring-1 ring-sky-300" : ""}`}>{children}</div>;
}

const MOVES: [TreeMove, string][] = [
  ["parent", "Parent"],
  ["previousSibling", "Previous attempt"],
  ["nextSibling", "Next attempt"],
  ["firstChild", "First child"],
];

function NodeFacts({ idx }: { idx: number }) {
  const { model: m } = useTreeData();
  const store = useSelectionStore();
  const parent = m.parent[idx]!;
  const siblings = parent >= 0 ? m.children[parent]!.length : 1;
  const position = parent >= 0 ? m.children[parent]!.indexOf(idx) + 1 : 1;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-1">
        {m.onChosenPath[idx] === 1 && <Badge tone="emerald">on the training path</Badge>}
        {m.abandoned[idx] === 1 && <Badge>abandoned branch</Badge>}
        {isPruned(m, idx) && <Badge tone="amber">pruned</Badge>}
        {isFinished(m, idx) && <Badge tone="sky">finished</Badge>}
        {isTerminal(m, idx) && <Badge tone="sky">terminal</Badge>}
      </div>
      <dl className="grid grid-cols-4 gap-2 text-xs">
        {[
          ["Depth", formatCount(m.depth[idx]!)],
          ["Visit", m.columns.expandNum[idx]! > 0 ? formatCount(m.columns.expandNum[idx]!) : "never"],
          ["Attempt", `${position} of ${siblings}`],
          ["Children", formatCount(m.children[idx]!.length)],
        ].map(([label, value]) => (
          <div key={label}>
            <dt className="text-[11px] uppercase tracking-wide text-zinc-500">{label}</dt>
            <dd className="font-medium tabular-nums text-zinc-900">{value}</dd>
          </div>
        ))}
      </dl>
      <nav aria-label="Move to" className="flex flex-wrap gap-1">
        {MOVES.map(([move, label]) => {
          const target = moveSelection(m, idx, move);
          return (
            <button
              key={move}
              type="button"
              disabled={target === null}
              onClick={() => target !== null && store.select(target, "elsewhere")}
              className="rounded border border-zinc-300 px-2 py-0.5 text-xs text-zinc-700 hover:bg-zinc-100 disabled:opacity-40"
            >
              {label}
            </button>
          );
        })}
      </nav>
    </div>
  );
}

export function NodeInspector() {
  const { model: m, view } = useTreeData();
  const idx = useSelectedNodeIdx();
  const step = m.groups[m.groupOf[idx]!]!.nodes;
  const thought = step.find((i) => m.columns.type[i] === "Thought");
  const action = step.find((i) => m.columns.type[i] === "Action");
  const input = step.find((i) => m.columns.type[i] === "ActionInput" && m.parent[i]! >= 0);
  const fn = action !== undefined ? functionOf(m, action) : input !== undefined ? functionOf(m, input) : null;
  const code = input === undefined ? null : (m.columns.observationCode[input] ?? null);
  return (
    <section aria-labelledby="inspector-heading" className="space-y-3 rounded-lg border border-zinc-200 bg-white p-3">
      <h2 id="inspector-heading" className="text-sm font-semibold text-zinc-900">
        Node {idx} · {idx === 0 ? "root" : TYPE_NAMES[m.columns.type[idx]!]}
        <span className="ml-1 font-normal text-zinc-500">of {formatCount(m.size)}</span>
      </h2>
      <NodeFacts idx={idx} />
      <StepChecks nodes={step} />
      {idx === 0 && (
        <Part active>
          <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500">Query</h3>
          <p className="mt-1 whitespace-pre-wrap break-words text-sm text-zinc-800">{view.instruction.query}</p>
          <p className="mt-2 text-xs text-zinc-500">The search starts here, with {m.children[0]!.length === 1 ? "one first step" : `${m.children[0]!.length} first attempts`}.</p>
        </Part>
      )}
      {thought !== undefined && (
        <Part active={idx === thought}>
          <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500">Thought</h3>
          <p className="mt-1 whitespace-pre-wrap break-words text-sm text-zinc-800">{m.columns.text[thought] || "(empty)"}</p>
        </Part>
      )}
      {fn !== null && (
        <Part active={idx === action}>
          <CalledFunction functionName={fn} code={code} />
        </Part>
      )}
      {input !== undefined && (
        <Part active={idx === input}>
          {fn === "Finish" ? <FinishCall text={m.columns.text[input]!} /> : <CallArguments functionName={fn ?? ""} text={m.columns.text[input]!} />}
          <div className="mt-3">
            <ObservationPanel text={m.columns.observation[input] ?? null} code={code} />
          </div>
        </Part>
      )}
    </section>
  );
}
