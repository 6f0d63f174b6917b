// The text an API is retrieved by, in the shape of ToolBench's retriever corpus:
// "<category>, <tool>, <api>, <api_description>, required_params: [...], optional_params: [...], return_schema: {...}".

export interface RetrievalApi {
  category: string;
  tool: string;
  toolDescription: string;
  name: string;
  description: string;
  requiredParameters: unknown;
  optionalParameters: unknown;
  responseSchema: unknown;
}

const json = (v: unknown) => (v === null || v === undefined ? "" : typeof v === "string" ? v : JSON.stringify(v));

export function apiDocument(api: RetrievalApi): string {
  return [
    api.category,
    api.tool,
    api.toolDescription,
    api.name,
    api.description,
    `required_params: ${json(api.requiredParameters)}`,
    `optional_params: ${json(api.optionalParameters)}`,
    `return_schema: ${json(api.responseSchema).slice(0, 2000)}`,
  ].join(", ");
}
