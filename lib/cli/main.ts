// Dispatches `arbor <command>`.
const USAGE = `Usage: arbor <command> [options]

Commands:
  start [--dev]            build if needed, start the database, web server and worker
  worker                   run a worker process (more can run, on any machine, against one database)
  import <path>... [--json]  import ToolBench / StableToolBench files or folders
  import-cache <folder> [--json]  import StableToolBench's tool response cache into the executor cache
  export --format <f> --out <file> [filters]  export trees (default: approved) as a recorded snapshot
  stats [--json]           counts of what the database holds
  checks --recompute [--json]  compute the per-step checks of every stored tree again
  users list|add           accounts (add: --email --name --role admin|reviewer|viewer --password)
  replay <answer-file>... [--json]  rebuild ToolBench answer trees with Arbor's DFSDT / ReACT and compare
  embed-catalog [--endpoint ID|env] [--model M]  embed the catalog's API documents for retrieval by embeddings
  retrieval-eval [--method bm25|embedding|hybrid] [--group G1] [--limit N] [--json]  NDCG@1 / @5 of API retrieval by group
  test                     run every test suite (unit, database, browser) and print a summary
  bench import [--trees N] benchmark the importer on a synthetic ToolBench-shaped corpus
  bench solve              benchmark solving: overhead per LLM step and throughput at 500 ms latency
  db:migration <name>      write a new migration from prisma/schema.prisma (offline)
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "start":
      return (await import("./commands/start")).start(rest);
    case "worker":
      return (await import("../worker/main")).runWorker();
    case "import":
      return (await import("./commands/import")).importCommand(rest);
    case "import-cache":
      return (await import("./commands/import-cache")).importCacheCommand(rest);
    case "export":
      return (await import("./commands/export")).exportCommand(rest);
    case "checks":
      return (await import("./commands/checks")).checksCommand(rest);
    case "stats":
      return (await import("./commands/stats")).statsCommand(rest);
    case "replay":
      return (await import("./commands/replay")).replayCommand(rest);
    case "embed-catalog":
      return (await import("./commands/embed-catalog")).embedCatalogCommand(rest);
    case "retrieval-eval":
      return (await import("./commands/retrieval-eval")).retrievalEvalCommand(rest);
    case "bench":
      return (await import("./commands/bench")).benchCommand(rest);
    case "users":
      return (await import("./commands/users")).usersCommand(rest);
    case "test":
      return (await import("./commands/test")).testCommand(rest);
    case "db:migration":
      return (await import("./commands/db-migration")).createMigration(rest);
    case undefined:
    case "help":
    case "--help":
    case "-h":
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    default:
      console.error(`Unknown command: ${command}\n\n${USAGE}`);
      return 2;
  }
}
