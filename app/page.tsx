import { OverviewDashboard } from "./_components/overview/overview-dashboard";
import { PageHeader } from "./_components/page-header";

export default function OverviewPage() {
  return (
    <div>
      <PageHeader title="Overview" description="What this workbench holds: the API catalog, the instructions generated over it, and the reasoning trees that answer them." />
      <OverviewDashboard />
    </div>
  );
}
