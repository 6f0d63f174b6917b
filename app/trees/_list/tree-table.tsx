import Link from "next/link";
import type { TreeListFilter } from "@/lib/core/schemas/trees";
import type { TreeListRow } from "@/lib/server/services/tree-list";
import { Badge, FinishTypeBadge, GroupBadge } from "../../_components/badge";
import { Table, Td, Th } from "../../_components/table";
import { formatCount } from "../../_lib/format";
import { treeHref } from "../_lib/links";
import { PassLabelBadge } from "../../evaluations/_components/pass-label-badge";
import { METHOD_LABELS, STATUS_LABELS } from "./labels";

type SortKey = TreeListFilter["sort"];

/** A column header that says (to screen readers too) when the list is sorted by it. */
function SortableTh({ children, sortKey, filter, className, alignLeft }: { children: string; sortKey: SortKey; filter: TreeListFilter; className?: string; alignLeft?: boolean }) {
  const active = filter.sort === sortKey;
  return (
    <th
      scope="col"
      aria-sort={active ? (filter.dir === "asc" ? "ascending" : "descending") : undefined}
      className={`whitespace-nowrap bg-zinc-50 px-3 py-2 text-xs font-medium uppercase tracking-wide ${alignLeft ? "text-left" : "text-right"} ${active ? "text-emerald-800" : "text-zinc-500"} ${className ?? ""}`}
    >
      {children}
      {active && <span aria-hidden>{filter.dir === "asc" ? " ↑" : " ↓"}</span>}
    </th>
  );
}

function Count({ n, warn, label }: { n: number; warn?: boolean; label: string }) {
  return (
    <span title={`${formatCount(n)} ${label}`} className={n > 0 && warn ? "font-semibold text-rose-700" : n > 0 ? "text-zinc-800" : "text-zinc-300"}>
      {formatCount(n)}
    </span>
  );
}

export function TreeTable({ items, filter }: { items: TreeListRow[]; filter: TreeListFilter }) {
  return (
    <Table caption="Errors: hallucinated calls · API errors · give-ups (observation codes 1 · 2, 5–12 · 4). Open a tree to see its nodes.">
      <thead>
        <tr>
          <SortableTh sortKey="id" filter={filter} className="w-20" alignLeft>
            Tree
          </SortableTh>
          <Th>Query</Th>
          <Th className="w-36">Method · model</Th>
          <Th className="w-28">Finish</Th>
          <SortableTh sortKey="size" filter={filter} className="w-16">
            Nodes
          </SortableTh>
          <SortableTh sortKey="depth" filter={filter} className="w-16">
            Depth
          </SortableTh>
          <SortableTh sortKey="calls" filter={filter} className="w-16">
            LLM calls
          </SortableTh>
          <SortableTh sortKey="errors" filter={filter} className="w-28">
            Errors
          </SortableTh>
          <Th className="w-28">Review</Th>
          <Th className="w-24">Pass label</Th>
        </tr>
      </thead>
      <tbody>
        {items.map((t) => {
          const status = STATUS_LABELS[t.reviewStatus];
          return (
            <tr key={t.id} className="border-t border-zinc-100 hover:bg-zinc-50">
              <Td className="whitespace-nowrap">
                <div className="flex flex-col items-start gap-1">
                  <span className="font-mono text-xs text-zinc-600">#{t.id}</span>
                  <GroupBadge group={t.group} />
                </div>
              </Td>
              <Td>
                <Link href={treeHref(t.id)} aria-label={`Tree #${t.id}: ${t.query}`} className="line-clamp-2 text-zinc-900 hover:text-emerald-800 hover:underline">
                  {t.query}
                </Link>
                {t.finalAnswer && <p className="mt-0.5 line-clamp-1 text-xs text-zinc-500">Answer: {t.finalAnswer}</p>}
              </Td>
              <Td className="text-xs">
                <div className="text-zinc-800" title={t.methodLabel}>
                  {METHOD_LABELS[t.method]}
                </div>
                <div className="text-zinc-500">{t.model ?? "model not recorded"}</div>
              </Td>
              <Td>
                <div className="flex flex-col items-start gap-1">
                  <FinishTypeBadge finishType={t.finishType} />
                  {t.validData ? <Badge tone="emerald">valid</Badge> : <Badge tone="rose">invalid</Badge>}
                </div>
              </Td>
              <Td numeric>{formatCount(t.size)}</Td>
              <Td numeric>{formatCount(t.maxDepth)}</Td>
              <Td numeric>{formatCount(t.queryCount)}</Td>
              <Td numeric className="whitespace-nowrap">
                <Count n={t.hallucinatedCount} warn label="hallucinated calls" /> · <Count n={t.apiErrorCount} warn label="API errors" /> ·{" "}
                <Count n={t.giveUpCount} label="give-ups" />
              </Td>
              <Td>
                <Badge tone={status.tone}>{status.label}</Badge>
                {t.reviewCount > 0 && <div className="mt-1 text-xs text-zinc-500">{t.reviewCount === 1 ? "1 review" : `${formatCount(t.reviewCount)} reviews`}</div>}
              </Td>
              <Td>{t.passVerdict ? <PassLabelBadge verdict={t.passVerdict} /> : <span className="text-xs text-zinc-400">not judged</span>}</Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
