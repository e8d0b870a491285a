import { getHandle } from "@/db/client";
import { log } from "@/server/log";

export const dynamic = "force-dynamic";

/** For load balancers and tests: 200 when the database answers, 503 when it does not. */
export async function GET() {
  try {
    const handle = await getHandle();
    await Promise.race([handle.ping(), new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 3000))]);
    return Response.json({ status: "ok", database: { status: "ok", driver: handle.driver } });
  } catch (e) {
    log.warn({ err: (e as Error).message }, "health check: database unreachable");
    return Response.json({ status: "error", database: { status: "unreachable" } }, { status: 503 });
  }
}
