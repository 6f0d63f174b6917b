"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { catalogQueries } from "@/lib/ui/queries/catalog";
import { EmptyState, ImportHint } from "../../_components/empty-state";
import { ErrorNotice, LoadingRows } from "../../_components/query-status";
import { formatCount } from "../../_lib/format";
import { categoryHref } from "../../_lib/links";
import { InstructionCountLink } from "./catalog-links";
import { Table, Td, Th } from "../../_components/table";

export function CategoryList() {
  const { data, error, isPending, refetch } = useQuery(catalogQueries.categories());
  if (isPending) return <LoadingRows label="Loading categories" />;
  if (error) return <ErrorNotice title="The categories could not be loaded" error={error} onRetry={() => void refetch()} />;
  if (data.length === 0) {
    return (
      <EmptyState title="The catalog is empty">
        <ImportHint what="tool documentation (toolenv/tools) or instruction files, whose API lists fill the catalog," />
      </EmptyState>
    );
  }
  const tools = data.reduce((n, c) => n + c.toolCount, 0);
  const apis = data.reduce((n, c) => n + c.apiCount, 0);
  return (
    <Table caption={`${formatCount(data.length)} categories · ${formatCount(tools)} tools · ${formatCount(apis)} APIs`}>
      <thead>
        <tr>
          <Th>Category</Th>
          <Th numeric>Tools</Th>
          <Th numeric>APIs</Th>
          <Th numeric>Instructions</Th>
        </tr>
      </thead>
      <tbody>
        {data.map((c) => (
          <tr key={c.id} className="border-t border-zinc-100 hover:bg-zinc-50">
            <Td>
              <Link href={categoryHref(c.standardizedName)} className="font-medium text-emerald-800 hover:underline">
                {c.name}
              </Link>
            </Td>
            <Td numeric>{formatCount(c.toolCount)}</Td>
            <Td numeric>{formatCount(c.apiCount)}</Td>
            <Td numeric>
              <InstructionCountLink count={c.instructionCount} filter={{ category: c.standardizedName }} label={`in ${c.name}`} />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
