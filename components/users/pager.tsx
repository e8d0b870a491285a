import Link from "next/link";
import { useTranslations } from "next-intl";

/** Previous / next page links that keep the filter; the current page is said in words. */
export function Pager({ page, pages, params }: { page: number; pages: number; params: URLSearchParams }) {
  const t = useTranslations("users.pager");
  if (pages <= 1) return null;
  const href = (p: number) => {
    const q = new URLSearchParams(params);
    if (p > 1) q.set("page", String(p));
    const s = q.toString();
    return s ? `/admin/users?${s}` : "/admin/users";
  };
  return (
    <nav aria-label={t("label")} className="pager">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev">
          {t("previous")}
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
      <span aria-current="page">{t("position", { page, pages })}</span>
      {page < pages ? (
        <Link href={href(page + 1)} rel="next">
          {t("next")}
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
    </nav>
  );
}
