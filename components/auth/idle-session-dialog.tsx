"use client";
import { usePathname } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { sessionPolicy } from "@/server/auth/session-policy";
import { signOutAndLeave } from "./sign-out-button";

type Status = { signedIn: false } | { signedIn: true; idleSecondsLeft: number; absoluteSecondsLeft: number };
type Texts = Record<"title" | "warning" | "absoluteWarning" | "stay" | "signOut" | "expiredTitle" | "expiredText" | "signInAgain" | "close", string>;
type View = "hidden" | "warning" | "absolute" | "expired";

async function fetchStatus(init?: RequestInit): Promise<Status | null> {
  try {
    const res = await fetch("/api/session", { cache: "no-store", ...init });
    return res.ok ? ((await res.json()) as Status) : null;
  } catch {
    return null;
  }
}

type Timers = ReturnType<typeof setTimeout>[];

function clearTimers(timers: Timers) {
  timers.forEach(clearTimeout);
  timers.length = 0;
}

/** Sets the timers for the warning and the end from the server's view of the session. */
function scheduleTimers(status: Status | null, timers: Timers, setView: (update: View | ((v: View) => View)) => void): void {
  clearTimers(timers);
  if (!status) return;
  if (!status.signedIn) {
    setView((v) => (v === "hidden" ? v : "expired"));
    return;
  }
  const kind: View = status.absoluteSecondsLeft < status.idleSecondsLeft ? "absolute" : "warning";
  const left = Math.min(status.idleSecondsLeft, status.absoluteSecondsLeft);
  // Activity (a navigation, "stay signed in", another tab) moved the end away: no warning now.
  if (left > sessionPolicy.warningSeconds) setView("hidden");
  const warnIn = Math.max(0, left - sessionPolicy.warningSeconds);
  timers.push(
    setTimeout(async () => {
      // Another tab may have kept the session alive meanwhile.
      const now = await fetchStatus();
      if (now?.signedIn && Math.min(now.idleSecondsLeft, now.absoluteSecondsLeft) > sessionPolicy.warningSeconds) return scheduleTimers(now, timers, setView);
      setView(now?.signedIn ? kind : "expired");
      if (now?.signedIn) {
        const end = Math.min(now.idleSecondsLeft, now.absoluteSecondsLeft);
        timers.push(setTimeout(async () => scheduleTimers((await fetchStatus()) ?? { signedIn: false }, timers, setView), end * 1000 + 1000));
      }
    }, warnIn * 1000),
  );
}

/**
 * WCAG 2.2.1: two minutes before a session ends for inactivity, a modal dialog says so and offers
 * to stay signed in with one button. Nothing on the page is reloaded or cleared, so text typed
 * into a form stays where it is, also after the session has ended. The timers follow the
 * server's view (GET /api/session) after every navigation and before the dialog opens, so
 * activity in another tab counts.
 */
export function IdleSessionDialog({ texts }: { texts: Texts }) {
  const pathname = usePathname();
  const dialog = useRef<HTMLDialogElement>(null);
  const timers = useRef<Timers>([]);
  const [view, setView] = useState<View>("hidden");
  const titleId = useId();
  const textId = useId();

  const clear = () => clearTimers(timers.current);
  const schedule = useCallback((status: Status | null) => scheduleTimers(status, timers.current, setView), []);

  useEffect(() => {
    let cancelled = false;
    void fetchStatus().then((s) => !cancelled && schedule(s));
    return () => {
      cancelled = true;
      clear();
    };
  }, [pathname, schedule]);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (view === "hidden") {
      if (d.open) d.close();
    } else if (!d.open) {
      d.showModal();
    }
  }, [view]);

  const stay = async () => {
    const status = await fetchStatus({ method: "POST" });
    setView(status?.signedIn ? "hidden" : "expired");
    schedule(status);
  };

  return (
    <dialog ref={dialog} className="session-dialog" aria-labelledby={titleId} aria-describedby={textId} onCancel={(e) => view !== "expired" && e.preventDefault()} onClose={() => setView("hidden")}>
      {view === "expired" ? (
        <>
          <h2 id={titleId}>{texts.expiredTitle}</h2>
          <p id={textId}>{texts.expiredText}</p>
          <p className="session-dialog__actions">
            <a className="button" href={`/signin?callbackUrl=${encodeURIComponent(pathname)}`} target="_blank" rel="noopener">
              {texts.signInAgain}
            </a>{" "}
            <button type="button" className="button button--secondary" onClick={() => setView("hidden")}>
              {texts.close}
            </button>
          </p>
        </>
      ) : (
        <>
          <h2 id={titleId}>{texts.title}</h2>
          <p id={textId}>{view === "absolute" ? texts.absoluteWarning : texts.warning}</p>
          <p className="session-dialog__actions">
            {view !== "absolute" && (
              <button type="button" className="button" autoFocus onClick={stay}>
                {texts.stay}
              </button>
            )}{" "}
            <button type="button" className="button button--secondary" onClick={() => void signOutAndLeave()}>
              {texts.signOut}
            </button>
          </p>
        </>
      )}
    </dialog>
  );
}
