/**
 * Every event that notifies a person: one typed entry per kind, stored with ids only and rendered
 * from them in the reader's language (server/notifications/render.ts). A later event (an answer,
 * a moderation decision) is one more entry here and one more case in the renderer.
 */
export type NotificationEvent =
  | { kind: "comment_reply"; editionId: string; commentId: string; replyId: string }
  | { kind: "proposal_comment"; editionId: string; proposalId: string; commentId: string }
  | { kind: "consultation_opened"; editionId: string }
  | { kind: "consultation_last_week"; editionId: string };

export type NotificationKind = NotificationEvent["kind"];
export const notificationKinds = ["comment_reply", "proposal_comment", "consultation_opened", "consultation_last_week"] as const satisfies readonly NotificationKind[];

/** The ids an event stores (notifications.data). */
export function eventData(event: NotificationEvent): Record<string, string> {
  return Object.fromEntries(Object.entries(event).filter(([k]) => k !== "kind")) as Record<string, string>;
}

/** The stored row back as its event; null for a kind this version does not know. */
export function eventOf(kind: string, data: Record<string, string>): NotificationEvent | null {
  switch (kind) {
    case "comment_reply":
      return data.editionId && data.commentId && data.replyId ? { kind, editionId: data.editionId, commentId: data.commentId, replyId: data.replyId } : null;
    case "proposal_comment":
      return data.editionId && data.proposalId && data.commentId ? { kind, editionId: data.editionId, proposalId: data.proposalId, commentId: data.commentId } : null;
    case "consultation_opened":
    case "consultation_last_week":
      return data.editionId ? { kind, editionId: data.editionId } : null;
    default:
      return null;
  }
}
