"use client";

// The file an instruction came from. At ToolBench scale there can be thousands of answer files, so
// this is a search with suggestions rather than a list.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { instructionQueries } from "@/lib/ui/queries/instructions";
import { Combobox, SelectedValue } from "../../_components/combobox";
import { plural, shortPath } from "../../_lib/format";
import { useDebouncedValue } from "../../_lib/use-debounced-value";

export function SourceFilter({ source, onChange }: { source?: string; onChange: (source: string | undefined) => void }) {
  const [text, setText] = useState("");
  const debounced = useDebouncedValue(text, 200);
  const suggestions = useQuery({ ...instructionQueries.sources(debounced), enabled: source === undefined });

  if (source !== undefined) {
    return <SelectedValue label="Source file" value={shortPath(source)} title={source} onClear={() => onChange(undefined)} />;
  }
  return (
    <Combobox
      label="Source file"
      placeholder="Search imported files"
      inputValue={text}
      onInputChange={setText}
      loading={suggestions.isFetching}
      options={(suggestions.data ?? []).map((s) => ({ value: s.sourceFile, label: shortPath(s.sourceFile), detail: `${s.sourceFile} · ${plural(s.count, "instruction")}` }))}
      onSelect={(o) => {
        setText("");
        onChange(o.value);
      }}
      emptyText={suggestions.isError ? "Suggestions could not be loaded" : "No file matches"}
    />
  );
}
