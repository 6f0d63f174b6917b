// What a solve run offers the model for one instruction, as ToolBench's rapidapi_wrapper sets it up:
// every sampled API as a function (in the instruction's order) plus Finish, and the tools' descriptions
// for the task description. Also maps each function back to its API, for the executor.
import { buildFunctionList } from "@/lib/core/toolbench/openai-function";
import { toolStandardizedName, type CatalogApiRecord } from "./instructions/catalog";
import type { SolveTask } from "./types";

export interface SolveSetup {
  task: SolveTask;
  /**
   * The API behind each function name. Two APIs can share a function name (standardization and the
   * 64-character cut can collide); the engine resolves a call to the first such function, and so
   * does this map.
   */
  apiByFunction: Map<string, CatalogApiRecord>;
}

export function buildSolveTask(query: string, apis: readonly CatalogApiRecord[]): SolveSetup {
  const functions = buildFunctionList(apis.map((api) => ({ api, standardizedToolName: toolStandardizedName(api) })));
  const apiByFunction = new Map<string, CatalogApiRecord>();
  apis.forEach((api, i) => {
    const name = functions[i]!.name;
    if (!apiByFunction.has(name)) apiByFunction.set(name, api);
  });
  return {
    task: { query, functions, tools: apis.map((a) => ({ name: toolStandardizedName(a), description: a.toolDescription ?? "" })) },
    apiByFunction,
  };
}
