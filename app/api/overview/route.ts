import { getOverview } from "@/lib/server/services/overview";
import { respond } from "../_lib/respond";

export const dynamic = "force-dynamic";

export async function GET() {
  return respond(() => getOverview());
}
