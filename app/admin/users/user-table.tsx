"use client";

import { useState, useTransition } from "react";
import { ROLES, type Role } from "@/lib/core/auth/permissions";
import { Badge } from "../../_components/badge";
import { Table, Td, Th } from "../../_components/table";
import { setDisabledAction, setRoleAction } from "./actions";

interface UserJson {
  id: number;
  email: string;
  name: string;
  role: string;
  banned: boolean;
  createdAt: string;
}

export function UserTable({ users, currentUserId }: { users: UserJson[]; currentUserId: number }) {
  const [error, setError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();
  const act = (fn: () => Promise<{ ok: boolean; error?: { message: string } }>) =>
    startTransition(async () => {
      const r = await fn();
      setError(r.ok ? undefined : r.error?.message);
    });

  return (
    <div>
      {error && <p role="alert" className="mb-2 rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800">{error}</p>}
      <Table caption={`${users.length} user${users.length === 1 ? "" : "s"}`}>
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Email</Th>
            <Th>Role</Th>
            <Th>Status</Th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className="border-t border-zinc-100">
              <Td>
                {u.name} {u.id === currentUserId && <Badge>you</Badge>}
              </Td>
              <Td className="font-mono text-xs">{u.email}</Td>
              <Td>
                <select
                  aria-label={`Role of ${u.email}`}
                  value={u.role}
                  disabled={pending}
                  onChange={(e) => act(() => setRoleAction({ userId: u.id, role: e.target.value as Role }))}
                  className="rounded-md border border-zinc-300 px-2 py-1 text-sm"
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              </Td>
              <Td>
                {u.id === currentUserId ? (
                  <Badge tone="emerald">active</Badge>
                ) : (
                  <button
                    type="button"
                    disabled={pending}
                    onClick={() => act(() => setDisabledAction({ userId: u.id, disabled: !u.banned }))}
                    aria-label={`${u.banned ? "Enable" : "Disable"} ${u.email}`}
                    className="rounded-md border border-zinc-300 px-2 py-1 text-xs hover:bg-zinc-50"
                  >
                    {u.banned ? "Disabled — enable" : "Active — disable"}
                  </button>
                )}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
