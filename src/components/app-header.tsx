"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { LANGUAGE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";
import { api } from "./api";
import { useI18n } from "./i18n";

export type Me = { id: string; name: string; email: string; role: "ADMIN" | "PHARMACIST" | "VOLUNTEER"; locale: Locale };

const LINKS = [
  { href: "/dashboard", label: "nav.today" },
  { href: "/patients", label: "nav.patients" },
  { href: "/inbox", label: "nav.inbox" },
  { href: "/consultations", label: "nav.consultations" },
  { href: "/admin", label: "nav.admin", roles: ["ADMIN"] },
] as const;

/**
 * The top bar of every staff page. `openCount` lets the inbox page share the count it already has;
 * other pages fetch it themselves, once a minute.
 */
export function AppHeader({ me, openCount }: { me: Me | null; openCount?: number }) {
  const router = useRouter();
  const pathname = usePathname();
  const { t, locale, chooseLocale } = useI18n();
  const [fetchedCount, setFetchedCount] = useState<number | null>(null);

  useEffect(() => {
    if (!me || openCount !== undefined) return;
    const load = () =>
      api<{ items: unknown[] }>("/api/escalations?limit=200")
        .then((r) => setFetchedCount(r.items.length))
        .catch(() => setFetchedCount(null));
    void load();
    const timer = setInterval(load, 60_000);
    return () => clearInterval(timer);
  }, [me, openCount]);

  const count = openCount ?? fetchedCount;
  return (
    <header className="header">
      <Link href="/dashboard" className="brand">
        CareLoop
      </Link>
      {me && (
        <nav aria-label={t("nav.main")} className="nav">
          {LINKS.filter((link) => !("roles" in link) || link.roles.some((role) => role === me.role)).map((link) => {
            const active = pathname === link.href || pathname.startsWith(`${link.href}/`);
            return (
              <Link key={link.href} href={link.href} aria-current={active ? "page" : undefined}>
                {t(link.label)}
                {link.href === "/inbox" && count ? (
                  <span className="count" aria-label={t("nav.openCount", { count })}>
                    {count}
                  </span>
                ) : null}
              </Link>
            );
          })}
        </nav>
      )}
      {me && (
        <span className="who">
          <span className="hide-sm">
            {me.name} · {t(`role.${me.role}`)}{" "}
          </span>
          {/* each language named in itself; the choice is saved on the user and applies at once */}
          <span className="lang-switch">
            {LOCALES.map((l) => (
              <button
                key={l}
                type="button"
                className="link"
                lang={l}
                title={LANGUAGE_NAMES[l]}
                aria-label={LANGUAGE_NAMES[l]}
                aria-pressed={l === locale}
                style={l === locale ? { fontWeight: 700, textDecoration: "underline" } : undefined}
                onClick={() => l !== locale && void chooseLocale(l)}
              >
                {l.toUpperCase()}
              </button>
            ))}
          </span>{" "}
          <button
            type="button"
            className="link"
            onClick={async () => {
              // with Clerk, Clerk's own session must end too, or its sign-in page signs us straight back in
              const clerk = (window as { Clerk?: { signOut(): Promise<void> } }).Clerk;
              if (clerk) await clerk.signOut();
              else await api("/api/auth/sign-out", { method: "POST" });
              router.push("/sign-in");
            }}
          >
            {t("header.signOut")}
          </button>
        </span>
      )}
    </header>
  );
}
