import "server-only";
import { notFound, redirect } from "next/navigation";
import { actorOf, can, type Action, type Resources } from "../permissions";
import { getCurrentUser } from "./session";

/**
 * Every page checks access itself (a layout does not re-run on client navigation): signed-out
 * people go to sign-in and come back; signed-in people who may not open the page get "not found".
 */
export async function requirePage<A extends Action>(action: A, resource: Resources[A], path: string) {
  const user = await getCurrentUser();
  if (can(actorOf(user), action, resource)) return user;
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  notFound();
}

