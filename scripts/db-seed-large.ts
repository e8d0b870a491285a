import { writeFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { openPostgres } from "../db/client";
import { LargeSeedExistsError, PARTICIPANT_EMAIL_LIKE, hasLargeSeed, seedLarge } from "../db/seed/large";

/**
 * `npm run db:seed:large [-- --scale=0.1] [--manifest=path.json]`: fills the PostgreSQL database that
 * DATABASE_URL names with a consultation at state-portal scale (db/seed/large.ts), on top of the
 * normal seed (written first when the database is empty). Prints the manifest and the row counts.
 */
const usage = "usage: DATABASE_URL=postgres://… npm run db:seed:large -- [--scale=1] [--manifest=path.json]";

function parseArgs(argv: string[]) {
  let scale = 1;
  let manifest: string | null = null;
  for (const arg of argv) {
    const [name, value] = arg.split(/=(.*)/s) as [string, string | undefined];
    if (name === "--scale" && value !== undefined && Number.isFinite(Number(value)) && Number(value) > 0 && Number(value) <= 10) scale = Number(value);
    else if (name === "--manifest" && value) manifest = value;
    else if (name === "--help" || name === "-h") {
      console.log(usage);
      process.exit(0);
    } else {
      console.error(`Unknown or malformed argument: ${arg}\n${usage}`);
      process.exit(2);
    }
  }
  return { scale, manifest };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(
      "The large seed is for a PostgreSQL server: set DATABASE_URL (postgres://…). It does not fill the embedded database (PGlite):\n" +
        "a million rows would take hours there, and the README and the benchmark measure on PostgreSQL.\n" +
        usage,
    );
    process.exit(2);
  }
  const handle = await openPostgres(url, { max: 1 });
  try {
    await handle.migrate();
    if (await hasLargeSeed(handle.db)) throw new LargeSeedExistsError();
    const started = Date.now();
    console.log(`Large seed at scale ${args.scale} …`);
    const manifest = await seedLarge(handle.db, { scale: args.scale, onProgress: (m) => console.log(m) });
    console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    const [counts] = (await handle.db.execute(sql`
      select (select count(*) from users where email like ${PARTICIPANT_EMAIL_LIKE})::int as participants,
             (select count(*) from feedback where kind = 'comment')::int as comments,
             (select count(*) from proposals)::int as proposals,
             (select count(*) from votes)::int as votes`)) as unknown as Record<string, number>[];
    console.log("Rows in the database (all editions):", counts);
    console.log(JSON.stringify(manifest, null, 2));
    if (args.manifest) {
      writeFileSync(args.manifest, JSON.stringify(manifest, null, 2) + "\n");
      console.log(`Manifest written to ${args.manifest}.`);
    }
  } finally {
    await handle.close();
  }
}

main().catch((e) => {
  if (e instanceof LargeSeedExistsError) {
    console.error(e.message);
    process.exit(3);
  }
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
