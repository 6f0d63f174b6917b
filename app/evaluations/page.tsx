import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/lib/core/auth/permissions";
import { listEvaluationRunSummaries } from "@/lib/server/services/evaluation-runs";
import { EmptyState } from "../_components/empty-state";
import { PageHeader } from "../_components/page-header";
import { Table, Td, Th } from "../_components/table";
import { formatCount } from "../_lib/format";
import { gatePage } from "../_lib/page-gate";
import { formatUsd } from "../runs/_components/run-format";
import { EvaluationReportView } from "./_components/evaluation-report";

export const metadata: Metadata = { title: "Evaluations" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ run?: string }> };

export default async function EvaluationsPage({ searchParams }: Props) {
  const gate = await gatePage("read");
  if (gate.denied) return gate.denied;
  const runs = await listEvaluationRunSummaries(100);
  const wanted = Number((await searchParams).run);
  const selected = runs.find((r) => r.id === wanted) ?? runs[0];
  return (
    <>
      <PageHeader
        title="Evaluations"
        description="ToolEval on Arbor's trees: the pass rate (several judgements per tree, decided by majority, with StableToolBench's score) and the win rate of one run, method or model against another."
        actions={
          can(gate.user.role, "run") && (
            <Link href="/evaluations/new" className="rounded-md bg-emerald-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-emerald-800">
              Evaluate
            </Link>
          )
        }
      />
      {runs.length === 0 ? (
        <EmptyState title="No evaluation yet">
          <p>Judge the trees of a solve run (or imported ones), or compare two runs, methods or models.</p>
        </EmptyState>
      ) : (
        <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
          <Table caption="Evaluation runs, newest first">
            <thead>
              <tr>
                <Th>Run</Th>
                <Th>Measure</Th>
                <Th numeric>Done</Th>
                <Th numeric>Cost</Th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr key={r.id} className={`border-t border-zinc-100 ${r.id === selected?.id ? "bg-emerald-50/60" : ""}`}>
                  <Td>
                    <Link href={`/evaluations?run=${r.id}`} aria-current={r.id === selected?.id ? "true" : undefined} className="text-zinc-900 hover:text-emerald-800 hover:underline">
                      #{r.id} {r.title}
                    </Link>
                    <div className="text-xs text-zinc-500">{r.status}</div>
                  </Td>
                  <Td className="text-xs">{r.mode === "pass_rate" ? "Pass rate" : "Win rate"}</Td>
                  <Td numeric>
                    {formatCount(r.progressDone)} / {formatCount(r.progressTotal)}
                  </Td>
                  <Td numeric>{formatUsd(r.costUsd)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          {selected && (
            <div className="space-y-2">
              <h2 className="text-sm font-semibold">
                <Link href={`/runs/${selected.id}`} className="hover:underline">
                  Run #{selected.id} · {selected.title}
                </Link>
              </h2>
              <EvaluationReportView runId={selected.id} live={selected.status === "queued" || selected.status === "running"} />
            </div>
          )}
        </div>
      )}
    </>
  );
}
