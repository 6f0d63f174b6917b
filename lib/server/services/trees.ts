// The tree viewer's data: one tree with all its nodes, its instruction, and for each function it
// calls the catalog API (with parameters as the model saw them) so the viewer can link and check calls.
import { NotFoundError } from "@/lib/core/errors";
import { functionSpecFromSchema, parameterSpecsFromCatalog, type FunctionSpec, type ParameterSpec } from "@/lib/core/toolbench/argument-check";
import type { TreeNodeColumns } from "@/lib/core/tree-view/tree-model";
import { findApisForFunctions, findTreeForView, findTreeHeading, readNodeColumns, type TreeHeadingRow, type TreeViewRow } from "../repositories/trees";

export type TreeMeta = Omit<TreeViewRow, "instructionId" | "instructionGroup" | "instructionExternalId" | "query" | "functions">;

export interface TreeApiRef {
  functionName: string;
  apiId: number;
  apiName: string;
  toolName: string;
  categoryName: string;
  /** The instruction links this API (rather than it being found by function name alone). */
  linked: boolean;
  parameters: ParameterSpec[];
}

export interface TreeView {
  tree: TreeMeta;
  instruction: { id: number; group: string; externalId: string | null; query: string };
  /** Every node, one array per field in idx (pre-order) order. */
  nodes: TreeNodeColumns;
  /** Catalog APIs of the functions the tree calls (Finish and unknown names have none). */
  apis: TreeApiRef[];
  /** The functions offered to the model, as the answer file lists them. */
  functions: FunctionSpec[];
  /** The stored per-step check bits of each node, by idx (absent for a tree still being searched). */
  checks?: number[];
}

export type TreeHeading = TreeHeadingRow;

export async function getTreeHeading(id: number): Promise<TreeHeading> {
  const row = await findTreeHeading(id);
  if (!row) throw new NotFoundError(`No tree with id ${id}`);
  return row;
}

function calledFunctions(nodes: TreeNodeColumns): string[] {
  const names = new Set<string>();
  nodes.type.forEach((type, i) => {
    const name = nodes.functionName[i];
    if (type === "Action" && name && name !== "Finish") names.add(name);
  });
  return [...names].sort();
}

export async function getTreeView(id: number): Promise<TreeView> {
  const [row, columns] = await Promise.all([findTreeForView(id), readNodeColumns(id)]);
  if (!row) throw new NotFoundError(`No tree with id ${id}`);
  const { count, maxIdx, checks, ...nodes } = columns;
  // the importer stores idx 0…n-1; anything else would misplace every node the viewer draws
  if (maxIdx !== count - 1) throw new Error(`Tree ${id} has ${count} nodes but its last idx is ${maxIdx}`);

  const { instructionId, instructionGroup, instructionExternalId, query, functions, ...tree } = row;
  const apiRows = await findApisForFunctions(instructionId, calledFunctions(nodes));
  return {
    tree,
    instruction: { id: instructionId, group: instructionGroup, externalId: instructionExternalId, query },
    nodes,
    apis: apiRows.map(({ requiredParameters, optionalParameters, ...api }) => ({ ...api, parameters: parameterSpecsFromCatalog(requiredParameters, optionalParameters) })),
    functions: (Array.isArray(functions) ? functions : []).flatMap((f) => functionSpecFromSchema(f) ?? []),
    checks,
  };
}
