"use client";

// A run's items: what each is about, how it stands, and the tree it produced.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { runQueries } from "@/lib/ui/queries/runs";
import { Badge, type Tone } from "../../_components/badge";
import { ErrorNotice, LoadingRows } from "../../_components/query-status";
import { Table, Td, Th } from "../../_components/table";
import { instructionHref } from "../../_lib/links";

const TONES: Record<string, Tone> = { pending: "zinc", running: "sky", succeeded: "emerald", failed: "rose", skipped: "amber" };

export function RunItems({ runId, kind, version, active, watched, onWatch }: { runId: number; kind: string; version: string; active: boolean; watched?: number; onWatch: (id: number) => void }) {
  const query = useQuery(runQueries.items(runId, version, active));
  if (query.isPending) return <LoadingRows label="Loading the run's items" rows={4} />;
  if (query.isError) return <ErrorNotice title="Could not load the run's items" error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <section aria-labelledby="items-heading">
      <h2 id="items-heading" className="mb-2 text-sm font-semibold">
        {kind === "solve" ? "Instructions" : kind === "evaluate" ? "Judged items" : "Batches"}
      </h2>
      <Table>
        <thead>
          <tr>
            <Th>Item</Th>
            <Th>Status</Th>
            <Th numeric>Attempts</Th>
            <Th>Result</Th>
          </tr>
        </thead>
        <tbody>
          {query.data.map((item) => (
            <tr key={item.id} className={`border-t border-zinc-100 ${watched === item.id ? "bg-sky-50" : ""}`}>
              <Td>
                {item.instructionId ? (
                  <Link href={instructionHref(item.instructionId)} className="hover:underline">
                    Instruction #{item.instructionId}
                  </Link>
                ) : (
                  <span className="font-mono text-xs">{item.key}</span>
                )}
              </Td>
              <Td>
                <Badge tone={TONES[item.status] ?? "zinc"}>{item.status}</Badge>
              </Td>
              <Td numeric>{item.attempts}</Td>
              <Td>
                {item.treeId !== null && (
                  <Link href={`/trees/${item.treeId}`} className="font-medium text-emerald-800 hover:underline">
                    Tree #{item.treeId}
                  </Link>
                )}
                {item.treeId === null && item.events > 0 && kind === "solve" && (
                  <button type="button" onClick={() => onWatch(item.id)} className="text-sky-800 hover:underline">
                    Show its tree ({item.events} events stored)
                  </button>
                )}
                {item.error && <span className="block text-xs text-rose-800">{item.error}</span>}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}
