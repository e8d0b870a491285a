"use client";
import { lazy, Suspense, type ComponentProps } from "react";
import type { IdleSessionDialog } from "./idle-session-dialog";

const LazyDialog = lazy(() => import("./idle-session-dialog").then((m) => ({ default: m.IdleSessionDialog })));

/**
 * The idle-session dialog, its code fetched after the page's own: it shows nothing until a
 * warning is due, and every page's first-load JavaScript is close to its budget (about 1 KB gzip).
 */
export function IdleSessionDialogLazy(props: ComponentProps<typeof IdleSessionDialog>) {
  return (
    <Suspense fallback={null}>
      <LazyDialog {...props} />
    </Suspense>
  );
}
