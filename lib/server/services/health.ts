import { pingDatabase } from "../repositories/health";

export async function checkDatabase(): Promise<{ ok: true } | { ok: false; error: string }> {
  try {
    await pingDatabase();
    return { ok: true };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message.split("\n")[0]! : "unreachable" };
  }
}
