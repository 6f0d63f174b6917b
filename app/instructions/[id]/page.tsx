import type { Metadata } from "next";
import Link from "next/link";
import { cache, type ReactNode } from "react";
import { getInstructionDetail, type InstructionDetail } from "@/lib/server/services/instruction-detail";
import { Badge, GroupBadge } from "../../_components/badge";
import { PageHeader } from "../../_components/page-header";
import { formatCount } from "../../_lib/format";
import { instructionsHref } from "../../_lib/links";
import { idOrNotFound, orNotFound } from "../../_lib/or-not-found";
import { CalledFunctions, InstructionApis } from "../_components/instruction-apis";
import { RecommendedApis } from "../_components/recommended-apis";
import { TreeCard } from "../_components/tree-card";
import { compareHref } from "../../compare/_components/links";
import { gatePage, gatedMetadata } from "../../_lib/page-gate";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

const load = cache((id: number) => orNotFound(getInstructionDetail(id)));

const label = (d: InstructionDetail) => `${d.instruction.group} · ${d.instruction.externalId ? `query ${d.instruction.externalId}` : `#${d.instruction.id}`}`;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return gatedMetadata(async () => {
    return { title: `Instruction ${label(await load(idOrNotFound((await params).id)))}` };
  });
}

function Section({ title, children, count }: { title: string; count?: number; children: ReactNode }) {
  return (
    <section aria-label={title} className="mt-6">
      <h2 className="mb-2 text-sm font-semibold text-zinc-900">
        {title}
        {count !== undefined && <span className="ml-1 font-normal text-zinc-500">({formatCount(count)})</span>}
      </h2>
      {children}
    </section>
  );
}

/** Links each function name to its catalog API, for the calls on the chosen paths. */
function apiIdsByFunction(d: InstructionDetail): Map<string, number> {
  const map = new Map<string, number>();
  for (const a of d.apis) if (a.catalog) map.set(a.catalog.functionName, a.catalog.apiId);
  for (const f of d.calledFunctions) if (f.catalog) map.set(f.functionName, f.catalog.apiId);
  return map;
}

export default async function InstructionPage({ params }: Props) {
  const gate = await gatePage();
  if (gate.denied) return gate.denied;
  const detail = await load(idOrNotFound((await params).id));
  const { instruction: i, trees } = detail;
  const apiIds = apiIdsByFunction(detail);
  return (
    <div>
      <PageHeader
        title={
          <span className="flex items-center gap-2">
            <GroupBadge group={i.group} />
            Instruction {i.externalId ? `query ${i.externalId}` : `#${i.id}`}
          </span>
        }
        crumbs={[{ label: "Instructions", href: "/instructions" }, { label: label(detail) }]}
      />
      <section aria-label="Query" className="rounded-lg border border-zinc-200 bg-white px-4 py-3">
        <p className="whitespace-pre-wrap break-words text-[15px] leading-relaxed text-zinc-900">{i.query}</p>
      </section>
      <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-xs text-zinc-600">
        <div className="flex gap-1">
          <dt className="text-zinc-500">Group</dt>
          <dd>
            <Link href={instructionsHref({ group: i.group })} className="hover:underline">
              {i.group}
            </Link>
          </dd>
        </div>
        <div className="flex gap-1">
          <dt className="text-zinc-500">query_id</dt>
          <dd className="font-mono">{i.externalId ?? "—"}</dd>
        </div>
        <div className="flex gap-1">
          <dt className="text-zinc-500">Origin</dt>
          <dd>{i.origin === "generated" ? <Badge tone="emerald">generated{i.generationRunId ? ` by run #${i.generationRunId}` : ""}</Badge> : "imported"}</dd>
        </div>
        {i.sourceFiles.length > 0 && (
          <div className="flex min-w-0 gap-1">
            <dt className="text-zinc-500">{i.sourceFiles.length === 1 ? "Source" : "Sources"}</dt>
            <dd className="min-w-0 break-all font-mono">
              {i.sourceFiles.map((file, n) => (
                <span key={file}>
                  {n > 0 && <span className="text-zinc-400">, </span>}
                  <Link href={instructionsHref({ source: file })} className="hover:underline">
                    {file}
                  </Link>
                </span>
              ))}
            </dd>
          </div>
        )}
        <div className="flex gap-1">
          <dt className="text-zinc-500">Arbor id</dt>
          <dd className="font-mono">{i.id}</dd>
        </div>
      </dl>
      <Section title="APIs" count={detail.apis.length}>
        <InstructionApis detail={detail} />
      </Section>
      <Section title="Recommended APIs">
        <RecommendedApis instructionId={i.id} />
      </Section>
      {detail.calledFunctions.length > 0 && (
        <Section title="Functions in answer files" count={detail.calledFunctions.length}>
          <CalledFunctions functions={detail.calledFunctions} />
        </Section>
      )}
      <Section title="Trees" count={trees.length}>
        {trees.length === 0 ? (
          <p className="rounded-md border border-dashed border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-600">
            No trees yet. Import answer files for this query (e.g. <span className="font-mono">{i.externalId ?? "<query_id>"}_ChatGPT_DFS_woFilter_w2.json</span>) to see how it was solved.
          </p>
        ) : (
          <div className="space-y-4">
            {trees.length >= 2 && (
              <Link href={compareHref(trees[0]!.id, trees[1]!.id)} className="inline-block rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm font-medium text-zinc-800 hover:bg-zinc-50">
                Compare trees side by side
              </Link>
            )}
            {trees.map((t) => (
              <TreeCard key={t.id} tree={t} apiIds={apiIds} />
            ))}
          </div>
        )}
      </Section>
    </div>
  );
}
