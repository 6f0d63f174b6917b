// A parsed ToolBench file's tree in the shape the serializers read (what the database would hold
// right after importing it).
import type { ParsedInstruction, ParsedTree } from "@/lib/core/toolbench/types";
import type { ExportTree } from "./types";

export function exportTreeFromParsed(t: ParsedTree, id: number, instruction?: Pick<ParsedInstruction, "relevantApis" | "sampledApis">): ExportTree {
  return {
    id,
    group: t.group,
    externalId: t.externalId ?? null,
    query: t.query,
    method: t.method,
    methodLabel: t.methodLabel,
    model: t.model ?? null,
    validData: t.validData,
    finishType: t.finishType,
    finalAnswerRaw: t.finalAnswerRaw,
    finalAnswer: t.finalAnswer,
    queryCount: t.queryCount,
    totalTokens: t.totalTokens,
    win: t.win ?? null,
    chosenNodeIdx: t.chosenNodeIdx,
    functions: t.functions,
    systemPrompt: t.systemPrompt ?? null,
    forwardArgs: t.forwardArgs ?? null,
    sourceKind: t.sourceKind,
    reviewStatus: "unreviewed",
    relevantApis: instruction?.relevantApis ?? [],
    sampledApis: instruction?.sampledApis ?? [],
    nodes: t.nodes,
  };
}
