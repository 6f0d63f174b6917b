// Lint rules, including the import boundaries that keep the layers honest:
//   app → lib/server → lib/core;  lib/worker → lib/server → lib/core;  nothing imports app;
//   lib/core is pure (no framework, database, network or environment);
//   only lib/server/repositories (and lib/server/db itself) touch the Prisma client.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const appImports = { group: ["@/app/*", "**/app/*"], message: "Nothing imports from app/." };
const workerImports = { group: ["@/lib/worker/*", "**/worker/*"], message: "Only the worker entry point imports lib/worker." };
const prismaClientImports = {
  group: ["@/lib/server/db/client", "**/db/client", "@/lib/server/db/generated/*", "**/db/generated/*", "@prisma/client", "@prisma/client/*"],
  message: "Only repositories (lib/server/repositories) use the Prisma client.",
};

const config = [
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".arbor/**",
      "lib/server/db/generated/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
      ".test-results/**",
      ".bench/**",
    ],
  },
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["lib/core/**/*.{ts,tsx}"],
    ignores: ["lib/core/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "next", message: "lib/core is pure." },
            { name: "react", message: "lib/core is pure." },
            { name: "react-dom", message: "lib/core is pure." },
            { name: "pg", message: "lib/core is pure." },
            { name: "openai", message: "lib/core is pure: take the LLM as an argument." },
            { name: "graphile-worker", message: "lib/core is pure." },
            { name: "node:fs", message: "lib/core is pure: take data as arguments." },
            { name: "fs", message: "lib/core is pure: take data as arguments." },
            { name: "node:child_process", message: "lib/core is pure." },
          ],
          patterns: [
            { group: ["next/*", "@prisma/*", "@/lib/server/*", "@/lib/worker/*", "@/app/*", "**/server/*", "**/worker/*"], message: "lib/core imports nothing of the other layers." },
          ],
        },
      ],
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "lib/core does not read the environment." }],
    },
  },
  {
    files: ["lib/server/**/*.{ts,tsx}"],
    ignores: ["lib/server/repositories/**", "lib/server/db/**", "lib/server/**/*.test.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [appImports, workerImports, prismaClientImports] }],
    },
  },
  {
    files: ["lib/server/repositories/**/*.{ts,tsx}", "lib/server/db/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [appImports, workerImports] }],
    },
  },
  {
    files: ["lib/worker/**/*.{ts,tsx}", "lib/cli/**/*.{ts,tsx}", "lib/ui/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [appImports, prismaClientImports] }],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [workerImports, prismaClientImports] }],
    },
  },
];

export default config;
