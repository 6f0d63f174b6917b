"use client";

import { useQueryClient } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";
import { runQueries } from "@/lib/ui/queries/runs";
import { PathPanel } from "./path-panel";
import { RecentImports } from "./recent-imports";
import { RunCard } from "./run-card";
import { UploadPanel } from "./upload-panel";

/** Upload or name files, then follow the import; the run shown lives in the URL (?run=ID). */
export function ImportWorkbench() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const queryClient = useQueryClient();
  const runParam = Number(params.get("run"));
  const runId = Number.isInteger(runParam) && runParam > 0 ? runParam : undefined;

  const showRun = useCallback(
    (id: number) => {
      void queryClient.invalidateQueries({ queryKey: runQueries.all() });
      router.replace(`${pathname}?run=${id}`, { scroll: false });
    },
    [queryClient, router, pathname],
  );

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="space-y-6">
        <div className="grid gap-4 md:grid-cols-2">
          <UploadPanel onStarted={showRun} />
          <PathPanel onStarted={showRun} />
        </div>
        {runId !== undefined && <RunCard runId={runId} />}
      </div>
      <RecentImports selected={runId} onSelect={showRun} />
    </div>
  );
}
