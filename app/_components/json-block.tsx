import { prettyJsonText, prettyJsonValue } from "@/lib/core/format/json-text";

/**
 * Monospace text for JSON or anything an API or a model produced. Always rendered as text: the
 * content is untrusted and never interpreted as HTML.
 */
export function JsonBlock({ text, value, label, maxHeight = "max-h-96" }: { text?: string; value?: unknown; label?: string; maxHeight?: string }) {
  const shown = text !== undefined ? prettyJsonText(text).text : prettyJsonValue(value);
  return (
    <pre
      aria-label={label}
      className={`${maxHeight} overflow-auto whitespace-pre-wrap break-words rounded-md border border-zinc-200 bg-zinc-50 p-3 font-mono text-xs leading-relaxed text-zinc-800`}
    >
      {shown}
    </pre>
  );
}
