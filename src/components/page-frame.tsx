"use client";

import { AppHeader } from "./app-header";
import { useT } from "./i18n";

/** What a staff page shows when the account cannot use it (waiting for approval, disabled). */
export function BlockedPage({ message }: { message: string }) {
  return (
    <>
      <AppHeader me={null} />
      <main>
        <div className="card">{message}</div>
      </main>
    </>
  );
}

/** Previous / Next over a keyset-paginated list: `cursors` holds the cursor of every page so far. */
export function Pager(props: {
  cursors: Array<string | null>;
  nextCursor: string | null | undefined;
  loading: boolean;
  onChange: (cursors: Array<string | null>) => void;
}) {
  const { cursors, nextCursor, loading, onChange } = props;
  const { t } = useT();
  return (
    <div className="pager">
      <button type="button" disabled={cursors.length <= 1 || loading} onClick={() => onChange(cursors.slice(0, -1))}>
        {t("pager.previous")}
      </button>
      <span>{loading ? t("common.loading") : t("pager.page", { n: cursors.length })}</span>
      <button type="button" disabled={!nextCursor || loading} onClick={() => nextCursor && onChange([...cursors, nextCursor])}>
        {t("pager.next")}
      </button>
    </div>
  );
}
