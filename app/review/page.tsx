import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/lib/core/auth/permissions";
import { PageHeader } from "../_components/page-header";
import { gatePage } from "../_lib/page-gate";
import { ReviewDashboardView } from "./_components/review-dashboard";
import { StartQueue } from "./_components/start-queue";

export const metadata: Metadata = { title: "Review" };
export const dynamic = "force-dynamic";

export default async function ReviewPage() {
  const gate = await gatePage();
  if (gate.denied) return gate.denied;
  const role = gate.user.role;
  return (
    <>
      <PageHeader
        title="Review"
        description="Go through trees one after another from the keyboard, or review a filtered set at once. The dashboard follows progress and agreement."
        actions={
          <>
            {can(role, "bulk_review") && (
              <Link href="/review/bulk" className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm hover:bg-zinc-50">
                Bulk verdicts
              </Link>
            )}
            {can(role, "manage_settings") && (
              <Link href="/admin/review" className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm hover:bg-zinc-50">
                Review settings
              </Link>
            )}
          </>
        }
      />
      {can(role, "review") && <StartQueue />}
      <ReviewDashboardView />
    </>
  );
}
