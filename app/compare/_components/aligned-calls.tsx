// The two paths' calls aligned step by step: the same call on both, a different call at the same
// place, or a call only one path makes.
import Link from "next/link";
import type { AlignedRow, AlignmentSummary } from "@/lib/core/compare/align";
import type { ComparedCall } from "@/lib/core/compare/path-calls";
import { checksOf } from "@/lib/core/checks/definitions";
import { Badge, ObservationCodeBadge } from "../../_components/badge";
import { treeHref } from "../../trees/_lib/links";

const oneLine = (s: string, max: number) => {
  const flat = s.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

const KIND_TEXT: Record<AlignedRow<ComparedCall>["kind"], string> = { same: "same call", different: "different call", only_a: "only in A", only_b: "only in B" };
const KIND_STYLE: Record<AlignedRow<ComparedCall>["kind"], string> = {
  same: "bg-white",
  different: "bg-amber-50/60",
  only_a: "bg-sky-50/60",
  only_b: "bg-violet-50/60",
};
const KIND_TONE = { same: "emerald", different: "amber", only_a: "sky", only_b: "violet" } as const;

function CallCell({ call, treeId }: { call: ComparedCall | undefined; treeId: number }) {
  if (!call) return <td className="px-3 py-2 text-xs text-zinc-400">—</td>;
  const checks = checksOf(call.checks);
  return (
    <td className="px-3 py-2 align-top">
      <div className="flex flex-wrap items-center gap-1.5">
        <span className="text-[11px] tabular-nums text-zinc-500">{call.step}.</span>
        <Link href={treeHref(treeId, call.nodeIdx)} className="break-all font-mono text-xs font-semibold text-zinc-900 hover:text-emerald-800 hover:underline">
          {call.functionName}
        </Link>
        {call.observationCode !== null && call.observationCode !== 0 && <ObservationCodeBadge code={call.observationCode} />}
        {checks.map((c) => (
          <Badge key={c.key} tone="amber" title={c.meaning}>
            ⚠ {c.label}
          </Badge>
        ))}
      </div>
      <p className="mt-0.5 break-all font-mono text-[11px] text-zinc-600" title={call.arguments}>
        {oneLine(call.arguments || "{}", 160)}
      </p>
      {call.thought && <p className="mt-0.5 line-clamp-2 text-[11px] italic text-zinc-500">{call.thought}</p>}
      {call.observation && (
        <details className="mt-0.5 text-[11px] text-zinc-500">
          <summary className="cursor-pointer">Observation</summary>
          <p className="whitespace-pre-wrap break-all font-mono">{call.observation}</p>
        </details>
      )}
    </td>
  );
}

export function AlignmentSummaryLine({ summary }: { summary: AlignmentSummary }) {
  return (
    <p aria-label="Alignment summary" className="flex flex-wrap gap-2 text-xs">
      <Badge tone="emerald">{summary.same} same</Badge>
      <Badge tone="amber">{summary.different} different</Badge>
      <Badge tone="sky">{summary.onlyA} only in A</Badge>
      <Badge tone="violet">{summary.onlyB} only in B</Badge>
    </p>
  );
}

export function AlignedCalls({ rows, aId, bId }: { rows: AlignedRow<ComparedCall>[]; aId: number; bId: number }) {
  if (rows.length === 0) return <p className="text-sm text-zinc-500">Neither path makes a call.</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200">
      <table aria-label="Aligned calls" className="w-full table-fixed text-left">
        <thead className="bg-zinc-50 text-xs uppercase tracking-wide text-zinc-500">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Tree A #{aId}
            </th>
            <th scope="col" className="w-32 px-3 py-2 text-center font-medium">
              Match
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Tree B #{bId}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} data-kind={r.kind} className={`border-t border-zinc-100 ${KIND_STYLE[r.kind]}`}>
              <CallCell call={"a" in r ? r.a : undefined} treeId={aId} />
              <td className="px-3 py-2 text-center align-top">
                <Badge tone={KIND_TONE[r.kind]}>{KIND_TEXT[r.kind]}</Badge>
              </td>
              <CallCell call={"b" in r ? r.b : undefined} treeId={bId} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
