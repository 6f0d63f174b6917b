// Small builders for database tests: each test file seeds exactly the rows it asserts on.
import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/server/db/client";
import { functionNameFor, standardize, standardizeCategory } from "@/lib/core/toolbench/names";
import type { NodeType, TreeMethod } from "@/lib/core/toolbench/types";

export interface SeedApi {
  name: string;
  description?: string;
  method?: string;
  url?: string;
  requiredParameters?: unknown[];
  optionalParameters?: unknown[];
  responseSchema?: unknown;
}

export interface SeedTool {
  name: string;
  description?: string;
  apis?: SeedApi[];
}

export interface SeededTool {
  id: number;
  categoryId: number;
  standardizedName: string;
  apiIds: Record<string, number>;
}

/** One category with its tools and APIs; returns ids by tool name and API name. */
export async function seedCategory(name: string, tools: SeedTool[] = []): Promise<{ id: number; standardizedName: string; tools: Record<string, SeededTool> }> {
  const db = prisma();
  const category = await db.category.create({ data: { name, standardizedName: standardizeCategory(name) } });
  const seeded: Record<string, SeededTool> = {};
  for (const tool of tools) {
    const standardizedName = standardize(tool.name);
    const row = await db.tool.create({
      data: { categoryId: category.id, name: tool.name, standardizedName, description: tool.description ?? "" },
    });
    const apiIds: Record<string, number> = {};
    for (const api of tool.apis ?? []) {
      const created = await db.api.create({
        data: {
          toolId: row.id,
          name: api.name,
          standardizedName: standardize(api.name),
          functionName: functionNameFor(api.name, standardizedName),
          description: api.description ?? "",
          method: api.method ?? "GET",
          url: api.url,
          requiredParameters: (api.requiredParameters ?? []) as object[],
          optionalParameters: (api.optionalParameters ?? []) as object[],
          responseSchema: api.responseSchema === undefined ? undefined : (api.responseSchema as object),
        },
      });
      apiIds[api.name] = created.id;
    }
    seeded[tool.name] = { id: row.id, categoryId: category.id, standardizedName, apiIds };
  }
  return { id: category.id, standardizedName: category.standardizedName, tools: seeded };
}

export interface SeedInstruction {
  group?: string;
  query: string;
  externalId?: string;
  sampledApis?: { category: string; tool: string; api: string }[];
  relevantApis?: [string, string][];
  functionNames?: string[];
  sourceFile?: string;
  categoryIds?: number[];
  toolIds?: number[];
  generationRunId?: number;
  /** InstructionApi links: [apiId, relevant] in position order. */
  links?: [number, boolean][];
}

export async function seedInstruction(spec: SeedInstruction): Promise<number> {
  const db = prisma();
  const row = await db.instruction.create({
    data: {
      group: spec.group ?? "G1",
      query: spec.query,
      queryHash: randomUUID(),
      externalId: spec.externalId,
      sampledApis: spec.sampledApis ?? [],
      relevantApis: spec.relevantApis ?? [],
      functionNames: spec.functionNames ?? [],
      sourceFile: spec.sourceFile,
      sources: spec.sourceFile ? { create: { sourceFile: spec.sourceFile } } : undefined,
      categoryIds: spec.categoryIds ?? [],
      toolIds: spec.toolIds ?? [],
      generationRunId: spec.generationRunId,
      origin: spec.generationRunId ? "generated" : "imported",
    },
  });
  if (spec.links?.length) {
    await db.instructionApi.createMany({
      data: spec.links.map(([apiId, relevant], position) => ({ instructionId: row.id, apiId, position, relevant })),
    });
  }
  return row.id;
}

export interface SeedNode {
  parentIdx: number | null;
  type: NodeType;
  text: string;
  functionName?: string;
  observation?: string;
  observationCode?: number;
}

export interface SeedTree {
  instructionId: number;
  method?: TreeMethod;
  methodLabel?: string;
  model?: string;
  validData?: boolean;
  finishType?: string | null;
  /** Nodes in pre-order: a node's idx is its position in this list. */
  nodes: SeedNode[];
  chosenNodeIdx?: number | null;
  hallucinatedCount?: number;
  apiErrorCount?: number;
}

/** A tree with its nodes. */
export async function seedTree(spec: SeedTree): Promise<number> {
  const db = prisma();
  const instruction = await db.instruction.findUniqueOrThrow({ where: { id: spec.instructionId }, select: { group: true } });
  const depths: number[] = [];
  spec.nodes.forEach((n, i) => (depths[i] = n.parentIdx === null ? 0 : depths[n.parentIdx]! + 1));
  const tree = await db.tree.create({
    data: {
      instructionId: spec.instructionId,
      group: instruction.group,
      method: spec.method ?? "dfsdt",
      methodLabel: spec.methodLabel ?? "DFS_woFilter_w2",
      model: spec.model ?? "ChatGPT",
      validData: spec.validData ?? true,
      finishType: spec.finishType === undefined ? "give_answer" : spec.finishType,
      size: spec.nodes.length,
      maxDepth: Math.max(0, ...depths),
      hallucinatedCount: spec.hallucinatedCount ?? 0,
      apiErrorCount: spec.apiErrorCount ?? 0,
      chosenNodeIdx: spec.chosenNodeIdx === undefined ? spec.nodes.length - 1 : spec.chosenNodeIdx,
      sourceKind: "dfs_answer",
      contentHash: randomUUID(),
    },
  });
  await db.node.createMany({
    data: spec.nodes.map((n, idx) => ({
      treeId: tree.id,
      idx,
      parentIdx: n.parentIdx,
      position: spec.nodes.slice(0, idx).filter((m) => m.parentIdx === n.parentIdx).length,
      depth: depths[idx]!,
      type: n.type,
      text: n.text,
      functionName: n.functionName,
      observation: n.observation,
      observationCode: n.observationCode,
    })),
  });
  return tree.id;
}

/** A generation run, for the "generation run" filter. */
export async function seedRun(title: string): Promise<number> {
  const run = await prisma().run.create({ data: { kind: "generate_instructions", title } });
  return run.id;
}
