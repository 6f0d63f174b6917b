import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { getToolPage } from "@/lib/server/services/catalog";
import { EmptyState } from "../../../_components/empty-state";
import { PageHeader } from "../../../_components/page-header";
import { Table, Td, Th } from "../../../_components/table";
import { plural } from "../../../_lib/format";
import { categoryHref, decodeSegment, instructionsHref } from "../../../_lib/links";
import { ApiNameLink } from "../../_components/catalog-links";
import { orNotFound } from "../../../_lib/or-not-found";
import { gatePage, gatedMetadata } from "../../../_lib/page-gate";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ category: string; tool: string }> };

const load = cache((category: string, tool: string) => orNotFound(getToolPage(category, tool)));

async function read(params: Props["params"]) {
  const p = await params;
  return load(decodeSegment(p.category), decodeSegment(p.tool));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return gatedMetadata(async () => {
    const { tool } = await read(params);
    return { title: `${tool.name} · Catalog` };
  });
}

export default async function ToolPage({ params }: Props) {
  const gate = await gatePage();
  if (gate.denied) return gate.denied;
  const { tool, apis } = await read(params);
  return (
    <div>
      <PageHeader
        title={tool.name}
        crumbs={[{ label: "Catalog", href: "/catalog" }, { label: tool.category.name, href: categoryHref(tool.category.standardizedName) }, { label: tool.name }]}
        description={
          <>
            {tool.title && tool.title !== tool.name && <p className="font-medium text-zinc-700">{tool.title}</p>}
            {tool.description && <p className="max-w-3xl whitespace-pre-line">{tool.description}</p>}
          </>
        }
      />
      <dl className="mb-5 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="text-zinc-500">Standardized name</dt>
        <dd className="font-mono text-xs leading-5">{tool.standardizedName}</dd>
        {tool.host && (
          <>
            <dt className="text-zinc-500">Host</dt>
            <dd className="font-mono text-xs leading-5">{tool.host}</dd>
          </>
        )}
        {tool.pricing && (
          <>
            <dt className="text-zinc-500">Pricing</dt>
            <dd>{tool.pricing}</dd>
          </>
        )}
        <dt className="text-zinc-500">Instructions</dt>
        <dd>
          <Link href={instructionsHref({ tool: tool.id })} className="text-emerald-800 hover:underline">
            {plural(tool.instructionCount, "instruction")} use this tool
          </Link>
        </dd>
        {tool.sourceFile && (
          <>
            <dt className="text-zinc-500">Imported from</dt>
            <dd className="break-all font-mono text-xs leading-5">{tool.sourceFile}</dd>
          </>
        )}
      </dl>
      <h2 className="mb-2 text-sm font-semibold text-zinc-900">APIs ({apis.length})</h2>
      {apis.length === 0 ? (
        <EmptyState title="This tool has no APIs in the catalog">
          <p>Its APIs appear once a tool file or an instruction file that lists them is imported.</p>
        </EmptyState>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>API</Th>
              <Th>Function name</Th>
              <Th>Description</Th>
              <Th numeric>Parameters</Th>
            </tr>
          </thead>
          <tbody>
            {apis.map((a) => (
              <tr key={a.id} className="border-t border-zinc-100 hover:bg-zinc-50">
                <Td>
                  <ApiNameLink id={a.id} method={a.method} name={a.name} />
                </Td>
                <Td className="break-all font-mono text-xs text-zinc-600">{a.functionName}</Td>
                <Td className="max-w-xl text-zinc-600">
                  <span className="line-clamp-2">{a.description.trim() || <span className="text-zinc-400">No description</span>}</span>
                </Td>
                <Td numeric className="whitespace-nowrap text-xs text-zinc-600">
                  {a.requiredCount} required · {a.optionalCount} optional
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
