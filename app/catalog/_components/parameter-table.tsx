import type { ApiParameterView } from "@/lib/core/toolbench/api-parameters";
import { Badge } from "../../_components/badge";
import { Table, Td, Th } from "../../_components/table";

export function ParameterTable({ parameters }: { parameters: ApiParameterView[] }) {
  if (parameters.length === 0) return <p className="text-sm text-zinc-500">This API takes no parameters.</p>;
  return (
    <Table>
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Required</Th>
          <Th>Type</Th>
          <Th>Description</Th>
          <Th>Default / example</Th>
        </tr>
      </thead>
      <tbody>
        {parameters.map((p) => (
          <tr key={`${p.required ? "r" : "o"}-${p.name}`} className="border-t border-zinc-100">
            <Td className="whitespace-nowrap font-mono text-xs font-medium text-zinc-900">{p.name}</Td>
            <Td>{p.required ? <Badge tone="rose">required</Badge> : <Badge>optional</Badge>}</Td>
            <Td className="font-mono text-xs text-zinc-600">{p.type}</Td>
            <Td className="max-w-lg whitespace-pre-line text-zinc-700">{p.description || <span className="text-zinc-400">—</span>}</Td>
            <Td className="max-w-xs break-all font-mono text-xs text-zinc-700">{p.example ?? <span className="text-zinc-400">—</span>}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
