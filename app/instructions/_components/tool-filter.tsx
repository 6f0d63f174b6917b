"use client";

// Picking one tool out of thousands: type to search, suggestions restricted to the chosen category.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { catalogQueries } from "@/lib/ui/queries/catalog";
import { Combobox, SelectedValue } from "../../_components/combobox";
import { plural } from "../../_lib/format";
import { useDebouncedValue } from "../../_lib/use-debounced-value";

export function ToolFilter({ toolId, category, onChange }: { toolId?: number; category?: string; onChange: (toolId: number | undefined) => void }) {
  const [text, setText] = useState("");
  const debounced = useDebouncedValue(text, 200);
  const selected = useQuery({ ...catalogQueries.tool(toolId ?? 0), enabled: toolId !== undefined });
  const suggestions = useQuery({ ...catalogQueries.toolSuggestions(debounced, category), enabled: toolId === undefined });

  if (toolId !== undefined) {
    const tool = selected.data;
    return (
      <SelectedValue
        label="Tool"
        value={tool ? tool.name : selected.isError ? `Unknown tool #${toolId}` : `Tool #${toolId}`}
        detail={tool?.categoryName}
        onClear={() => onChange(undefined)}
      />
    );
  }
  return (
    <Combobox
      label="Tool"
      placeholder={category ? "Search tools in this category" : "Search 3k+ tools by name"}
      inputValue={text}
      onInputChange={setText}
      loading={suggestions.isFetching}
      options={(suggestions.data ?? []).map((t) => ({ value: String(t.id), label: t.name, detail: `${t.categoryName} · ${plural(t.apiCount, "API")}` }))}
      onSelect={(o) => {
        setText("");
        onChange(Number(o.value));
      }}
      emptyText={suggestions.isError ? "Suggestions could not be loaded" : "No tool matches"}
    />
  );
}
