import "server-only";
import { can, type Actor } from "./permissions";

export type NavItem = { href: string; label: "home" | "signIn" | "account" | "contributions" | "notifications" | "users" | "registry" | "outbox" | "editions" | "audit" };

/**
 * The navigation shows only what the person may open; each page checks again itself. The outbox
 * is listed for those who may read it outside demo mode (the officer); in demo mode everyone else
 * reaches it from the demo notice, not from the main navigation.
 */
export function navigationFor(actor: Actor): NavItem[] {
  const items: NavItem[] = [{ href: "/", label: "home" }];
  if (can(actor, "account.view", null)) items.push({ href: "/account", label: "account" });
  if (can(actor, "contributions.view", null)) items.push({ href: "/contributions", label: "contributions" });
  if (can(actor, "edition.edit", { phase: "draft", opensAt: null, closesAt: null })) items.push({ href: "/admin/editions", label: "editions" });
  if (can(actor, "users.view", null)) items.push({ href: "/admin/users", label: "users" });
  if (can(actor, "audit.view", null)) items.push({ href: "/admin/audit", label: "audit" });
  if (can(actor, "registry.manage", null)) items.push({ href: "/admin/registry", label: "registry" });
  if (can(actor, "outbox.view", { demo: false })) items.push({ href: "/outbox", label: "outbox" });
  return items;
}
