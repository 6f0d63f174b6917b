import type { ReactNode } from "react";
import { describeObservationCode, type ObservationKind } from "@/lib/core/toolbench/status-codes";

export type Tone = "zinc" | "emerald" | "sky" | "violet" | "amber" | "rose" | "fuchsia";

const TONES: Record<Tone, string> = {
  zinc: "bg-zinc-50 text-zinc-700 ring-zinc-300",
  emerald: "bg-emerald-50 text-emerald-800 ring-emerald-600/30",
  sky: "bg-sky-50 text-sky-800 ring-sky-600/30",
  violet: "bg-violet-50 text-violet-800 ring-violet-600/30",
  amber: "bg-amber-50 text-amber-900 ring-amber-600/40",
  rose: "bg-rose-50 text-rose-800 ring-rose-600/30",
  fuchsia: "bg-fuchsia-50 text-fuchsia-800 ring-fuchsia-600/30",
};

export function Badge({ tone = "zinc", title, children, mono }: { tone?: Tone; title?: string; children: ReactNode; mono?: boolean }) {
  return (
    <span
      title={title}
      className={`inline-flex shrink-0 items-center gap-1 whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[tone]} ${mono ? "font-mono" : ""}`}
    >
      {children}
    </span>
  );
}

const GROUP_TONES: Record<string, Tone> = { G1: "sky", G2: "violet", G3: "amber" };

export function GroupBadge({ group }: { group: string }) {
  const tone = GROUP_TONES[group] ?? (group.startsWith("I") ? "emerald" : "zinc");
  return (
    <Badge tone={tone} title={`Instruction group ${group}`}>
      {group}
    </Badge>
  );
}

export function FinishTypeBadge({ finishType }: { finishType: string | null }) {
  if (finishType === "give_answer") return <Badge tone="emerald">give_answer</Badge>;
  if (finishType === "give_up") return <Badge tone="amber">give_up</Badge>;
  if (finishType === null) return <Badge title="The answer file did not say how the search ended">no finish type</Badge>;
  return <Badge>{finishType}</Badge>;
}

const KIND_TONES: Record<ObservationKind, Tone> = { ok: "emerald", final: "sky", give_up: "amber", hallucination: "fuchsia", error: "rose" };

/** An observation code with its meaning as the tooltip (and as text for screen readers). */
export function ObservationCodeBadge({ code }: { code: number }) {
  const info = describeObservationCode(code);
  return (
    <Badge tone={KIND_TONES[info.kind]} title={info.meaning}>
      <span className="font-mono">{code}</span> {info.label}
    </Badge>
  );
}
