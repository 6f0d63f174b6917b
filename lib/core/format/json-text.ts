// JSON shown to people: arguments, observations, response schemas. Always returned as text to be
// rendered as text; whatever does not parse is shown exactly as stored.

/** Pretty-prints text holding a JSON object or array; anything else comes back unchanged. */
export function prettyJsonText(text: string): { text: string; isJson: boolean } {
  const trimmed = text.trim();
  if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) return { text, isJson: false };
  try {
    return { text: JSON.stringify(JSON.parse(trimmed), null, 2), isJson: true };
  } catch {
    return { text, isJson: false };
  }
}

/** Pretty-prints a stored JSON value (a Json column). */
export function prettyJsonValue(value: unknown): string {
  if (typeof value === "string") return prettyJsonText(value).text;
  return JSON.stringify(value, null, 2) ?? "";
}

/** True for values with nothing to show: null, "", [], {}. */
export function isEmptyJsonValue(value: unknown): boolean {
  if (value === null || value === undefined || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object") return Object.keys(value).length === 0;
  return false;
}
