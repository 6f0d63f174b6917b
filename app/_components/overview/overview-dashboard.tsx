"use client";

import { useQuery } from "@tanstack/react-query";
import { overviewQueries } from "@/lib/ui/queries/overview";
import { EmptyState, ImportHint } from "../empty-state";
import { ErrorNotice, LoadingRows } from "../query-status";
import { BarChartCard } from "./bar-chart-card";
import { StatTiles } from "./stat-tiles";

const COLORS = { instructions: "#059669", trees: "#0284c7", valid: "#10b981", invalid: "#fb7185" };

export function OverviewDashboard() {
  const { data, error, isPending, refetch } = useQuery(overviewQueries.stats());
  if (isPending) return <LoadingRows label="Loading the overview" />;
  if (error) return <ErrorNotice title="The overview could not be loaded" error={error} onRetry={() => void refetch()} />;
  if (data.isEmpty) {
    return (
      <EmptyState title="Nothing imported yet">
        <ImportHint what="a ToolBench or StableToolBench folder (instruction files, answer trees, tool docs)" />
        <p className="mt-2">The catalog, instructions and trees appear here as soon as an import finishes.</p>
      </EmptyState>
    );
  }
  return (
    <div className="space-y-4">
      <StatTiles totals={data.totals} />
      <div className="grid gap-4 lg:grid-cols-3">
        <BarChartCard
          title="Instructions and trees by group"
          description="G1–G3 are ToolBench's instruction groups; I1–I3 are generated here."
          rows={data.groups.map((g) => ({ label: g.group, href: `/instructions?group=${encodeURIComponent(g.group)}`, values: { instructions: g.instructions, trees: g.trees } }))}
          series={[
            { key: "instructions", label: "Instructions", color: COLORS.instructions },
            { key: "trees", label: "Trees", color: COLORS.trees },
          ]}
        />
        <BarChartCard
          title="Trees by method"
          description="DFS_woFilter_w2 is DFSDT; CoT@N is ReACT with N tries."
          rows={data.methods.map((m) => ({ label: m.methodLabel, values: { count: m.count } }))}
          series={[{ key: "count", label: "Trees", color: COLORS.trees }]}
        />
        <BarChartCard
          title="Trees by finish type"
          description="Invalid trees (valid_data = false) have no training path, whatever their finish type."
          rows={data.finishTypes.map((f) => ({ label: f.finishType, values: { valid: f.valid, invalid: f.invalid } }))}
          series={[
            { key: "valid", label: "Valid", color: COLORS.valid },
            { key: "invalid", label: "Invalid", color: COLORS.invalid },
          ]}
          stacked
        />
      </div>
    </div>
  );
}
