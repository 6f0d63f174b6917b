import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { can } from "@/lib/core/auth/permissions";
import { listEvaluationRunSummaries, listImportedResults } from "@/lib/server/services/evaluation-runs";
import { EmptyState, ImportHint } from "../_components/empty-state";
import { PageHeader } from "../_components/page-header";
import { Table, Td, Th } from "../_components/table";
import { formatCount, plural } from "../_lib/format";
import { gatePage } from "../_lib/page-gate";
import { formatUsd } from "../runs/_components/run-format";
import { EvaluationReportView, ImportedResultsReportView } from "./_components/evaluation-report";

export const metadata: Metadata = { title: "Evaluations" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ run?: string; imported?: string; kind?: string }> };

const importedHref = (kind: string, model: string) => `/evaluations?${new URLSearchParams({ imported: model, kind })}`;

/** A row of the lists on the left: a link that shows its report (highlighted while shown), a note, the measure, then its figures. */
function ReportChoice(props: { href: string; current: boolean; title: string; note: string; mode: "pass_rate" | "preference"; children: ReactNode }) {
  return (
    <tr className={`border-t border-zinc-100 ${props.current ? "bg-emerald-50/60" : ""}`}>
      <Td>
        <Link href={props.href} aria-current={props.current ? "true" : undefined} className="text-zinc-900 hover:text-emerald-800 hover:underline">
          {props.title}
        </Link>
        <div className="text-xs text-zinc-500">{props.note}</div>
      </Td>
      <Td className="text-xs">{props.mode === "pass_rate" ? "Pass rate" : "Win rate"}</Td>
      {props.children}
    </tr>
  );
}

export default async function EvaluationsPage({ searchParams }: Props) {
  const gate = await gatePage("read");
  if (gate.denied) return gate.denied;
  const [runs, imported] = await Promise.all([listEvaluationRunSummaries(100), listImportedResults()]);
  const params = await searchParams;
  // the imported results named in the URL, else the run it names, else the newest run (or imported results)
  const selectedImport = imported.find((s) => s.model === params.imported && s.kind === params.kind);
  const wanted = Number(params.run);
  const selectedRun = selectedImport ? undefined : (runs.find((r) => r.id === wanted) ?? runs[0]);
  const shownImport = selectedImport ?? (selectedRun ? undefined : imported[0]);
  return (
    <>
      <PageHeader
        title="Evaluations"
        description="ToolEval on Arbor's trees: the pass rate (several judgements per tree, decided by majority, with StableToolBench's score) and the win rate of one run, method or model against another; and the reports of ToolEval result files you import."
        actions={
          can(gate.user.role, "run") && (
            <Link href="/evaluations/new" className="rounded-md bg-emerald-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-emerald-800">
              Evaluate
            </Link>
          )
        }
      />
      {runs.length === 0 && imported.length === 0 ? (
        <EmptyState title="No evaluation yet">
          <p>Judge the trees of a solve run (or imported ones), or compare two runs, methods or models.</p>
          <ImportHint what="ToolEval's pass-rate or preference result files (after the answers they judged)" />
        </EmptyState>
      ) : (
        <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
          <div className="space-y-6">
            {runs.length > 0 && (
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
                    <ReportChoice key={r.id} href={`/evaluations?run=${r.id}`} current={r.id === selectedRun?.id} title={`#${r.id} ${r.title}`} note={r.status} mode={r.mode}>
                      <Td numeric>
                        {formatCount(r.progressDone)} / {formatCount(r.progressTotal)}
                      </Td>
                      <Td numeric>{formatUsd(r.costUsd)}</Td>
                    </ReportChoice>
                  ))}
                </tbody>
              </Table>
            )}
            {imported.length > 0 && (
              <Table caption="Imported results (ToolEval result files), newest first">
                <thead>
                  <tr>
                    <Th>Results</Th>
                    <Th>Measure</Th>
                    <Th numeric>Labels</Th>
                  </tr>
                </thead>
                <tbody>
                  {imported.map((s) => (
                    <ReportChoice
                      key={`${s.kind} ${s.model}`}
                      href={importedHref(s.kind, s.model)}
                      current={s.kind === shownImport?.kind && s.model === shownImport.model}
                      title={s.model}
                      note={`from ${plural(s.files, "file")}`}
                      mode={s.kind}
                    >
                      <Td numeric>{formatCount(s.labels)}</Td>
                    </ReportChoice>
                  ))}
                </tbody>
              </Table>
            )}
          </div>
          {selectedRun && (
            <div className="space-y-2">
              <h2 className="text-sm font-semibold">
                <Link href={`/runs/${selectedRun.id}`} className="hover:underline">
                  Run #{selectedRun.id} · {selectedRun.title}
                </Link>
              </h2>
              <EvaluationReportView runId={selectedRun.id} live={selectedRun.status === "queued" || selectedRun.status === "running"} />
            </div>
          )}
          {shownImport && (
            <div className="space-y-2">
              <h2 className="text-sm font-semibold">{shownImport.model}</h2>
              <ImportedResultsReportView kind={shownImport.kind} model={shownImport.model} />
            </div>
          )}
        </div>
      )}
    </>
  );
}
