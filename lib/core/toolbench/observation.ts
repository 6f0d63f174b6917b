// An Action Input's observation, read for display. ToolBench stores `{"error": "...", "response": ...}`
// as JSON text whose `response` is often another string holding JSON or a Python `str(dict)`, and cuts
// long observations at 1024 characters. What reads as structure is shown as structure (marked where
// it was cut); anything else is shown as the text it is.
import { parseLiteral, readEmbedded, type LiteralNode } from "../format/literal";

export type ObservationView =
  | { kind: "empty" }
  | { kind: "text"; text: string }
  | {
      kind: "structured";
      text: string;
      node: LiteralNode;
      /** The text ends before the value does (ToolBench's truncation). */
      cut: boolean;
      /** The `error` field, when it says something. */
      error: string | null;
      /** The syntax of the outer value. */
      syntax: "json" | "python";
    };

function errorField(node: LiteralNode): string | null {
  if (node.type !== "object") return null;
  const error = node.entries.find((e) => e.key === "error")?.value;
  return error?.type === "string" && error.value.trim() !== "" ? error.value : null;
}

export function readObservation(text: string | null | undefined): ObservationView {
  if (text === null || text === undefined || text.trim() === "") return { kind: "empty" };
  const parsed = parseLiteral(text);
  // a bare word or number is text to a reader, not structure
  if (!parsed.ok || (parsed.node.type !== "object" && parsed.node.type !== "array")) return { kind: "text", text };
  const node = readEmbedded(parsed.node);
  return { kind: "structured", text, node, cut: !parsed.complete, error: errorField(node), syntax: parsed.syntax };
}
