import { sql } from "drizzle-orm";
import { users } from "@/db/schema";

/** Addresses are compared without regard to letter case, as the unique index on lower(email) does. */
export const emailIs = (email: string) => sql`lower(${users.email}) = ${email.trim().toLowerCase()}`;
