import { inArray } from "drizzle-orm";
import { createFormatter, createTranslator } from "use-intl/core";
import type { DbOrTx } from "@/db/client";
import { comments, editions, proposals, sections } from "@/db/schema";
import type { Locale } from "@/db/schema/enums";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import type { NotificationEvent } from "./events";

const messages = { de, en } as const;

/** What a notification says and where it leads, in one language. */
export type RenderedNotification = { title: string; text: string; href: string };

type Context = {
  editions: Map<string, { title: string; closesAt: Date | null }>;
  comments: Map<string, { sectionId: string | null; proposalId: string | null }>;
  sections: Map<string, { key: string; title: string }>;
  proposals: Map<string, { title: string }>;
};

/**
 * Loads what the events name (edition, section, proposal titles) in at most four queries,
 * whatever the number of events: the rows store ids only.
 */
export async function loadNotificationContext(db: DbOrTx, events: NotificationEvent[]): Promise<Context> {
  const editionIds = new Set<string>();
  const commentIds = new Set<string>();
  const proposalIds = new Set<string>();
  for (const e of events) {
    editionIds.add(e.editionId);
    if (e.kind === "comment_reply") {
      commentIds.add(e.commentId);
    } else if (e.kind === "proposal_comment") {
      proposalIds.add(e.proposalId);
    }
  }
  const ctx: Context = { editions: new Map(), comments: new Map(), sections: new Map(), proposals: new Map() };
  if (editionIds.size) {
    for (const r of await db.select({ id: editions.id, title: editions.title, closesAt: editions.closesAt }).from(editions).where(inArray(editions.id, [...editionIds]))) {
      ctx.editions.set(r.id, r);
    }
  }
  if (commentIds.size) {
    for (const r of await db
      .select({ id: comments.feedbackId, sectionId: comments.sectionId, proposalId: comments.proposalId })
      .from(comments)
      .where(inArray(comments.feedbackId, [...commentIds]))) {
      ctx.comments.set(r.id, r);
      if (r.proposalId) proposalIds.add(r.proposalId);
    }
  }
  const sectionIds = [...ctx.comments.values()].map((c) => c.sectionId).filter((id): id is string => !!id);
  if (sectionIds.length) {
    for (const r of await db.select({ id: sections.id, key: sections.key, title: sections.title }).from(sections).where(inArray(sections.id, sectionIds))) {
      ctx.sections.set(r.id, r);
    }
  }
  if (proposalIds.size) {
    for (const r of await db.select({ id: proposals.feedbackId, title: proposals.title }).from(proposals).where(inArray(proposals.feedbackId, [...proposalIds]))) {
      ctx.proposals.set(r.id, r);
    }
  }
  return ctx;
}

export const sectionHref = (editionId: string, sectionKey: string, commentId?: string) =>
  `/editions/${editionId}/sections/${encodeURIComponent(sectionKey)}${commentId ? `#comment-${commentId}` : ""}`;
export const proposalHref = (editionId: string, proposalId: string, commentId?: string) => `/editions/${editionId}/proposals/${proposalId}${commentId ? `#comment-${commentId}` : ""}`;

/** One notification in the reader's language, from its ids and the loaded context. */
export function renderNotification(event: NotificationEvent, ctx: Context, locale: Locale): RenderedNotification {
  const t = createTranslator({ locale, messages: messages[locale], namespace: "notifications.events" });
  const format = createFormatter({ locale, timeZone: "Europe/Berlin" });
  const edition = ctx.editions.get(event.editionId);
  const editionTitle = edition?.title ?? t("unknownEdition");
  switch (event.kind) {
    case "comment_reply": {
      const comment = ctx.comments.get(event.commentId);
      const section = comment?.sectionId ? ctx.sections.get(comment.sectionId) : undefined;
      const proposal = comment?.proposalId ? ctx.proposals.get(comment.proposalId) : undefined;
      const where = section ? t("inSection", { title: section.title }) : proposal ? t("onProposal", { title: proposal.title }) : t("inEdition", { title: editionTitle });
      const href = section
        ? sectionHref(event.editionId, section.key, event.replyId)
        : comment?.proposalId
          ? proposalHref(event.editionId, comment.proposalId, event.replyId)
          : `/editions/${event.editionId}`;
      return { title: t("commentReply.title"), text: t("commentReply.text", { where }), href };
    }
    case "proposal_comment": {
      const proposal = ctx.proposals.get(event.proposalId);
      return {
        title: t("proposalComment.title"),
        text: t("proposalComment.text", { title: proposal?.title ?? t("unknownProposal") }),
        href: proposalHref(event.editionId, event.proposalId, event.commentId),
      };
    }
    case "consultation_opened":
      return {
        title: t("consultationOpened.title"),
        text: edition?.closesAt
          ? t("consultationOpened.textUntil", { title: editionTitle, date: format.dateTime(edition.closesAt, { dateStyle: "long", timeStyle: "short" }) })
          : t("consultationOpened.text", { title: editionTitle }),
        href: `/editions/${event.editionId}`,
      };
    case "consultation_last_week":
      return {
        title: t("consultationLastWeek.title"),
        text: t("consultationLastWeek.text", {
          title: editionTitle,
          date: edition?.closesAt ? format.dateTime(edition.closesAt, { dateStyle: "long", timeStyle: "short" }) : "",
        }),
        href: `/editions/${event.editionId}`,
      };
  }
}
