import crypto from "node:crypto";

/** Invitation links carry a random token; only its hash is stored. */
export const newToken = () => crypto.randomBytes(32).toString("base64url");
export const hashToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");
