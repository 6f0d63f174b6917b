import type { Metadata } from "next";
import { can } from "@/lib/core/auth/permissions";
import { getRun } from "@/lib/server/services/runs";
import { PageHeader } from "../../_components/page-header";
import { idOrNotFound, orNotFound } from "../../_lib/or-not-found";
import { gatePage, gatedMetadata } from "../../_lib/page-gate";
import { RunDetail } from "../_components/run-detail";
import { KIND_LABELS } from "../_components/run-format";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return gatedMetadata(async () => ({ title: `Run #${idOrNotFound((await params).id)}` }));
}

export default async function RunPage({ params }: Props) {
  const gate = await gatePage("read");
  if (gate.denied) return gate.denied;
  const run = await orNotFound(getRun(idOrNotFound((await params).id)));
  return (
    <>
      <PageHeader
        title={
          <>
            Run #{run.id} · {run.title}
          </>
        }
        crumbs={[{ label: "Runs", href: "/runs" }, { label: `${KIND_LABELS[run.kind] ?? run.kind} run #${run.id}` }]}
      />
      <RunDetail runId={run.id} canRun={can(gate.user.role, "run")} />
    </>
  );
}
