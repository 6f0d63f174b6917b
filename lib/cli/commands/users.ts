// `arbor users list` / `arbor users add --email … --name … --role admin|reviewer|viewer --password …`:
// account management from the server's command line (e.g. a second admin, or scripted set-ups).
import { createUserInput } from "@/lib/core/schemas/users";
import { createUserFromCommandLine, listUsersFromCommandLine } from "@/lib/server/services/users";
import { withDatabase } from "../with-database";

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function usersCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "list" && sub !== "add") {
    console.error("Usage: arbor users list | arbor users add --email E --name N --role admin|reviewer|viewer --password P");
    return 2;
  }
  return withDatabase({ quiet: true }, async () => {
    if (sub === "list") {
      for (const u of await listUsersFromCommandLine()) console.log(`${u.id}\t${u.role}\t${u.banned ? "disabled" : "active"}\t${u.email}\t${u.name}`);
      return 0;
    }
    const parsed = createUserInput.safeParse({ email: option(rest, "email"), name: option(rest, "name"), role: option(rest, "role"), password: option(rest, "password") });
    if (!parsed.success) {
      console.error(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n"));
      return 2;
    }
    const user = await createUserFromCommandLine(parsed.data);
    console.log(`Created ${user.email} (${user.role}), id ${user.id}`);
    return 0;
  });
}
