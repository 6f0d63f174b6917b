import type { Metadata } from "next";
import { listAllUsers } from "@/lib/server/services/users";
import { PageHeader } from "../../_components/page-header";
import { gatePage } from "../../_lib/page-gate";
import { CreateUserForm } from "./create-user-form";
import { UserTable } from "./user-table";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

export default async function UsersPage() {
  const gate = await gatePage("manage_users");
  if (gate.denied) return gate.denied;
  const users = await listAllUsers();
  return (
    <>
      <PageHeader title="Users" description="Admins do everything; reviewers review and comment; viewers read. Accounts are created here, not by sign-up." />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <UserTable users={users.map((u) => ({ ...u, createdAt: u.createdAt.toISOString() }))} currentUserId={gate.user.id} />
        <CreateUserForm />
      </div>
    </>
  );
}
