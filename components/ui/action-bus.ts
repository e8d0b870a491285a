"use client";
import { useEffect } from "react";

/**
 * A message belongs to the last thing the person did: when any form starts an action, the
 * messages of all other forms and rows go away (so two contradicting messages never stand side by side).
 */
const EVENT = "planwerk:action-start";

export function announceActionStart(sourceId: string) {
  window.dispatchEvent(new CustomEvent(EVENT, { detail: sourceId }));
}

export function useClearOnOtherAction(sourceId: string, clear: () => void) {
  useEffect(() => {
    const onStart = (e: Event) => {
      if ((e as CustomEvent<string>).detail !== sourceId) clear();
    };
    window.addEventListener(EVENT, onStart);
    return () => window.removeEventListener(EVENT, onStart);
  }, [sourceId, clear]);
}
