type Tone = "error" | "success" | "info" | "warning";

/**
 * A message box. `live` makes it a live region (status for success/info, alert for errors) so a
 * message that appears after an action is announced; static notices leave it off.
 */
export function Alert({ tone = "info", live = false, title, children, id }: { tone?: Tone; live?: boolean; title?: React.ReactNode; children?: React.ReactNode; id?: string }) {
  const role = live ? (tone === "error" ? "alert" : "status") : undefined;
  return (
    <div id={id} className={`alert-box alert-box--${tone}`} role={role}>
      {title && <p className="alert-box__title">{title}</p>}
      {children}
    </div>
  );
}
