"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { exportQueries } from "@/lib/ui/queries/exports";
import { isActive, runQueries } from "@/lib/ui/queries/runs";
import { ExportForm } from "./export-form";
import { ExportRunCard } from "./export-run-card";
import { SnapshotList } from "./snapshot-list";

/** Start an export, follow it, and find every earlier snapshot. */
export function ExportWorkbench() {
  const queryClient = useQueryClient();
  const [startedId, setRunId] = useState<number | undefined>();
  // an export still under way (started here earlier, or by someone else) is followed too
  const list = useQuery(exportQueries.list());
  const runId = startedId ?? list.data?.runs.find(isActive)?.id;
  const started = (id: number) => {
    setRunId(id);
    void queryClient.invalidateQueries({ queryKey: exportQueries.all() });
    void queryClient.invalidateQueries({ queryKey: runQueries.all() });
  };
  return (
    <div className="space-y-6">
      <ExportForm onStarted={started} />
      {runId !== undefined && <ExportRunCard runId={runId} />}
      <SnapshotList />
    </div>
  );
}
