"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { ApiError, api } from "./api";
import type { Me } from "./app-header";
import { useI18n } from "./i18n";

/** The signed-in staff user for a client page; a 401 goes to the sign-in page. The page then speaks the user's language. */
export function useStaff(): { me: Me | null; blocked: string | null } {
  const router = useRouter();
  const { adoptLocale, t } = useI18n();
  const [me, setMe] = useState<Me | null>(null);
  const [blocked, setBlocked] = useState<string | null>(null);
  useEffect(() => {
    api<{ staff: Me }>("/api/me")
      .then(({ staff }) => {
        adoptLocale(staff.locale);
        setMe(staff);
      })
      .catch((error) => {
        if (error instanceof ApiError && error.status === 401) router.replace("/sign-in");
        else setBlocked(error instanceof Error ? error.message : t("common.cannotLoadAccount"));
      });
    // `t` is left out on purpose: switching the language must not load the account again
  }, [router, adoptLocale]);
  return { me, blocked };
}

/** Calls `tick` now and every `ms` while the tab is visible. */
export function usePolling(tick: () => void, ms: number, enabled = true) {
  useEffect(() => {
    if (!enabled) return;
    tick();
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") tick();
    }, ms);
    return () => clearInterval(timer);
  }, [tick, ms, enabled]);
}
