import "server-only";
import { notFound } from "next/navigation";
import { getDatabase } from "@/db/client";
import { getCurrentUser } from "../auth/session";
import { actorOf, can, readableTextAsOf } from "../permissions";
import { getEdition } from "./queries";

/**
 * For pages under /editions/[editionId]: the edition if this person may read it, and which of its
 * texts (`textAsOf`, see readableTextAsOf). A draft the person may not see is answered as
 * "not found", so its existence is not revealed.
 */
export async function loadReadableEdition(editionId: string) {
  const db = await getDatabase();
  const edition = await getEdition(db, { editionId });
  const user = await getCurrentUser();
  if (!edition || !can(actorOf(user), "edition.read", edition)) notFound();
  return { db, edition, user, textAsOf: readableTextAsOf(actorOf(user), edition) };
}
