"use client";

// A call's observation: its status code explained, the `error` field when set, and the observation
// as a collapsible structure when it reads as JSON or a Python literal (plain text otherwise), with
// the text exactly as stored one click away.
import { useMemo } from "react";
import { readObservation } from "@/lib/core/toolbench/observation";
import { describeObservationCode } from "@/lib/core/toolbench/status-codes";
import { ObservationCodeBadge } from "../../_components/badge";
import { JsonBlock } from "../../_components/json-block";
import { LiteralTree } from "../../_components/literal-tree";
import { formatCount } from "../../_lib/format";

export function ObservationPanel({ text, code }: { text: string | null; code: number | null }) {
  const view = useMemo(() => readObservation(text), [text]);
  const info = code === null ? null : describeObservationCode(code);
  return (
    <section aria-label="Observation" className="space-y-2">
      <h3 className="flex flex-wrap items-center gap-2 text-xs font-semibold uppercase tracking-wide text-zinc-500">
        Observation {code !== null && <ObservationCodeBadge code={code} />}
      </h3>
      {info && (
        <p className="text-xs text-zinc-700">
          Status {info.code}: {info.meaning}
        </p>
      )}
      {view.kind === "structured" && view.error && (
        <p className="break-words rounded-md bg-rose-50 px-2 py-1 text-xs text-rose-900">
          <span className="font-medium">error:</span> {view.error}
        </p>
      )}
      {view.kind === "structured" && view.cut && (
        <p className="text-xs text-amber-900">The stored observation was cut short (ToolBench keeps about 1,024 characters); it is read as far as it goes.</p>
      )}
      {view.kind === "structured" && <LiteralTree node={view.node} label="Observation structure" />}
      {view.kind === "text" && <JsonBlock text={view.text} label="Observation text" maxHeight="max-h-80" />}
      {view.kind === "empty" && <p className="text-xs text-zinc-500">No observation was recorded.</p>}
      {view.kind === "structured" && (
        <details className="text-xs text-zinc-500">
          <summary className="cursor-pointer">As stored ({formatCount(view.text.length)} characters)</summary>
          <JsonBlock text={view.text} label="Observation as stored" maxHeight="max-h-64" />
        </details>
      )}
    </section>
  );
}
