/** How long secrets and sessions live; one place, documented in the README's "Security" section. */

/** An invitation link (set a password) stays valid this long. */
export const INVITATION_DAYS = 14;
/** A sign-in link mailed to a person stays valid this long. */
export const SIGN_IN_LINK_MINUTES = 15;

export const invitationExpiry = (from: Date = new Date()) => new Date(from.getTime() + INVITATION_DAYS * 86_400_000);
export const signInLinkExpiry = (from: Date = new Date()) => new Date(from.getTime() + SIGN_IN_LINK_MINUTES * 60_000);
