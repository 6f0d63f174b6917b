// Turning one file's text into what the importer writes. Pure: the hash function is an argument,
// so this runs the same on the main thread, on a worker thread, or in a test.
import { columnsOfNodes, runChecks } from "../checks/step-checks";
import { parseToolBenchFile } from "../toolbench/parse";
import { SKIPPED_KINDS, ToolBenchParseError, type ParsedFile, type ParsedTree } from "../toolbench/types";
import { nodeRowsForTree, offeredFunctionNames, treeRowTail } from "./tree-rows";

export interface PreparedTree {
  group: string;
  externalId?: string;
  query: string;
  queryHash: string;
  contentHash: string;
  functionNames: string[];
  nodeCount: number;
  /** COPY text (UTF-8): the tree row after its database-side columns (`treeRowHead`) */
  treeTail: Uint8Array;
  /** COPY text (UTF-8): node rows, each starting with the tree id stand-in (`stampTreeId`) */
  nodeRows: Uint8Array;
}

export type PreparedFile =
  | { kind: "trees"; fileKind: "dfs_answer" | "cot_answer" | "tooleval_converted"; trees: PreparedTree[] }
  | { kind: "skip"; fileKind: keyof typeof SKIPPED_KINDS; reason: string }
  | { kind: "other"; parsed: Exclude<ParsedFile, { trees: ParsedTree[] } | { kind: keyof typeof SKIPPED_KINDS }> }
  | { kind: "error"; message: string };

export type HashFn = (text: string) => string;

const utf8 = new TextEncoder();

/** `fileHash`: the hash of the file's content, when the caller has it already (else `hash(text)`). */
export function prepareFile(text: string, displayPath: string, hash: HashFn, now: string, fileHash?: string): PreparedFile {
  let parsed: ParsedFile;
  try {
    parsed = parseToolBenchFile(text, displayPath);
  } catch (err) {
    if (err instanceof ToolBenchParseError) return { kind: "error", message: err.message };
    throw err;
  }
  if (parsed.kind === "empty" || parsed.kind === "toolllama_conversations") return { kind: "skip", fileKind: parsed.kind, reason: SKIPPED_KINDS[parsed.kind] };
  if (!("trees" in parsed)) return { kind: "other", parsed };
  const contentOf = fileHash ?? hash(text);
  return {
    kind: "trees",
    fileKind: parsed.kind,
    trees: parsed.trees.map((t) => {
      // The same bytes under the same query id and group are the same tree (re-imports add nothing).
      const contentHash = hash(`${contentOf}\u0000${t.group}\u0000${t.externalId ?? ""}\u0000${t.sourceKey ?? ""}`);
      const checks = runChecks({ nodes: columnsOfNodes(t.nodes), functions: t.functions, finalAnswer: t.finalAnswer, truncated: t.truncated });
      return {
        group: t.group,
        externalId: t.externalId,
        query: t.query,
        queryHash: hash(t.query.trim()),
        contentHash,
        functionNames: offeredFunctionNames(t),
        nodeCount: t.nodes.length,
        // Encoded here (each in its own buffer), so a worker thread can hand them over without a copy.
        treeTail: utf8.encode(treeRowTail(t, { sourceFile: displayPath, contentHash, now, checkFlags: checks.tree })),
        nodeRows: utf8.encode(nodeRowsForTree(t.nodes, checks.nodes)),
      };
    }),
  };
}
