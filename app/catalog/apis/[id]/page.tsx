import type { Metadata } from "next";
import Link from "next/link";
import { cache, type ReactNode } from "react";
import { isEmptyJsonValue } from "@/lib/core/format/json-text";
import { getApiDetail } from "@/lib/server/services/catalog";
import { Badge } from "../../../_components/badge";
import { JsonBlock } from "../../../_components/json-block";
import { PageHeader } from "../../../_components/page-header";
import { plural } from "../../../_lib/format";
import { categoryHref, instructionsHref, toolHref } from "../../../_lib/links";
import { idOrNotFound, orNotFound } from "../../../_lib/or-not-found";
import { ParameterTable } from "../../_components/parameter-table";
import { gatePage, gatedMetadata } from "../../../_lib/page-gate";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

const load = cache((id: number) => orNotFound(getApiDetail(id)));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return gatedMetadata(async () => {
    const api = await load(idOrNotFound((await params).id));
    return { title: `${api.name} · ${api.tool.name}` };
  });
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="mt-6" aria-label={title}>
      <h2 className="mb-2 text-sm font-semibold text-zinc-900">{title}</h2>
      {children}
    </section>
  );
}

export default async function ApiPage({ params }: Props) {
  const gate = await gatePage();
  if (gate.denied) return gate.denied;
  const api = await load(idOrNotFound((await params).id));
  return (
    <div>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            <Badge mono>{api.method}</Badge>
            <span className="break-all">{api.name}</span>
          </span>
        }
        crumbs={[
          { label: "Catalog", href: "/catalog" },
          { label: api.category.name, href: categoryHref(api.category.standardizedName) },
          { label: api.tool.name, href: toolHref(api.category.standardizedName, api.tool.standardizedName) },
          { label: api.name },
        ]}
        description={api.description.trim() ? <p className="max-w-3xl whitespace-pre-line">{api.description}</p> : <p className="text-zinc-400">No description</p>}
      />
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="text-zinc-500">Function name</dt>
        <dd className="break-all font-mono text-xs leading-5">{api.functionName}</dd>
        <dt className="text-zinc-500">URL</dt>
        <dd className="break-all font-mono text-xs leading-5">{api.url ?? <span className="text-zinc-400">not recorded</span>}</dd>
        <dt className="text-zinc-500">Tool</dt>
        <dd>
          <Link href={toolHref(api.category.standardizedName, api.tool.standardizedName)} className="text-emerald-800 hover:underline">
            {api.tool.name}
          </Link>
          {api.tool.host && <span className="ml-2 font-mono text-xs text-zinc-500">{api.tool.host}</span>}
        </dd>
        <dt className="text-zinc-500">Used by</dt>
        <dd>
          {plural(api.instructionCount, "instruction")} ·{" "}
          <Link href={instructionsHref({ tool: api.tool.id })} className="text-emerald-800 hover:underline">
            instructions using {api.tool.name}
          </Link>
        </dd>
      </dl>
      <Section title="Parameters">
        <ParameterTable parameters={api.parameters} />
      </Section>
      <Section title="Example response">
        {isEmptyJsonValue(api.responseExample) ? <p className="text-sm text-zinc-500">No example response recorded.</p> : <JsonBlock value={api.responseExample} label="Example response" />}
      </Section>
      <Section title="Response schema">
        {isEmptyJsonValue(api.responseSchema) ? <p className="text-sm text-zinc-500">No response schema recorded.</p> : <JsonBlock value={api.responseSchema} label="Response schema" />}
      </Section>
    </div>
  );
}
