import type { Metadata } from "next";
import Link from "next/link";
import { cache, Suspense } from "react";
import { getTreeHeading, type TreeHeading } from "@/lib/server/services/trees";
import { PageHeader } from "../../_components/page-header";
import { LoadingRows } from "../../_components/query-status";
import { instructionHref } from "../../_lib/links";
import { idOrNotFound, orNotFound } from "../../_lib/or-not-found";
import { gatePage, gatedMetadata } from "../../_lib/page-gate";
import { compareHref } from "../../compare/_components/links";
import { ReviewPanelFromUrl } from "../../review/_components/review-panel-from-url";
import { TreeWorkspace } from "../_components/tree-workspace";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

// the heading only: the tree itself is read by the page in the browser (GET /api/trees/[id])
const load = cache((id: number) => orNotFound(getTreeHeading(id)));

const instructionLabel = (h: TreeHeading) => `${h.instructionGroup} · ${h.instructionExternalId ? `query ${h.instructionExternalId}` : `#${h.instructionId}`}`;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return gatedMetadata(async () => {
    const h = await load(idOrNotFound((await params).id));
    return { title: `Tree #${h.id} · ${instructionLabel(h)}` };
  });
}

export default async function TreePage({ params }: Props) {
  const gate = await gatePage();
  if (gate.denied) return gate.denied;
  const heading = await load(idOrNotFound((await params).id));
  return (
    <div>
      <PageHeader
        title={
          <>
            Tree #{heading.id} · <span className="font-mono">{heading.methodLabel}</span>
          </>
        }
        crumbs={[{ label: "Instructions", href: "/instructions" }, { label: instructionLabel(heading), href: instructionHref(heading.instructionId) }, { label: `Tree #${heading.id}` }]}
        actions={
          heading.instructionTreeCount >= 2 ? (
            <Link href={compareHref(heading.id)} className="rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm font-medium text-zinc-800 hover:bg-zinc-50">
              Compare with another tree
            </Link>
          ) : undefined
        }
      />
      <Suspense fallback={<LoadingRows label="Loading the tree" rows={8} />}>
        {/* the review panel follows the node selected in the viewer (?node=) */}
        <TreeWorkspace treeId={heading.id} reviewPanel={<ReviewPanelFromUrl treeId={heading.id} />} />
      </Suspense>
    </div>
  );
}
