/**
 * Prints the plan (EXPLAIN ANALYZE, BUFFERS) of the statements the search page runs for one query,
 * for the benchmark report. Run by scripts/bench.ts under the react-server condition, since server
 * modules refuse to load elsewhere:
 *   node --conditions=react-server --import tsx scripts/bench/explain-search.ts <editionId> <query>
 */
import { openPostgres } from "@/db/client";
import * as search from "@/server/search/queries";

async function main() {
  const [editionId, query] = process.argv.slice(2);
  if (!editionId || !query || !process.env.DATABASE_URL) throw new Error("usage: DATABASE_URL=… explain-search.ts <editionId> <query>");
  const handle = await openPostgres(process.env.DATABASE_URL, { max: 1 });
  try {
    const explain = (search as Record<string, unknown>).explainSearch as
      | ((db: unknown, args: { editionId: string; query: string; includeFeedback: boolean }) => Promise<string>)
      | undefined;
    if (!explain) throw new Error("server/search/queries.ts exports no explainSearch");
    process.stdout.write(await explain(handle.db, { editionId, query, includeFeedback: true }));
  } finally {
    await handle.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
