// What solving an instruction reads: the instruction and its sampled APIs in order, as the catalog
// records the engine builds functions from, with what the executors need to call or imitate them.
import type { CatalogApiRecord } from "@/lib/core/generation/instructions/catalog";
import type { ApiParameter } from "@/lib/core/toolbench/types";
import { runPool } from "../db/run-pool";

export interface SolveApi extends CatalogApiRecord {
  apiId: number;
  functionName: string;
  url: string | null;
  host: string | null;
  responseExample: unknown;
  responseSchema: unknown;
}

export interface SolveInstruction {
  id: number;
  group: string;
  query: string;
  apis: SolveApi[];
}

interface Row {
  id: number;
  group: string;
  query: string;
  apiId: number | null;
  functionName: string;
  category: string;
  tool: string;
  toolStandardizedName: string;
  toolDescription: string;
  host: string | null;
  name: string;
  description: string;
  method: string;
  url: string | null;
  requiredParameters: ApiParameter[];
  optionalParameters: ApiParameter[];
  responseSchema: unknown;
  responseExample: unknown;
}

const API_COLUMNS = `a.id as "apiId", a."functionName", c.name as category, t.name as tool, t."standardizedName" as "toolStandardizedName",
  t.description as "toolDescription", t.host, a.name, a.description, a.method, a.url, a."requiredParameters", a."optionalParameters",
  a."responseSchema", a."responseExample"`;

const toSolveApi = (x: Row): SolveApi => ({
  apiId: x.apiId!,
  functionName: x.functionName,
  category: x.category,
  tool: x.tool,
  toolStandardizedName: x.toolStandardizedName,
  toolDescription: x.toolDescription,
  name: x.name,
  description: x.description,
  method: x.method,
  requiredParameters: Array.isArray(x.requiredParameters) ? x.requiredParameters : [],
  optionalParameters: Array.isArray(x.optionalParameters) ? x.optionalParameters : [],
  templateResponse: x.responseSchema ?? undefined,
  url: x.url,
  host: x.host,
  responseExample: x.responseExample,
  responseSchema: x.responseSchema,
});

export async function loadSolveInstruction(instructionId: number): Promise<SolveInstruction | null> {
  const r = await runPool().query<Row>(
    `select i.id, i."group", i.query, ${API_COLUMNS}
     from "Instruction" i
     left join "InstructionApi" ia on ia."instructionId" = i.id
     left join "Api" a on a.id = ia."apiId"
     left join "Tool" t on t.id = a."toolId"
     left join "Category" c on c.id = t."categoryId"
     where i.id = $1 order by ia.position, a.id`,
    [instructionId],
  );
  const first = r.rows[0];
  if (!first) return null;
  const apis = r.rows.filter((x) => x.apiId !== null).map(toSolveApi);
  return { id: first.id, group: first.group, query: first.query, apis };
}

/** Catalog APIs as solving reads them, in the order of the ids given (unknown ids are left out). */
export async function loadSolveApis(apiIds: readonly number[]): Promise<SolveApi[]> {
  const r = await runPool().query<Row>(
    `select ${API_COLUMNS} from unnest($1::int[]) with ordinality as wanted(id, position)
     join "Api" a on a.id = wanted.id join "Tool" t on t.id = a."toolId" join "Category" c on c.id = t."categoryId"
     order by wanted.position`,
    [apiIds],
  );
  return r.rows.map(toSolveApi);
}
