"use client";

import Link from "next/link";
import { useT } from "./i18n";

/** What a page shows when the API says 404: the record does not exist or is not this user's. Texts come translated. */
export function NotFoundState({ title, back, backLabel }: { title: string; back: string; backLabel: string }) {
  const { t } = useT();
  return (
    <div className="card not-found" role="status">
      <h1>{title}</h1>
      <p className="muted">{t("notFound.body")}</p>
      <Link href={back} className="button">
        {backLabel}
      </Link>
    </div>
  );
}
