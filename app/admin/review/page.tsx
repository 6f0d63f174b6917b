import type { Metadata } from "next";
import { listAllReasons, readReviewSettings } from "@/lib/server/services/review-settings";
import { PageHeader } from "../../_components/page-header";
import { gatePage } from "../../_lib/page-gate";
import { ReviewSettingsForm } from "./review-settings-form";

export const metadata: Metadata = { title: "Review settings" };
export const dynamic = "force-dynamic";

export default async function ReviewSettingsPage() {
  const gate = await gatePage("manage_settings");
  if (gate.denied) return gate.denied;
  const [settings, reasons] = await Promise.all([readReviewSettings(), listAllReasons()]);
  return (
    <>
      <PageHeader title="Review settings" crumbs={[{ label: "Review", href: "/review" }, { label: "Settings" }]} description="How many reviewers each tree needs, how long a queued tree is held, and the reasons reviewers pick from." />
      <ReviewSettingsForm settings={settings} reasons={reasons} />
    </>
  );
}
