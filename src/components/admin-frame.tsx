"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { Me } from "./app-header";
import { useT } from "./i18n";
import { useStaff } from "./use-staff";

/** The signed-in staff user on an admin page; anyone but an admin is blocked with the reason. */
export function useAdmin(): { me: Me | null; blocked: string | null } {
  const { me, blocked } = useStaff();
  const { t } = useT();
  if (blocked) return { me: null, blocked };
  if (me && me.role !== "ADMIN") return { me: null, blocked: t("admin.onlyAdmins") };
  return { me, blocked: null };
}

const ADMIN_TABS = [
  { href: "/admin/users", label: "admin.tab.users" },
  { href: "/admin/templates", label: "admin.tab.templates" },
  { href: "/admin/settings", label: "admin.tab.settings" },
] as const;

/** Moves between the admin pages. */
export function AdminTabs() {
  const pathname = usePathname();
  const { t } = useT();
  return (
    <nav aria-label={t("admin.title")} className="admin-tabs">
      {ADMIN_TABS.map((tab) => (
        <Link key={tab.href} href={tab.href} aria-current={pathname === tab.href ? "page" : undefined}>
          {t(tab.label)}
        </Link>
      ))}
    </nav>
  );
}

/** An admin page that could not load: the reason, and a way to try again. */
export function LoadFailedNotice({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useT();
  return (
    <div className="notice danger" role="alert">
      {message}{" "}
      <button type="button" className="link" onClick={onRetry}>
        {t("admin.tryAgain")}
      </button>
    </div>
  );
}
