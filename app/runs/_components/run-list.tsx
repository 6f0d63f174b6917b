"use client";

// The latest runs of every kind, refreshed while any is going.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { runQueries } from "@/lib/ui/queries/runs";
import { EmptyState } from "../../_components/empty-state";
import { ErrorNotice, LoadingRows } from "../../_components/query-status";
import { Table, Td, Th } from "../../_components/table";
import { formatCount } from "../../_lib/format";
import { RunStatusBadge } from "../../import/_components/run-status-badge";
import { formatUsd, KIND_LABELS, percent } from "./run-format";

export function RunList() {
  const query = useQuery(runQueries.list());
  if (query.isPending) return <LoadingRows label="Loading runs" />;
  if (query.isError) return <ErrorNotice title="Could not load the runs" error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.length === 0) return <EmptyState title="No runs yet">Generate instructions or solve some to start one.</EmptyState>;
  return (
    <Table>
      <thead>
        <tr>
          <Th>Run</Th>
          <Th>Kind</Th>
          <Th>Status</Th>
          <Th>Progress</Th>
          <Th numeric>LLM calls</Th>
          <Th numeric>Cost</Th>
          <Th>Started</Th>
        </tr>
      </thead>
      <tbody>
        {query.data.map((run) => (
          <tr key={run.id} className="border-t border-zinc-100">
            <Td>
              <Link href={run.kind === "import" ? "/import" : `/runs/${run.id}`} className="font-medium text-emerald-800 hover:underline">
                #{run.id} {run.title}
              </Link>
            </Td>
            <Td>{KIND_LABELS[run.kind] ?? run.kind}</Td>
            <Td>
              <RunStatusBadge status={run.status} />
            </Td>
            <Td>
              <span className="tabular-nums">
                {formatCount(run.progressDone)} / {formatCount(run.progressTotal)} ({percent(run.progressDone, run.progressTotal, run.status)}%)
              </span>
              {run.progressFailed > 0 && <span className="ml-1 text-rose-700">· {formatCount(run.progressFailed)} failed</span>}
            </Td>
            <Td numeric>{formatCount(run.llmCalls)}</Td>
            <Td numeric>{formatUsd(run.costUsd)}</Td>
            <Td className="text-xs text-zinc-600">{new Date(run.createdAt).toLocaleString("en-GB")}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
