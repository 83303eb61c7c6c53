"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { api } from "./api";

export type Me = { id: string; name: string; email: string; role: "ADMIN" | "PHARMACIST" | "VOLUNTEER" };

const LINKS = [
  { href: "/dashboard", label: "Today" },
  { href: "/patients", label: "Patients" },
  { href: "/inbox", label: "Inbox" },
  { href: "/consultations", label: "Consultations" },
] as const;

/**
 * The top bar of every staff page. `openCount` lets the inbox page share the count it already has;
 * other pages fetch it themselves, once a minute.
 */
export function AppHeader({ me, openCount }: { me: Me | null; openCount?: number }) {
  const router = useRouter();
  const pathname = usePathname();
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
        <nav aria-label="Main" className="nav">
          {LINKS.map((link) => {
            const active = pathname === link.href || pathname.startsWith(`${link.href}/`);
            return (
              <Link key={link.href} href={link.href} aria-current={active ? "page" : undefined}>
                {link.label}
                {link.href === "/inbox" && count ? (
                  <span className="count" aria-label={`${count} open`}>
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
            {me.name} · {me.role.toLowerCase()}{" "}
          </span>
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
            Sign out
          </button>
        </span>
      )}
    </header>
  );
}
