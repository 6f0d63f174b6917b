// The database around one command: opened (the embedded server unless DATABASE_URL is set, with
// migrations applied), closed whatever happens — its clients and the worker threads holding some,
// then the embedded server this process started. Errors the user can act on (bad input, something
// missing, an LLM endpoint that failed) end the command with their message and exit code 1.
import { InvalidInputError, NotFoundError } from "@/lib/core/errors";
import { LlmError } from "@/lib/core/generation/errors";
import { openDatabase, type OpenDatabase } from "@/lib/server/db/bootstrap";
import { closeDatabaseClients } from "@/lib/server/db/close";

export interface DatabaseCommandOptions {
  /** Say nothing about the database on stderr (e.g. with --json). */
  quiet?: boolean;
}

export async function withDatabase(options: DatabaseCommandOptions, run: () => Promise<number>): Promise<number> {
  let db: OpenDatabase | undefined;
  try {
    db = await openDatabase({ log: options.quiet ? undefined : (l) => console.error(`[arbor] ${l}`) });
    return await run();
  } catch (e) {
    if (e instanceof InvalidInputError || e instanceof NotFoundError || e instanceof LlmError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  } finally {
    await closeDatabaseClients();
    await db?.stop();
  }
}
