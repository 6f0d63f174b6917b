"use client";

// The call a step made: the function (linked to its catalog API when there is one) and its
// arguments, pretty-printed and checked against the function's parameters; for Finish, how the
// search ended and the final answer.
import Link from "next/link";
import { useMemo } from "react";
import { checkArguments } from "@/lib/core/toolbench/argument-check";
import { parseFinishArguments } from "@/lib/core/toolbench/finish";
import { Badge } from "../../_components/badge";
import { JsonBlock } from "../../_components/json-block";
import { apiHref } from "../../_lib/links";
import { useTreeData } from "./tree-context";

function ParameterList({ params }: { params: { name: string; type: string; required: boolean }[] }) {
  if (params.length === 0) return <p className="text-xs text-zinc-500">The function takes no parameters.</p>;
  return (
    <ul className="grid grid-cols-[auto_auto_1fr] gap-x-3 font-mono text-xs">
      {params.map((p) => (
        <li key={p.name} className="contents">
          <span className="text-zinc-900">{p.name}</span>
          <span className="text-zinc-500">{p.type}</span>
          <span className="font-sans text-zinc-500">{p.required ? "required" : "optional"}</span>
        </li>
      ))}
    </ul>
  );
}

export function CallArguments({ functionName, text }: { functionName: string; text: string }) {
  const { apisByFunction, functionsByName } = useTreeData();
  const api = apisByFunction.get(functionName);
  const params = api?.parameters ?? functionsByName.get(functionName)?.parameters;
  const source = api ? `the catalog's parameters of ${api.toolName} · ${api.apiName}` : "the function definition offered to the model";
  const issues = useMemo(() => (params ? checkArguments(text, params) : null), [params, text]);
  return (
    <section aria-label="Arguments" className="space-y-2">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500">Arguments</h3>
      <JsonBlock text={text.trim() === "" ? "{}" : text} label={`Arguments of ${functionName}`} maxHeight="max-h-64" />
      {issues === null ? (
        <p className="text-xs text-zinc-500">No parameter list is known for this function, so the arguments are not checked.</p>
      ) : issues.length === 0 ? (
        <p className="text-xs text-emerald-800">✓ The arguments match {source}.</p>
      ) : (
        <div className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2">
          <ul aria-label="Argument warnings" className="list-disc space-y-0.5 pl-4 text-xs text-amber-950">
            {issues.map((issue, i) => (
              <li key={i}>{issue.message}</li>
            ))}
          </ul>
          <p className="mt-1 text-[11px] text-amber-900">Checked against {source}.</p>
        </div>
      )}
      {params && (
        <details className="text-xs text-zinc-500">
          <summary className="cursor-pointer">Parameters ({params.length})</summary>
          <div className="mt-1">
            <ParameterList params={params} />
          </div>
        </details>
      )}
    </section>
  );
}

export function CalledFunction({ functionName, code }: { functionName: string; code: number | null }) {
  const { apisByFunction, functionsByName } = useTreeData();
  const api = apisByFunction.get(functionName);
  const offered = functionName === "Finish" || functionsByName.size === 0 || functionsByName.has(functionName);
  return (
    <section aria-label="Function" className="space-y-1">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500">Function</h3>
      <p className="flex flex-wrap items-center gap-2">
        {api ? (
          <Link href={apiHref(api.apiId)} className="break-all font-mono text-sm font-semibold text-emerald-800 hover:underline">
            {functionName}
          </Link>
        ) : (
          <span className="break-all font-mono text-sm font-semibold text-zinc-900">{functionName}</span>
        )}
        {code === 1 && <Badge tone="fuchsia">hallucinated</Badge>}
        {!offered && code !== 1 && <Badge tone="amber">not offered to the model</Badge>}
      </p>
      {api ? (
        <p className="text-xs text-zinc-500">
          {api.apiName} · {api.toolName} · {api.categoryName}
          {!api.linked && " (found by function name; the instruction does not link it)"}
        </p>
      ) : (
        functionName !== "Finish" && <p className="text-xs text-zinc-500">Not in the catalog.</p>
      )}
    </section>
  );
}

export function FinishCall({ text }: { text: string }) {
  const args = parseFinishArguments(text);
  return (
    <section aria-label="Finish" className="space-y-2">
      <h3 className="flex items-center gap-2 text-xs font-semibold uppercase tracking-wide text-zinc-500">
        Finish {args.returnType && <Badge tone={args.returnType === "give_answer" ? "emerald" : "amber"}>{args.returnType}</Badge>}
      </h3>
      {args.finalAnswer !== undefined && args.finalAnswer.trim() !== "" && (
        <p className="whitespace-pre-wrap break-words rounded-md border border-emerald-200 bg-emerald-50/50 px-3 py-2 text-sm text-zinc-800">{args.finalAnswer}</p>
      )}
      <details className="text-xs text-zinc-500">
        <summary className="cursor-pointer">Arguments as written</summary>
        <JsonBlock text={text} label="Finish arguments" maxHeight="max-h-64" />
      </details>
    </section>
  );
}
