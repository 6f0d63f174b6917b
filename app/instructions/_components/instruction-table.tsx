import Link from "next/link";
import type { InstructionListRow } from "@/lib/server/services/instructions";
import { Badge, GroupBadge } from "../../_components/badge";
import { Table, Td, Th } from "../../_components/table";
import { formatCount, shortPath } from "../../_lib/format";
import { instructionHref } from "../../_lib/links";

export function InstructionTable({ items }: { items: InstructionListRow[] }) {
  return (
    <Table>
      <thead>
        <tr>
          <Th className="w-24">Group · id</Th>
          <Th>Query</Th>
          <Th className="w-48">Categories</Th>
          <Th numeric className="w-16">APIs</Th>
          <Th numeric className="w-16">Trees</Th>
          <Th className="w-56">Source</Th>
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr key={i.id} className="border-t border-zinc-100 hover:bg-zinc-50">
            <Td className="whitespace-nowrap">
              <div className="flex items-center gap-1.5">
                <GroupBadge group={i.group} />
                <span className="font-mono text-xs text-zinc-600" title="ToolBench query_id">
                  {i.externalId ?? "—"}
                </span>
              </div>
            </Td>
            <Td>
              <Link href={instructionHref(i.id)} className="line-clamp-2 text-zinc-900 hover:text-emerald-800 hover:underline">
                {i.query}
              </Link>
            </Td>
            <Td className="text-xs text-zinc-600">
              {i.categories.length === 0 ? <span className="text-zinc-400">—</span> : i.categories.slice(0, 3).join(", ")}
              {i.categories.length > 3 && <span className="text-zinc-400"> +{i.categories.length - 3}</span>}
            </Td>
            <Td numeric className="text-zinc-700">
              {formatCount(i.sampledApiCount)}
            </Td>
            <Td numeric>{i.treeCount > 0 ? <Badge tone="sky">{formatCount(i.treeCount)}</Badge> : <span className="text-zinc-400">0</span>}</Td>
            <Td className="max-w-56 break-all font-mono text-xs text-zinc-500">
              {i.origin === "generated" && <Badge tone="emerald">generated</Badge>}{" "}
              {i.sourceFile ? <span title={i.sourceFile}>{shortPath(i.sourceFile)}</span> : null}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
