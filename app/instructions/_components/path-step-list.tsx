import Link from "next/link";
import { prettyJsonText } from "@/lib/core/format/json-text";
import { parseFinishArguments } from "@/lib/core/toolbench/finish";
import type { PathStep } from "@/lib/core/toolbench/path-steps";
import { describeObservationCode } from "@/lib/core/toolbench/status-codes";
import { Badge, ObservationCodeBadge } from "../../_components/badge";
import { JsonBlock } from "../../_components/json-block";
import { apiHref } from "../../_lib/links";

function Observation({ step }: { step: PathStep }) {
  if (step.observation === undefined && step.observationCode === undefined) return null;
  const info = step.observationCode !== undefined ? describeObservationCode(step.observationCode) : undefined;
  const size = step.observation?.length ?? 0;
  return (
    <details className="group mt-2 rounded-md border border-zinc-200 bg-white">
      <summary className="flex cursor-pointer list-none flex-wrap items-center gap-2 px-3 py-1.5 text-xs text-zinc-600 hover:bg-zinc-50">
        <span aria-hidden className="inline-block transition-transform group-open:rotate-90">▸</span>
        <span className="font-medium text-zinc-800">Observation</span>
        {step.observationCode !== undefined && <ObservationCodeBadge code={step.observationCode} />}
        <span className="text-zinc-400">{size > 0 ? `${size.toLocaleString("en-US")} characters` : "empty"}</span>
      </summary>
      <div className="border-t border-zinc-200 px-3 py-2">
        {info && (
          <p className="mb-2 text-xs text-zinc-600">
            Status {info.code}: {info.meaning}
          </p>
        )}
        {size > 0 ? <JsonBlock text={step.observation} label="Observation" /> : <p className="text-xs text-zinc-400">No observation text.</p>}
      </div>
    </details>
  );
}

function FinishCall({ step }: { step: PathStep }) {
  const args = parseFinishArguments(step.arguments ?? "");
  return (
    <div className="mt-1 space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-mono text-sm font-semibold text-zinc-900">Finish</span>
        {args.returnType && <Badge tone={args.returnType === "give_answer" ? "emerald" : "amber"}>{args.returnType}</Badge>}
      </div>
      {args.finalAnswer !== undefined && <p className="whitespace-pre-wrap rounded-md border border-emerald-200 bg-emerald-50/50 px-3 py-2 text-sm text-zinc-800">{args.finalAnswer}</p>}
      <details className="text-xs text-zinc-500">
        <summary className="cursor-pointer">Arguments as written</summary>
        <JsonBlock text={step.arguments ?? ""} label="Finish arguments" />
      </details>
    </div>
  );
}

function Call({ step, apiIds }: { step: PathStep; apiIds: ReadonlyMap<string, number> }) {
  if (step.functionName === "Finish") return <FinishCall step={step} />;
  const apiId = step.functionName ? apiIds.get(step.functionName) : undefined;
  const args = step.arguments !== undefined ? prettyJsonText(step.arguments) : undefined;
  return (
    <div className="mt-1">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-xs uppercase tracking-wide text-zinc-500">Call</span>
        {step.functionName ? (
          apiId !== undefined ? (
            <Link href={apiHref(apiId)} className="break-all font-mono text-sm font-semibold text-emerald-800 hover:underline">
              {step.functionName}
            </Link>
          ) : (
            <span className="break-all font-mono text-sm font-semibold text-zinc-900">{step.functionName}</span>
          )
        ) : (
          <span className="text-sm text-zinc-400">no function name</span>
        )}
      </div>
      {args && args.text.trim() !== "" && (
        <div className="mt-1">
          <JsonBlock text={step.arguments} label={`Arguments of ${step.functionName ?? "the call"}`} maxHeight="max-h-64" />
        </div>
      )}
    </div>
  );
}

/** A chosen path as numbered steps: thought, call with pretty-printed arguments, observation. */
export function PathStepList({ steps, apiIds }: { steps: PathStep[]; apiIds: ReadonlyMap<string, number> }) {
  return (
    <ol aria-label="Chosen path" className="space-y-3">
      {steps.map((step, i) => (
        <li key={step.nodeIdxs.join("-")} className="flex gap-3">
          <span aria-hidden className="mt-0.5 flex h-6 w-6 shrink-0 items-center justify-center rounded-full bg-zinc-100 text-xs font-semibold tabular-nums text-zinc-600">
            {i + 1}
          </span>
          <div className="min-w-0 flex-1 rounded-md border border-zinc-200 bg-zinc-50/40 p-3">
            <span className="sr-only">Step {i + 1}. </span>
            {step.thought !== undefined && step.thought.trim() !== "" && (
              <div>
                <span className="text-xs uppercase tracking-wide text-zinc-500">Thought</span>
                <p className="mt-0.5 whitespace-pre-wrap break-words text-sm text-zinc-800">{step.thought}</p>
              </div>
            )}
            {(step.functionName !== undefined || step.arguments !== undefined) && <Call step={step} apiIds={apiIds} />}
            {step.functionName !== "Finish" && <Observation step={step} />}
            <p className="mt-2 text-[11px] text-zinc-400">nodes {step.nodeIdxs.join(", ")}</p>
          </div>
        </li>
      ))}
    </ol>
  );
}
