// One compared tree: how its search ended, its answer, what it cost, its checks and judge labels.
import Link from "next/link";
import { checksOf } from "@/lib/core/checks/definitions";
import type { ComparedTree } from "@/lib/server/services/compare";
import { Badge, FinishTypeBadge } from "../../_components/badge";
import { formatCount } from "../../_lib/format";
import { treeHref } from "../../trees/_lib/links";

const METHOD_NAMES: Record<string, string> = { dfsdt: "DFSDT", dfs: "DFS", react: "ReACT", other: "other" };

const PATH_NAMES: Record<ComparedTree["pathKind"], string> = {
  training: "training path",
  last_explored: "no training path: the branch explored last",
  none: "no path",
};

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-[11px] uppercase tracking-wide text-zinc-500">{label}</dt>
      <dd className="text-sm font-medium tabular-nums text-zinc-900">{children}</dd>
    </div>
  );
}

const usd = (n: number) => `$${n < 0.01 && n > 0 ? n.toFixed(6) : n.toFixed(4)}`;

function tokens(t: ComparedTree): string {
  if (t.promptTokens !== null && t.completionTokens !== null) return `${formatCount(t.totalTokens)} (${formatCount(t.promptTokens)} in · ${formatCount(t.completionTokens)} out)`;
  return formatCount(t.totalTokens);
}

function JudgeLabels({ tree }: { tree: ComparedTree }) {
  if (tree.evaluations.length === 0) return <p className="text-xs text-zinc-500">Not judged yet.</p>;
  return (
    <ul aria-label="Judge labels" className="space-y-1 text-xs">
      {tree.evaluations.slice(0, 6).map((e) => (
        <li key={e.id} className="flex flex-wrap items-center gap-1.5">
          {e.kind === "pass_rate" ? (
            <>
              {e.label && <Badge tone={e.label === "Solved" ? "emerald" : e.label === "Unsolved" ? "rose" : "amber"}>{e.label}</Badge>}
              {e.passed !== null && <Badge tone={e.passed ? "emerald" : "rose"}>{e.passed ? "pass" : "fail"}</Badge>}
              {e.solvable && <span className="text-zinc-500">{e.solvable}</span>}
            </>
          ) : (
            <Badge tone={e.preference === "win" ? "emerald" : e.preference === "loss" ? "rose" : "zinc"}>
              {e.preference ?? "preference"}
              {e.referenceTreeId !== null && ` vs #${e.referenceTreeId}`}
            </Badge>
          )}
          <span className="text-zinc-500">
            {e.source}
            {e.model && ` · ${e.model}`}
          </span>
          {e.reason && <span className="w-full text-zinc-600">{e.reason}</span>}
        </li>
      ))}
    </ul>
  );
}

export function TreeFacts({ side, tree }: { side: "A" | "B"; tree: ComparedTree }) {
  const checks = checksOf(tree.checkFlags);
  return (
    <section aria-label={`Tree ${side}`} className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4">
      <header className="flex flex-wrap items-center gap-2">
        <h2 className="text-sm font-semibold text-zinc-900">
          {side} ·{" "}
          <Link href={treeHref(tree.id)} className="text-emerald-800 hover:underline">
            Tree #{tree.id}
          </Link>{" "}
          · <span className="font-mono">{tree.methodLabel}</span>
        </h2>
        <Badge tone="sky">{METHOD_NAMES[tree.method] ?? tree.method}</Badge>
        {tree.model && <Badge>{tree.model}</Badge>}
        <FinishTypeBadge finishType={tree.finishType} />
        {tree.validData ? <Badge tone="emerald">valid</Badge> : <Badge tone="rose">invalid</Badge>}
      </header>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        <Fact label="LLM calls">{formatCount(tree.queryCount)}</Fact>
        <Fact label="Tokens">{tokens(tree)}</Fact>
        <Fact label="Cost">{tree.costUsd === null ? "not recorded" : usd(tree.costUsd)}</Fact>
        <Fact label="Nodes">{formatCount(tree.size)}</Fact>
      </dl>
      <p className="text-xs text-zinc-500">
        Compared along its {PATH_NAMES[tree.pathKind]} ({formatCount(tree.calls.length)} calls).
      </p>
      <div>
        <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500">Final answer</h3>
        {tree.finalAnswer && tree.finalAnswer.trim() !== "" ? (
          <p className="mt-1 max-h-48 overflow-auto whitespace-pre-wrap break-words rounded-md border border-emerald-200 bg-emerald-50/50 px-3 py-2 text-sm text-zinc-800">{tree.finalAnswer}</p>
        ) : (
          <p className="mt-1 text-sm text-zinc-500">No final answer.</p>
        )}
      </div>
      <div>
        <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500">Checks</h3>
        {checks.length === 0 ? (
          <p className="mt-1 text-xs text-zinc-500">No check found anything.</p>
        ) : (
          <div className="mt-1 flex flex-wrap gap-1">
            {checks.map((c) => (
              <Badge key={c.key} tone="amber" title={c.meaning}>
                ⚠ {c.label}
              </Badge>
            ))}
          </div>
        )}
      </div>
      <div>
        <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-zinc-500">Judge labels</h3>
        <JudgeLabels tree={tree} />
      </div>
    </section>
  );
}
