import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "../_components/page-header";
import { LoadingRows } from "../_components/query-status";
import { gatePage } from "../_lib/page-gate";
import { TreesBrowser } from "./_list/trees-browser";

export const metadata: Metadata = { title: "Trees" };

export default async function TreesPage() {
  const gate = await gatePage();
  if (gate.denied) return gate.denied;
  return (
    <div>
      <PageHeader
        title="Trees"
        description="Every solution tree, filtered and sorted on the server. Filters live in the URL: copy it to share this view, or save it under a name."
      />
      <Suspense fallback={<LoadingRows label="Loading trees" />}>
        <TreesBrowser />
      </Suspense>
    </div>
  );
}
