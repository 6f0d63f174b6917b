import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { getCategoryPage } from "@/lib/server/services/catalog";
import { EmptyState, ImportHint } from "../../_components/empty-state";
import { PageHeader } from "../../_components/page-header";
import { Table, Td, Th } from "../../_components/table";
import { formatCount, plural } from "../../_lib/format";
import { decodeSegment, instructionsHref, toolHref } from "../../_lib/links";
import { InstructionCountLink } from "../_components/catalog-links";
import { orNotFound } from "../../_lib/or-not-found";
import { gatePage, gatedMetadata } from "../../_lib/page-gate";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ category: string }> };

const load = cache((category: string) => orNotFound(getCategoryPage(category)));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return gatedMetadata(async () => {
    const { category } = await load(decodeSegment((await params).category));
    return { title: `${category.name} · Catalog` };
  });
}

export default async function CategoryPage({ params }: Props) {
  const gate = await gatePage();
  if (gate.denied) return gate.denied;
  const { category, tools } = await load(decodeSegment((await params).category));
  return (
    <div>
      <PageHeader
        title={category.name}
        crumbs={[{ label: "Catalog", href: "/catalog" }, { label: category.name }]}
        description={
          <>
            {plural(category.toolCount, "tool")} · {plural(category.apiCount, "API")} ·{" "}
            <Link href={instructionsHref({ category: category.standardizedName })} className="text-emerald-800 hover:underline">
              instructions over this category
            </Link>
            {category.description && <p className="mt-1">{category.description}</p>}
          </>
        }
      />
      {tools.length === 0 ? (
        <EmptyState title="No tools in this category yet">
          <ImportHint what="this category's tool documentation" />
        </EmptyState>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>Tool</Th>
              <Th>Description</Th>
              <Th numeric>APIs</Th>
              <Th numeric>Instructions</Th>
            </tr>
          </thead>
          <tbody>
            {tools.map((t) => (
              <tr key={t.id} className="border-t border-zinc-100 hover:bg-zinc-50">
                <Td className="whitespace-nowrap">
                  <Link href={toolHref(category.standardizedName, t.standardizedName)} className="font-medium text-emerald-800 hover:underline">
                    {t.name}
                  </Link>
                  {t.host && <div className="font-mono text-xs text-zinc-500">{t.host}</div>}
                </Td>
                <Td className="max-w-2xl text-zinc-600">
                  <span className="line-clamp-2">{t.description || <span className="text-zinc-400">No description</span>}</span>
                </Td>
                <Td numeric>{formatCount(t.apiCount)}</Td>
                <Td numeric>
                  <InstructionCountLink count={t.instructionCount} filter={{ tool: t.id }} label={`using ${t.name}`} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
