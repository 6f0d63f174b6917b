import { listCategories } from "@/lib/server/services/catalog";
import { respond } from "../../_lib/respond";

export const dynamic = "force-dynamic";

export async function GET() {
  return respond(() => listCategories());
}
