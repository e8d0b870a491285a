import type { Action } from "../permissions";

/**
 * Every server action, by name: its permission and where it is exported. `defineAction` accepts
 * only names from here, and the e2e access spec walks this list (and Next's action manifest) to
 * call each action directly as every audience the permission table refuses.
 */
export const actionRegistry = {
  "locale.set": { permission: "locale.set", file: "server/i18n/actions.ts", exportName: "setLocale" },
  "profile.update": { permission: "profile.update", file: "server/users/actions.ts", exportName: "updateProfile" },
  "user.invite": { permission: "user.invite", file: "server/users/actions.ts", exportName: "inviteUser" },
  "user.setActive": { permission: "user.manage", file: "server/users/actions.ts", exportName: "setUserActive" },
  "user.setRole": { permission: "user.manage", file: "server/users/actions.ts", exportName: "setUserRole" },
  "invitation.accept": { permission: "invitation.accept", file: "server/users/actions.ts", exportName: "acceptInvitation" },
  "accessibility.feedback": { permission: "accessibility.feedback", file: "server/legal/actions.ts", exportName: "sendAccessibilityFeedback" },
  "comment.create": { permission: "comment.create", file: "server/comments/actions.ts", exportName: "createComment" },
  "comment.update": { permission: "comment.update", file: "server/comments/actions.ts", exportName: "updateComment" },
  "comment.delete": { permission: "comment.delete", file: "server/comments/actions.ts", exportName: "deleteComment" },
  "proposal.create": { permission: "proposal.create", file: "server/proposals/actions.ts", exportName: "createProposal" },
  "proposal.update": { permission: "proposal.update", file: "server/proposals/actions.ts", exportName: "updateProposal" },
  "proposal.withdraw": { permission: "proposal.withdraw", file: "server/proposals/actions.ts", exportName: "withdrawProposal" },
  "vote.cast": { permission: "vote.cast", file: "server/proposals/votes.ts", exportName: "castVote" },
  "vote.retract": { permission: "vote.cast", file: "server/proposals/votes.ts", exportName: "retractVote" },
  "report.create": { permission: "report.create", file: "server/reports/actions.ts", exportName: "reportFeedback" },
  "notification.markRead": { permission: "notification.manage", file: "server/notifications/actions.ts", exportName: "markNotificationsRead" },
  "user.import": { permission: "user.invite", file: "server/users/import-actions.ts", exportName: "importPeople" },
  "invitation.resend": { permission: "user.manage", file: "server/users/actions.ts", exportName: "resendInvitation" },
  "invitation.revoke": { permission: "user.manage", file: "server/users/actions.ts", exportName: "revokeInvitation" },
  "users.bulk": { permission: "users.manageMany", file: "server/users/actions.ts", exportName: "bulkPeopleAction" },
  "group.save": { permission: "registry.manage", file: "server/registry/actions.ts", exportName: "saveGroup" },
  "organisation.save": { permission: "registry.manage", file: "server/registry/actions.ts", exportName: "saveOrganisation" },
  "organisation.delete": { permission: "registry.manage", file: "server/registry/actions.ts", exportName: "deleteOrganisation" },
  "edition.copy": { permission: "edition.copy", file: "server/editions/actions.ts", exportName: "copyEdition" },
  "edition.settings": { permission: "edition.edit", file: "server/editions/actions.ts", exportName: "updateEditionSettings" },
  "edition.phase": { permission: "edition.phase", file: "server/editions/actions.ts", exportName: "changePhase" },
  "outline.change": { permission: "edition.edit", file: "server/editions/outline-actions.ts", exportName: "changeOutline" },
  "section.saveText": { permission: "edition.edit", file: "server/editions/outline-actions.ts", exportName: "saveSectionText" },
  "word.preview": { permission: "edition.edit", file: "server/editions/word-actions.ts", exportName: "previewWordImport" },
  "word.apply": { permission: "edition.edit", file: "server/editions/word-actions.ts", exportName: "applyWordImport" },
  "notification.settings": { permission: "notification.manage", file: "server/notifications/actions.ts", exportName: "updateNotificationSettings" },
} as const satisfies Record<string, { permission: Action; file: string; exportName: string }>;

export type ActionName = keyof typeof actionRegistry;
