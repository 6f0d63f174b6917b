"use client";

// Evaluation reports: an evaluation run's pass rate and StableToolBench score by group, or win / tie /
// loss by group (ties reported apart, as ToolEval prints them), refreshed while the run goes on; and
// the same tables, by test set, for labels imported from ToolEval's result files.
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import type { GroupTally, PassTally } from "@/lib/core/evaluation/report";
import { evaluationQueries } from "@/lib/ui/queries/evaluations";
import { ErrorNotice, LoadingRows } from "../../_components/query-status";
import { Table, Td, Th } from "../../_components/table";
import { formatCount } from "../../_lib/format";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** A report row: its group (or test set) first, the "all" row last and in bold. */
function TallyRow({ group, allLabel, children }: { group: string; allLabel: string; children: ReactNode }) {
  return (
    <tr className={`border-t border-zinc-100 ${group === "all" ? "font-semibold" : ""}`}>
      <Td>{group === "all" ? allLabel : group}</Td>
      {children}
    </tr>
  );
}

function PassRateTable({ groups, caption, groupHeading, allLabel }: { groups: PassTally[]; caption: string; groupHeading: string; allLabel: string }) {
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>{groupHeading}</Th>
          <Th numeric>Trees</Th>
          <Th numeric>Passed</Th>
          <Th numeric>Pass rate</Th>
          <Th numeric>Score</Th>
          <Th numeric>Solved · Unsure · Unsolved</Th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <TallyRow key={g.group} group={g.group} allLabel={allLabel}>
            <Td numeric>{formatCount(g.trees)}</Td>
            <Td numeric>{formatCount(g.passed)}</Td>
            <Td numeric>{pct(g.passRate)}</Td>
            <Td numeric>{g.meanScore.toFixed(3)}</Td>
            <Td numeric>
              {formatCount(g.solved)} · {formatCount(g.unsure)} · {formatCount(g.unsolved)}
            </Td>
          </TallyRow>
        ))}
      </tbody>
    </Table>
  );
}

function WinRateTable({ groups, caption, groupHeading, allLabel }: { groups: GroupTally[]; caption: string; groupHeading: string; allLabel: string }) {
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>{groupHeading}</Th>
          <Th numeric>Pairs</Th>
          <Th numeric>Win</Th>
          <Th numeric>Tie</Th>
          <Th numeric>Loss</Th>
          <Th numeric>Win rate</Th>
          <Th numeric>Tie rate</Th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <TallyRow key={g.group} group={g.group} allLabel={allLabel}>
            <Td numeric>{formatCount(g.total)}</Td>
            <Td numeric>{formatCount(g.win)}</Td>
            <Td numeric>{formatCount(g.tie)}</Td>
            <Td numeric>{formatCount(g.loss)}</Td>
            <Td numeric>{pct(g.winRate)}</Td>
            <Td numeric>{pct(g.tieRate)}</Td>
          </TallyRow>
        ))}
      </tbody>
    </Table>
  );
}

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
        <PassRateTable groups={r.groups} caption="Pass rate by instruction group" groupHeading="Group" allLabel="All groups" />
      </section>
    );
  }
  return (
    <section aria-label="Win rate report" className="space-y-2">
      <p className="text-sm text-zinc-600">
        Candidate <strong>{r.candidate}</strong> against reference <strong>{r.reference}</strong>, {r.rounds} rounds per pair alternating which answer is shown first.
      </p>
      <WinRateTable groups={r.groups} caption="Win / tie / loss of the candidate by instruction group" groupHeading="Group" allLabel="All groups" />
    </section>
  );
}

export function ImportedResultsReportView({ kind, model }: { kind: "pass_rate" | "preference"; model: string }) {
  const query = useQuery(evaluationQueries.imported(kind, model));
  if (query.isPending) return <LoadingRows label="Loading the report" rows={3} />;
  if (query.isError) return <ErrorNotice title={`Could not load the report of ${model}`} error={query.error} onRetry={() => void query.refetch()} />;
  const r = query.data;
  if (r.kind === "pass_rate") {
    return (
      <section aria-label="Imported pass rate report" className="space-y-2">
        <p className="text-sm text-zinc-600">
          Each query&apos;s votes as the result files recorded them: it passes when no more of them failed than passed. Score: StableToolBench&apos;s, from the judge&apos;s
          answer statuses (Solved 1, Unsure 0.5, Unsolved 0).
        </p>
        <PassRateTable groups={r.groups} caption="Pass rate by test set" groupHeading="Test set" allLabel="All test sets" />
      </section>
    );
  }
  return (
    <section aria-label="Imported win rate report" className="space-y-2">
      <p className="text-sm text-zinc-600">Each query&apos;s points as the result files recorded them: more points than the reference is a win, as many a tie.</p>
      <WinRateTable groups={r.groups} caption="Win / tie / loss of the candidate by test set" groupHeading="Test set" allLabel="All test sets" />
    </section>
  );
}
