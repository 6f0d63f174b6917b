// The edge between server actions and the services: every action runs through here, so typed errors
// become a Result the form can show, and unexpected ones are logged and answered generically.
import { unstable_rethrow } from "next/navigation";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError, UnauthenticatedError } from "@/lib/core/errors";
import { err, ok, type Result } from "@/lib/core/result";

export async function runAction<T>(name: string, fn: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await fn());
  } catch (e) {
    unstable_rethrow(e); // redirects and other Next.js control flow are not errors
    if (e instanceof InvalidInputError) return err("INVALID_INPUT", e.message);
    if (e instanceof NotFoundError) return err("NOT_FOUND", e.message);
    if (e instanceof UnauthenticatedError) return err("UNAUTHENTICATED", e.message);
    if (e instanceof ForbiddenError) return err("FORBIDDEN", e.message);
    if (e instanceof ConflictError) return err("CONFLICT", e.message);
    console.error(`[action] ${name}`, e);
    return err("INTERNAL", "Something went wrong. The server log has the details.");
  }
}

/** zod-parses an action's input, as an InvalidInputError with the reasons when it does not fit. */
export function parseInput<T>(schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, input: unknown): T {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw new InvalidInputError(r.error.issues.map((i) => (i.path.length ? `${i.path.map(String).join(".")}: ${i.message}` : i.message)).join("; "));
}
