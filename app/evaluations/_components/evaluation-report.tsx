"use client";

// An evaluation run's report: pass rate and StableToolBench score by group, or win / tie / loss by
// group (ties reported apart, as ToolEval prints them). Refreshed while the run goes on.
import { useQuery } from "@tanstack/react-query";
import { evaluationQueries } from "@/lib/ui/queries/evaluations";
import { ErrorNotice, LoadingRows } from "../../_components/query-status";
import { Table, Td, Th } from "../../_components/table";
import { formatCount } from "../../_lib/format";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function EvaluationReportView({ runId, live }: { runId: number; live: boolean }) {
  const query = useQuery(evaluationQueries.report(runId, live));
  if (query.isPending) return <LoadingRows label="Loading the report" rows={3} />;
  if (query.isError) return <ErrorNotice title={`Could not load the report of run #${runId}`} error={query.error} onRetry={() => void query.refetch()} />;
  const r = query.data;
  if (r.mode === "pass_rate") {
    return (
      <section aria-label="Pass rate report" className="space-y-2">
        <p className="text-sm text-zinc-600">
          {r.judgements} judgements per tree; a tree passes when no more of them fail than pass. Score: StableToolBench&apos;s (Solved 1, Unsure 0.5, Unsolved 0).
        </p>
        <Table caption="Pass rate by instruction group">
          <thead>
            <tr>
              <Th>Group</Th>
              <Th numeric>Trees</Th>
              <Th numeric>Passed</Th>
              <Th numeric>Pass rate</Th>
              <Th numeric>Score</Th>
              <Th numeric>Solved · Unsure · Unsolved</Th>
            </tr>
          </thead>
          <tbody>
            {r.groups.map((g) => (
              <tr key={g.group} className={`border-t border-zinc-100 ${g.group === "all" ? "font-semibold" : ""}`}>
                <Td>{g.group === "all" ? "All groups" : g.group}</Td>
                <Td numeric>{formatCount(g.trees)}</Td>
                <Td numeric>{formatCount(g.passed)}</Td>
                <Td numeric>{pct(g.passRate)}</Td>
                <Td numeric>{g.meanScore.toFixed(3)}</Td>
                <Td numeric>
                  {formatCount(g.solved)} · {formatCount(g.unsure)} · {formatCount(g.unsolved)}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </section>
    );
  }
  return (
    <section aria-label="Win rate report" className="space-y-2">
      <p className="text-sm text-zinc-600">
        Candidate <strong>{r.candidate}</strong> against reference <strong>{r.reference}</strong>, {r.rounds} rounds per pair alternating which answer is shown first.
      </p>
      <Table caption="Win / tie / loss of the candidate by instruction group">
        <thead>
          <tr>
            <Th>Group</Th>
            <Th numeric>Pairs</Th>
            <Th numeric>Win</Th>
            <Th numeric>Tie</Th>
            <Th numeric>Loss</Th>
            <Th numeric>Win rate</Th>
            <Th numeric>Tie rate</Th>
          </tr>
        </thead>
        <tbody>
          {r.groups.map((g) => (
            <tr key={g.group} className={`border-t border-zinc-100 ${g.group === "all" ? "font-semibold" : ""}`}>
              <Td>{g.group === "all" ? "All groups" : g.group}</Td>
              <Td numeric>{formatCount(g.total)}</Td>
              <Td numeric>{formatCount(g.win)}</Td>
              <Td numeric>{formatCount(g.tie)}</Td>
              <Td numeric>{formatCount(g.loss)}</Td>
              <Td numeric>{pct(g.winRate)}</Td>
              <Td numeric>{pct(g.tieRate)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}
