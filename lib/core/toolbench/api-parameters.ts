// An API's parameters as stored ([{name, type, description, default}] exactly as ToolBench writes
// them), read defensively for display: older or hand-made catalogs omit fields.

export interface ApiParameterView {
  name: string;
  type: string;
  description: string;
  required: boolean;
  /** ToolBench's `default`, which usually holds an example value; null when there is none. */
  example: string | null;
}

function showValue(v: unknown): string | null {
  if (v === undefined || v === null || v === "") return null;
  return typeof v === "string" ? v : JSON.stringify(v);
}

export function readApiParameters(value: unknown, required: boolean): ApiParameterView[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((p) => {
    if (typeof p !== "object" || p === null) return [];
    const o = p as Record<string, unknown>;
    if (typeof o.name !== "string") return [];
    return [
      {
        name: o.name,
        type: typeof o.type === "string" && o.type !== "" ? o.type : "STRING",
        description: typeof o.description === "string" ? o.description : "",
        required,
        example: showValue(o.default),
      },
    ];
  });
}
