import "server-only";
import { notFound } from "next/navigation";
import { getDatabase } from "@/db/client";
import { getCurrentUser } from "../auth/session";
import { actorOf, can, readableTextAsOf } from "../permissions";
import { getEdition, getEditionWithSectionStamp } from "./queries";

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

/**
 * For the section page: as loadReadableEdition, and the section's cache stamps, with the edition
 * and the session read at the same time (two statements in parallel, one round trip of waiting).
 */
export async function loadReadableSection(editionId: string, sectionKey: string) {
  const db = await getDatabase();
  const [found, user] = await Promise.all([getEditionWithSectionStamp(db, { editionId, sectionKey }), getCurrentUser()]);
  if (!found || !can(actorOf(user), "edition.read", found.edition)) notFound();
  return { db, edition: found.edition, stamp: found.stamp, user, textAsOf: readableTextAsOf(actorOf(user), found.edition) };
}
