// The generation core's public surface, for the worker and the CLI: solving (DFSDT, ReACT), resume
// and replay, export shapes, and instruction generation's pure parts.
export { runDfsdt, DEFAULT_DFSDT_LIMITS, type DfsdtLimits, type DfsdtResult, type RunOptions, type StopReason } from "./dfsdt";
export { runReact, DEFAULT_REACT_LIMITS, type ReactLimits, type ReactResult, type ReactTry, type ReactAnswer } from "./react";
export type { AnswerGeneration, GiveUpChooser } from "./answer";
export { buildSolveTask, type SolveSetup } from "./solve-task";
export { buildDiversityPrompt, buildInitialMessages, buildSystemPrompt, buildTaskDescription, buildUserMessage, readDiversityPrompt } from "./prompts";
export { evaluateFinish, performStep, resolveFunction, truncateObservation, FINISH_OBSERVATIONS } from "./step";
export { HALLUCINATED_FUNCTION_NAME } from "./expand";
export { createRecordedWorld, recordingFromNodes, nodesUpToCall, type RecordedExpansion, type RecordedWorld } from "./recording";
export { replayAnswerFile, type ReplayResult, type ReplayDiff } from "./replay";
export { toCotAnswerFile, toDfsAnswerFile, toParsedNodes, toTreeJson } from "./answer-file";
export { fromToolStyleReply, toToolStyleRequest, type ToolStyleMessage, type ToolStyleRequest } from "./tool-calls";
export { LlmError, RecordingExhaustedError, RecordingMismatchError, RunCancelledError, type LlmErrorKind } from "./errors";
export { createRng, type Rng } from "./rng";
export { groupTools, toInstructionEntry, type CatalogApiRecord, type CatalogToolGroup, type InstructionEntry } from "./instructions/catalog";
export { sampleApis, sampleMultiTool, sampleSingleTool, type ApiSample, type InstructionGroup, type SampleOptions } from "./instructions/sample";
export { buildInstructionPrompt, sampleSeeds, DEFAULT_SEEDS, type SeedExample } from "./instructions/prompt";
export { parseGeneratedQueries, type GeneratedQuery, type ParsedGeneration } from "./instructions/parse-output";
export { filterGeneratedQueries, type DropReason, type DroppedQuery, type FilterResult } from "./instructions/filter";
export type * from "./types";
