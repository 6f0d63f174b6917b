export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  return (
    <div>
      <h1 className="text-2xl font-semibold">Overview</h1>
    </div>
  );
}
