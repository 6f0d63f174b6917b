import type { Metadata } from "next";
import { listActiveReasons } from "@/lib/server/services/review-settings";
import { PageHeader } from "../../_components/page-header";
import { gatePage } from "../../_lib/page-gate";
import { BulkReview } from "./bulk-review";

export const metadata: Metadata = { title: "Bulk verdicts" };
export const dynamic = "force-dynamic";

export default async function BulkReviewPage() {
  const gate = await gatePage("bulk_review");
  if (gate.denied) return gate.denied;
  const reasons = await listActiveReasons();
  return (
    <>
      <PageHeader
        title="Bulk verdicts"
        crumbs={[{ label: "Review", href: "/review" }, { label: "Bulk verdicts" }]}
        description="One verdict for every tree of a filter (e.g. approve every valid G1 tree without errors). You confirm the count first; each bulk action is recorded and can be undone as a whole."
      />
      <BulkReview reasons={reasons.map((r) => r.label)} />
    </>
  );
}
