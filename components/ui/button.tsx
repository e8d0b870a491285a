import Link from "next/link";

type Variant = "primary" | "secondary" | "quiet" | "danger";
const classOf = (variant: Variant, extra?: string) => ["button", variant !== "primary" && `button--${variant}`, extra].filter(Boolean).join(" ");

/** The app's button: primary (one per form), secondary, quiet (text-like) or danger (irreversible steps). */
export function Button({ variant = "primary", className, type = "button", ...props }: React.ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return <button type={type} className={classOf(variant, className)} {...props} />;
}

/** A link that looks like a button (it still navigates: use it for going somewhere, Button for doing something). */
export function LinkButton({ variant = "primary", className, ...props }: React.ComponentProps<typeof Link> & { variant?: Variant }) {
  return <Link className={classOf(variant, className)} {...props} />;
}
