"use client";
import { useCallback, useEffect, useId, useRef, useState } from "react";

/**
 * A modal dialog (native <dialog>): opened by its trigger button, closed by Escape, the close
 * button or `close()` from its content; focus goes back to the trigger. The content is rendered
 * only while open, so its forms start fresh each time.
 */
export function Dialog({
  trigger,
  triggerLabel,
  triggerClassName = "button button--secondary",
  title,
  children,
}: {
  trigger: React.ReactNode;
  /** Accessible name of the trigger when its visible text is not enough (e.g. "Deaktivieren" → "Ayşe Yılmaz deaktivieren"). */
  triggerLabel?: string;
  triggerClassName?: string;
  title: React.ReactNode;
  children: (close: () => void) => React.ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const titleId = useId();
  const close = useCallback(() => setOpen(false), []);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <>
      <button ref={triggerRef} type="button" className={triggerClassName} aria-label={triggerLabel} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {trigger}
      </button>
      <dialog
        ref={ref}
        className="dialog"
        aria-labelledby={titleId}
        onClose={() => {
          setOpen(false);
          triggerRef.current?.focus();
        }}
      >
        {open && (
          <>
            <h2 id={titleId} className="dialog__title">
              {title}
            </h2>
            {children(close)}
          </>
        )}
      </dialog>
    </>
  );
}

/** The row at the foot of a dialog's form: its submit button and "cancel", which closes the dialog. */
export function DialogActions({
  submit,
  submitClassName = "button",
  cancel,
  onCancel,
}: {
  submit: React.ReactNode;
  submitClassName?: string;
  cancel: React.ReactNode;
  onCancel: () => void;
}) {
  return (
    <div className="button-row">
      <button type="submit" className={submitClassName}>
        {submit}
      </button>
      <button type="button" className="button button--secondary" onClick={onCancel}>
        {cancel}
      </button>
    </div>
  );
}
