import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "../_components/page-header";
import { LoadingRows } from "../_components/query-status";
import { InstructionsBrowser } from "./_components/instructions-browser";
import { gatePage } from "../_lib/page-gate";

export const metadata: Metadata = { title: "Instructions" };

export default async function InstructionsPage() {
  const gate = await gatePage();
  if (gate.denied) return gate.denied;
  return (
    <div>
      <PageHeader title="Instructions" description="Queries generated over sampled APIs, with the trees that answer them. Filters live in the URL: copy it to share this view." />
      <Suspense fallback={<LoadingRows label="Loading instructions" />}>
        <InstructionsBrowser />
      </Suspense>
    </div>
  );
}
