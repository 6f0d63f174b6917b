"use client";

import { useQuery } from "@tanstack/react-query";
import { formatBytes, formatCount } from "@/app/_lib/format";
import { exportQueries } from "@/lib/ui/queries/exports";
import { EmptyState } from "../../_components/empty-state";
import { ErrorNotice, LoadingRows } from "../../_components/query-status";
import { Table, Td, Th } from "../../_components/table";

const filterText = (filter: unknown) => {
  const q = typeof filter === "object" && filter !== null && "query" in filter ? String((filter as { query: unknown }).query) : "";
  return q === "" ? "every tree" : q;
};

/** Every recorded snapshot, newest first, each downloadable again. */
export function SnapshotList() {
  const query = useQuery(exportQueries.list());
  if (query.isPending) return <LoadingRows label="Loading exports" rows={4} />;
  if (query.isError) return <ErrorNotice title="Could not load the exports" error={query.error} onRetry={() => query.refetch()} />;
  const { exports } = query.data;
  if (exports.length === 0) {
    return (
      <EmptyState title="No exports yet">
        <p>Start one above: the approved trees as OpenAI fine-tuning data, for example. Every export is kept here to download again.</p>
      </EmptyState>
    );
  }
  return (
    <Table caption="Snapshots">
      <thead>
        <tr>
          <Th>Snapshot</Th>
          <Th>Format</Th>
          <Th numeric>Records</Th>
          <Th>Trees</Th>
          <Th numeric>Size</Th>
          <Th>SHA-256</Th>
          <Th>By</Th>
          <Th>When</Th>
          <Th>File</Th>
        </tr>
      </thead>
      <tbody>
        {exports.map((e) => (
          <tr key={e.id}>
            <Td>#{e.id}</Td>
            <Td>{e.formatLabel}</Td>
            <Td numeric>{formatCount(e.count)}</Td>
            <Td className="font-mono text-xs">{filterText(e.filter)}</Td>
            <Td numeric>{formatBytes(e.bytes)}</Td>
            <Td className="font-mono text-xs" >
              <span title={e.contentHash ?? undefined}>{e.contentHash?.slice(0, 12) ?? "—"}</span>
            </Td>
            <Td>{e.createdByName ?? "terminal"}</Td>
            <Td>
              <time dateTime={e.createdAt}>{new Date(e.createdAt).toLocaleString()}</time>
            </Td>
            <Td>
              <a href={`/api/exports/${e.id}/download`} download={e.fileName} className="text-emerald-700 underline underline-offset-2">
                {e.fileName}
              </a>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
