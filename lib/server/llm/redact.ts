// Keys never reach logs or error messages: anything that looks like one is masked, and so is every
// key Arbor knows of, wherever it appears (providers echo keys back in some error bodies).

const KEY_PATTERNS = [/\b(sk|rk|pk)-[A-Za-z0-9_-]{8,}/g, /\bBearer\s+[A-Za-z0-9._~+/-]{8,}=*/gi];

export function redactSecrets(text: string, secrets: readonly (string | null | undefined)[] = []): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join("****");
  for (const p of KEY_PATTERNS) out = out.replace(p, (m) => `${m.slice(0, 3)}****`);
  return out;
}

/** "set, ends in …abcd" for the Settings page: at most the last 4 characters of a key are shown. */
export function describeKey(key: string | null | undefined): { set: boolean; last4: string | null } {
  if (!key) return { set: false, last4: null };
  return { set: true, last4: key.length >= 12 ? key.slice(-4) : null };
}
