import Link from "next/link";
import type { TreeWithPath } from "@/lib/server/services/instruction-detail";
import { Badge, FinishTypeBadge } from "../../_components/badge";
import { formatCount } from "../../_lib/format";
import { treeHref } from "../../trees/_lib/links";
import { PathStepList } from "./path-step-list";

const METHOD_NAMES: Record<string, string> = { dfsdt: "DFSDT", dfs: "DFS", react: "ReACT", other: "other" };

function Stat({ label, value, warn }: { label: string; value: number; warn?: boolean }) {
  return (
    <div>
      <dt className="text-[11px] uppercase tracking-wide text-zinc-500">{label}</dt>
      <dd className={`text-sm font-semibold tabular-nums ${warn && value > 0 ? "text-rose-700" : "text-zinc-900"}`}>{formatCount(value)}</dd>
    </div>
  );
}

function NoPath({ tree }: { tree: TreeWithPath }) {
  return (
    <p className="rounded-md border border-dashed border-zinc-300 bg-zinc-50 px-3 py-2 text-sm text-zinc-600">
      {tree.validData ? "This tree has no chosen path." : "No chosen path: the search found no valid answer (valid_data = false)."} Its{" "}
      {formatCount(tree.size)} nodes are stored:{" "}
      <Link href={treeHref(tree.id)} className="font-medium text-emerald-700 underline underline-offset-2 hover:text-emerald-900">
        browse them in the tree viewer
      </Link>
      .
    </p>
  );
}

export function TreeCard({ tree, apiIds }: { tree: TreeWithPath; apiIds: ReadonlyMap<string, number> }) {
  const headingId = `tree-${tree.id}`;
  const path = tree.chosenPath;
  return (
    <article aria-labelledby={headingId} className="rounded-lg border border-zinc-200 bg-white">
      <header className="flex flex-wrap items-center gap-2 border-b border-zinc-200 px-4 py-2.5">
        <h3 id={headingId} className="text-sm font-semibold text-zinc-900">
          Tree #{tree.id} · <span className="font-mono">{tree.methodLabel}</span>
        </h3>
        <Badge tone="sky" title={`Search method: ${tree.method}`}>
          {METHOD_NAMES[tree.method] ?? tree.method}
        </Badge>
        {tree.model && <Badge>{tree.model}</Badge>}
        <FinishTypeBadge finishType={tree.finishType} />
        {tree.validData ? <Badge tone="emerald">valid</Badge> : <Badge tone="rose">invalid</Badge>}
        {tree.truncated && (
          <Badge tone="amber" title="Imported from ToolEval's converted answers, which cut messages to 100 characters">
            truncated
          </Badge>
        )}
        {tree.chosenBy === "reviewer" && <Badge tone="violet">path chosen by a reviewer</Badge>}
        <Link
          href={treeHref(tree.id)}
          aria-label={`Open tree #${tree.id}`}
          className="ml-auto rounded-md border border-emerald-600 px-2.5 py-1 text-xs font-medium text-emerald-800 hover:bg-emerald-50"
        >
          Open tree
        </Link>
      </header>
      <div className="space-y-4 px-4 py-3">
        <dl className="grid grid-cols-3 gap-3 sm:grid-cols-4 lg:grid-cols-8">
          <Stat label="Nodes" value={tree.size} />
          <Stat label="Max depth" value={tree.maxDepth} />
          <Stat label="Queries" value={tree.queryCount} />
          <Stat label="Tokens" value={tree.totalTokens} />
          <Stat label="Hallucinated" value={tree.hallucinatedCount} warn />
          <Stat label="API errors" value={tree.apiErrorCount} warn />
          <Stat label="Give-ups" value={tree.giveUpCount} warn />
          <Stat label="Path steps" value={path?.steps.length ?? 0} />
        </dl>
        {tree.finalAnswer && !path?.steps.some((s) => s.functionName === "Finish") && (
          <div>
            <h4 className="text-xs font-medium uppercase tracking-wide text-zinc-500">Final answer</h4>
            <p className="mt-1 whitespace-pre-wrap break-words text-sm text-zinc-800">{tree.finalAnswer}</p>
          </div>
        )}
        <div>
          <h4 className="mb-2 text-xs font-medium uppercase tracking-wide text-zinc-500">Chosen path</h4>
          {path === null || path.steps.length === 0 ? (
            <NoPath tree={tree} />
          ) : (
            <>
              {!path.complete && (
                <p role="note" className="mb-2 rounded-md bg-amber-50 px-3 py-1.5 text-xs text-amber-900">
                  The stored nodes do not link the chosen node back to the root; the steps below start where the chain breaks.
                </p>
              )}
              <PathStepList steps={path.steps} apiIds={apiIds} />
            </>
          )}
        </div>
        {tree.sourceFile && <p className="break-all font-mono text-[11px] text-zinc-400">from {tree.sourceFile}</p>}
      </div>
    </article>
  );
}
