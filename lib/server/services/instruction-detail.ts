// An instruction's detail page: the query, its APIs (linked to the catalog), its trees and each
// tree's chosen path as readable steps.
import { NotFoundError } from "@/lib/core/errors";
import { standardize } from "@/lib/core/toolbench/names";
import {
  buildInstructionApiEntries,
  readRelevantApis,
  readSampledApis,
  type CatalogApiMatch,
  type InstructionApiEntry,
} from "@/lib/core/toolbench/instruction-apis";
import { buildChosenPath, type ChosenPath } from "@/lib/core/toolbench/path-steps";
import {
  findApisByFunctionName,
  findApisByToolAndName,
  findInstructionById,
  listChosenPathNodes,
  listLinkedApis,
  listTreesOfInstruction,
  type InstructionRow,
  type PathNodeRow,
  type TreeSummaryRow,
} from "../repositories/instruction-detail";

export interface TreeWithPath extends TreeSummaryRow {
  /** null when the tree has no chosen node (e.g. valid_data = false). */
  chosenPath: ChosenPath | null;
}

export interface CalledFunction {
  functionName: string;
  catalog: CatalogApiMatch | null;
}

export interface InstructionDetail {
  instruction: Omit<InstructionRow, "sampledApis" | "relevantApis" | "functionNames">;
  apis: InstructionApiEntry[];
  relevantApis: [string, string][];
  /** Functions seen in answer files that the API list above does not already show. */
  calledFunctions: CalledFunction[];
  trees: TreeWithPath[];
}

const FINISH = "Finish";

async function findFunctionMatches(functionNames: string[], apis: InstructionApiEntry[]): Promise<CalledFunction[]> {
  const shown = new Set(apis.flatMap((a) => (a.catalog ? [a.catalog.functionName] : [])));
  const pending = [...new Set(functionNames)].filter((f) => f !== FINISH && !shown.has(f));
  if (pending.length === 0) return [];
  const matches = await findApisByFunctionName(pending);
  const byFunction = new Map(matches.map((m) => [m.functionName, m]));
  return pending.map((functionName) => ({ functionName, catalog: byFunction.get(functionName) ?? null }));
}

function attachPaths(trees: TreeSummaryRow[], nodes: PathNodeRow[]): TreeWithPath[] {
  const byTree = new Map<number, PathNodeRow[]>();
  for (const n of nodes) byTree.set(n.treeId, [...(byTree.get(n.treeId) ?? []), n]);
  return trees.map((t) => ({
    ...t,
    chosenPath: t.chosenNodeIdx === null ? null : buildChosenPath(byTree.get(t.id) ?? [], t.chosenNodeIdx),
  }));
}

export async function getInstructionDetail(id: number): Promise<InstructionDetail> {
  const row = await findInstructionById(id);
  if (!row) throw new NotFoundError(`No instruction with id ${id}`);
  const { sampledApis, relevantApis, functionNames, ...instruction } = row;
  const sampled = readSampledApis(sampledApis);
  const relevant = readRelevantApis(relevantApis);

  const lookups = [...sampled.map((s) => ({ tool: s.tool, api: s.api })), ...relevant.map(([tool, api]) => ({ tool, api }))];
  const [linked, named, trees] = await Promise.all([
    listLinkedApis(id),
    findApisByToolAndName(lookups.map((l) => ({ toolStandardizedName: standardize(l.tool), apiName: l.api }))),
    listTreesOfInstruction(id),
  ]);
  const apis = buildInstructionApiEntries({ sampled, relevant, matches: [...linked, ...named] });
  const [calledFunctions, pathNodes] = await Promise.all([
    findFunctionMatches(functionNames, apis),
    listChosenPathNodes(trees.filter((t) => t.chosenNodeIdx !== null).map((t) => t.id)),
  ]);
  return { instruction, apis, relevantApis: relevant, calledFunctions, trees: attachPaths(trees, pathNodes) };
}
