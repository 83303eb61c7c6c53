import Link from "next/link";

/** What a page shows when the API says 404: the record does not exist or is not this user's. */
export function NotFoundState({ what, back, backLabel }: { what: string; back: string; backLabel: string }) {
  return (
    <div className="card not-found" role="status">
      <h1>{what} not found</h1>
      <p className="muted">
        It does not exist, or it is not one of yours. <span lang="id">Data tidak ditemukan atau bukan milik Anda.</span>
      </p>
      <Link href={back} className="button">
        {backLabel}
      </Link>
    </div>
  );
}
