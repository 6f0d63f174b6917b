import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/core/errors";

/** For server pages: a service's NotFoundError becomes Next's 404 page. */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
}

/** A path segment that must be a positive id; anything else is a 404, not a crash. */
export function idOrNotFound(raw: string): number {
  if (!/^[1-9][0-9]{0,9}$/.test(raw) || Number(raw) > 2_147_483_647) notFound();
  return Number(raw);
}
