import { OverviewDashboard } from "./_components/overview/overview-dashboard";
import { PageHeader } from "./_components/page-header";
import { gatePage } from "./_lib/page-gate";

export default async function OverviewPage() {
  const gate = await gatePage();
  if (gate.denied) return gate.denied;
  return (
    <div>
      <PageHeader title="Overview" description="What this workbench holds: the API catalog, the instructions generated over it, and the reasoning trees that answer them." />
      <OverviewDashboard />
    </div>
  );
}
