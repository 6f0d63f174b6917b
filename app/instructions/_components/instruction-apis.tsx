import Link from "next/link";
import type { CalledFunction, InstructionDetail } from "@/lib/server/services/instruction-detail";
import { Badge } from "../../_components/badge";
import { Table, Td, Th } from "../../_components/table";
import { apiHref, categoryHref, toolHref } from "../../_lib/links";

const ORIGIN_NOTES = { sampled: null, relevant: "relevant only", linked: "linked" } as const;

/** The APIs the instruction was generated over; relevant ones highlighted, catalog ones linked. */
export function InstructionApis({ detail }: { detail: InstructionDetail }) {
  const { apis, relevantApis } = detail;
  if (apis.length === 0) {
    return <p className="text-sm text-zinc-500">No API list was imported for this instruction (answer files do not carry one; the instruction file does).</p>;
  }
  const relevantCount = apis.filter((a) => a.relevant).length;
  return (
    <Table caption={`${apis.length} APIs · ${relevantCount} relevant${relevantApis.length === 0 ? " (no relevant APIs recorded)" : ""} · relevant rows are highlighted`}>
      <thead>
        <tr>
          <Th>Category</Th>
          <Th>Tool</Th>
          <Th>API</Th>
          <Th>Relevant</Th>
        </tr>
      </thead>
      <tbody>
        {apis.map((a, i) => {
          const c = a.catalog;
          return (
            <tr key={`${a.tool}-${a.api}-${i}`} className={`border-t border-zinc-100 ${a.relevant ? "bg-amber-50/70" : ""}`}>
              <Td className="text-zinc-600">{c ? <Link href={categoryHref(c.categoryStandardizedName)} className="hover:underline">{a.category || c.categoryName}</Link> : a.category || "—"}</Td>
              <Td>{c ? <Link href={toolHref(c.categoryStandardizedName, c.toolStandardizedName)} className="text-zinc-800 hover:underline">{a.tool}</Link> : a.tool}</Td>
              <Td>
                {c ? (
                  <Link href={apiHref(c.apiId)} className="break-all font-medium text-emerald-800 hover:underline">
                    {a.api}
                  </Link>
                ) : (
                  <span className="break-all" title="Not in the catalog">
                    {a.api} <span className="text-xs text-zinc-400">(not in catalog)</span>
                  </span>
                )}
                {c && <div className="break-all font-mono text-xs text-zinc-500">{c.functionName}</div>}
              </Td>
              <Td className="whitespace-nowrap">
                {a.relevant ? <Badge tone="amber">relevant</Badge> : <span className="text-xs text-zinc-400">—</span>}
                {ORIGIN_NOTES[a.origin] && <span className="ml-2 text-xs text-zinc-500">{ORIGIN_NOTES[a.origin]}</span>}
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}

/** Functions an answer file offered or called, linked to the catalog API of the same function name. */
export function CalledFunctions({ functions }: { functions: CalledFunction[] }) {
  return (
    <ul className="flex flex-wrap gap-2">
      {functions.map((f) => (
        <li key={f.functionName}>
          {f.catalog ? (
            <Link href={apiHref(f.catalog.apiId)} className="inline-block rounded-md border border-zinc-200 bg-white px-2 py-1 font-mono text-xs text-emerald-800 hover:border-emerald-300 hover:underline" title={`${f.catalog.toolName} › ${f.catalog.apiName}`}>
              {f.functionName}
            </Link>
          ) : (
            <span className="inline-block rounded-md border border-dashed border-zinc-300 px-2 py-1 font-mono text-xs text-zinc-600" title="No catalog API has this function name">
              {f.functionName}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
