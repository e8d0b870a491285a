"use client";
import { useTranslations } from "next-intl";
import { useCallback, useId, useState } from "react";
import { useClearOnOtherAction } from "../ui/action-bus";
import { Dialog } from "../ui/dialog";
import { GroupForm } from "./group-form";

/** Rename a group (German and English name); the outcome is said beside the button. */
export function GroupControls({ group }: { group: { id: string; nameDe: string; nameEn: string; name: string } }) {
  const t = useTranslations("registry");
  const rowId = `grp${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const [message, setMessage] = useState<string | null>(null);
  const clear = useCallback(() => setMessage(null), []);
  useClearOnOtherAction(rowId, clear);
  return (
    <div className="row-controls">
      <div className="row-controls__buttons">
        <Dialog trigger={t("rename")} triggerLabel={t("renameName", { name: group.name })} title={t("renameTitle", { name: group.name })}>
          {(close) => (
            <GroupForm
              group={group}
              onDone={(text) => {
                setMessage(text);
                close();
              }}
            />
          )}
        </Dialog>
      </div>
      <p role="status" className={message ? "success" : "visually-hidden"}>
        {message ?? ""}
      </p>
    </div>
  );
}
