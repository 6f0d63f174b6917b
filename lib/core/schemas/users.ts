// Inputs of sign-in, first-run setup and user management.
import { z } from "zod";
import { ROLES } from "../auth/permissions";

const email = z.string().trim().toLowerCase().email("enter a valid email address");
const password = z.string().min(8, "the password needs at least 8 characters").max(200);
const name = z.string().trim().min(1, "enter a name").max(100);

export const signInInput = z.object({ email, password: z.string().min(1, "enter your password") });
export const setupInput = z.object({ name, email, password });
export const createUserInput = z.object({ name, email, password, role: z.enum(ROLES) });
export const setRoleInput = z.object({ userId: z.coerce.number().int().positive(), role: z.enum(ROLES) });
export const setDisabledInput = z.object({ userId: z.coerce.number().int().positive(), disabled: z.boolean() });
export const setPasswordInput = z.object({ userId: z.coerce.number().int().positive(), password });

export type SignInInput = z.infer<typeof signInInput>;
export type SetupInput = z.infer<typeof setupInput>;
export type CreateUserInput = z.infer<typeof createUserInput>;
