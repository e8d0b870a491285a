import crypto from "node:crypto";

/** Invitation links carry a random token; only its hash is stored. */
/** What a token in a link looks like (base64url of 32 bytes, with room to spare). */
export const tokenPattern = /^[A-Za-z0-9_-]{20,100}$/;
export const newToken = () => crypto.randomBytes(32).toString("base64url");
export const hashToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");
