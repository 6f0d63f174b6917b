import { listExportRuns, listExports } from "@/lib/server/services/exports";
import { respond } from "../_lib/respond";

export const dynamic = "force-dynamic";

/** GET /api/exports — recorded snapshots (newest first) and the latest export runs. */
export async function GET() {
  return respond(async () => ({ exports: await listExports(), runs: await listExportRuns() }), "export");
}
