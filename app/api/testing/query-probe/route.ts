import { QUERY_PROBE_ID, probeTokenMatches, queryProbeState } from "@/server/testing/query-probe";

export const dynamic = "force-dynamic";

/**
 * For e2e/full/query-count.spec.ts only: how many SQL statements the requests that carried
 * `x-planwerk-query-probe: <id>` sent. Answers 404 unless the server runs with the query probe
 * (server/testing/query-probe.ts), 403 without the test token.
 */
export async function GET(request: Request) {
  const state = queryProbeState();
  if (!state) return new Response("Not found", { status: 404 });
  if (!probeTokenMatches(state, request.headers.get("authorization"))) return new Response("Forbidden", { status: 403 });
  const id = new URL(request.url).searchParams.get("id") ?? "";
  if (!QUERY_PROBE_ID.test(id)) return new Response("Bad id", { status: 400 });
  return Response.json({ id, statements: state.counts.get(id) ?? 0 }, { headers: { "cache-control": "no-store" } });
}
