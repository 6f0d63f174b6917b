// What server actions return: they never throw to the client.
export type ResultError = { code: "INVALID_INPUT" | "NOT_FOUND" | "UNAUTHENTICATED" | "FORBIDDEN" | "CONFLICT" | "INTERNAL"; message: string };
export type Result<T> = { ok: true; value: T } | { ok: false; error: ResultError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = (code: ResultError["code"], message: string): Result<never> => ({ ok: false, error: { code, message } });
