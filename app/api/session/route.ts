import { isSameOriginPost } from "@/server/auth/csrf";
import { sessionStatus } from "@/server/auth/session";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };

/** How long the session has left (for the idle-session dialog). Reading it does not count as activity. */
export async function GET() {
  return Response.json(await sessionStatus(), { headers: noStore });
}

/** "Stay signed in": counts as activity. Only from the app's own pages. */
export async function POST(req: Request) {
  if (!isSameOriginPost(req.headers)) return Response.json({ error: "Forbidden" }, { status: 403, headers: noStore });
  return Response.json(await sessionStatus({ stayActive: true }), { headers: noStore });
}
