"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";

type Item = { href: string; label: string; group?: "admin" };

const isCurrent = (pathname: string, href: string) => (href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`));

/**
 * The main navigation. The officer's administration pages sit behind one disclosure ("Verwaltung")
 * so that her header stays one row on a desktop; on phones the group opens inside the menu.
 */
export function NavLinks({ items, groupLabel }: { items: Item[]; groupLabel: string }) {
  const pathname = usePathname();
  const main = items.filter((i) => !i.group);
  const admin = items.filter((i) => i.group === "admin");
  return (
    <ul className="nav-list">
      {main.map((item) => (
        <li key={item.href}>
          <Link href={item.href} aria-current={isCurrent(pathname, item.href) ? "page" : undefined}>
            {item.label}
          </Link>
        </li>
      ))}
      {admin.length > 0 && (
        <li className="nav-group">
          <NavGroup label={groupLabel} items={admin} pathname={pathname} />
        </li>
      )}
    </ul>
  );
}

function NavGroup({ label, items, pathname }: { label: string; items: Item[]; pathname: string }) {
  const [open, setOpen] = useState(false);
  const [shownFor, setShownFor] = useState(pathname);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const id = useId();
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      // The phone menu around it closes on Escape too; this one only when it is open.
      e.stopPropagation();
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!list.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener("keydown", onKey, true);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey, true);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);
  const current = items.some((i) => isCurrent(pathname, i.href));
  return (
    <>
      <button ref={button} type="button" className="nav-group__button" aria-expanded={open} aria-controls={id} data-current={current || undefined} onClick={() => setOpen((o) => !o)}>
        {label}
        <span className="nav-group__caret" aria-hidden="true" />
      </button>
      <ul ref={list} id={id} className="nav-group__list" hidden={!open}>
        {items.map((item) => (
          <li key={item.href}>
            <Link href={item.href} aria-current={isCurrent(pathname, item.href) ? "page" : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
