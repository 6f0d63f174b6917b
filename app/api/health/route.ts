import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/server/services/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const db = await checkDatabase();
  return NextResponse.json({ ok: db.ok, database: db.ok ? "up" : db.error }, { status: db.ok ? 200 : 503 });
}
