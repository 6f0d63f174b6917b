#!/usr/bin/env node
// The `arbor` command. Registers TypeScript support (tsx) with the project's tsconfig, so the CLI
// works from any working directory, then runs lib/cli/main.ts.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
process.env.ARBOR_PROJECT_ROOT ??= root;
register({ tsconfig: path.join(root, "tsconfig.json") });
const { main } = await import("./main.ts");
const code = await main(process.argv.slice(2));
if (typeof code === "number") process.exitCode = code;
