"use client";

// One line about the tree: how it was made and how it ended, its size and its failures.
import { Badge, FinishTypeBadge, GroupBadge } from "../../_components/badge";
import { formatCount } from "../../_lib/format";
import { PassLabelBadge } from "../../evaluations/_components/pass-label-badge";
import { useTreeData } from "./tree-context";

const METHOD_NAMES: Record<string, string> = { dfsdt: "DFSDT", dfs: "DFS", react: "ReACT", other: "other" };

function Stat({ label, value, warn }: { label: string; value: number; warn?: boolean }) {
  return (
    <div className="flex items-baseline gap-1">
      <dt className="text-zinc-500">{label}</dt>
      <dd className={`font-semibold tabular-nums ${warn && value > 0 ? "text-rose-700" : "text-zinc-900"}`}>{formatCount(value)}</dd>
    </div>
  );
}

export function TreeSummary() {
  const { view, model } = useTreeData();
  const t = view.tree;
  return (
    <div className="flex flex-wrap items-center gap-x-5 gap-y-1.5 pb-2">
      <div className="flex flex-wrap items-center gap-1.5">
        <GroupBadge group={view.instruction.group} />
        <Badge tone="sky" title={`Search method: ${t.method}`}>
          {METHOD_NAMES[t.method] ?? t.method}
        </Badge>
        {t.model && <Badge>{t.model}</Badge>}
        <FinishTypeBadge finishType={t.finishType} />
        {t.validData ? <Badge tone="emerald">valid</Badge> : <Badge tone="rose">invalid</Badge>}
        {t.truncated && (
          <Badge tone="amber" title="Imported from ToolEval's converted answers, which cut messages to 100 characters">
            truncated
          </Badge>
        )}
        {t.chosenNodeIdx === null && <Badge title="No path of this tree is chosen as training data">no training path</Badge>}
        {t.chosenBy === "reviewer" && <Badge tone="violet">path chosen by a reviewer</Badge>}
        {t.passVerdict && <PassLabelBadge verdict={t.passVerdict} />}
      </div>
      <dl aria-label="Tree statistics" className="flex flex-wrap gap-x-4 gap-y-1 text-xs">
        <Stat label="Nodes" value={t.size} />
        <Stat label="Steps" value={model.groups.length - 1} />
        <Stat label="Max depth" value={t.maxDepth} />
        <Stat label="Visits" value={model.visitOrder.length} />
        <Stat label="Queries" value={t.queryCount} />
        <Stat label="Tokens" value={t.totalTokens} />
        <Stat label="Hallucinated" value={t.hallucinatedCount} warn />
        <Stat label="API errors" value={t.apiErrorCount} warn />
        <Stat label="Give-ups" value={t.giveUpCount} warn />
      </dl>
    </div>
  );
}
