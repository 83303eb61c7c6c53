"use client";

import { useCallback, useState } from "react";
import { toast } from "sonner";
import { api } from "@/components/api";
import { AppHeader } from "@/components/app-header";
import { EscalationItem, type EscalationView } from "@/components/escalation-item";
import { errorMessage } from "@/components/format";
import { useT } from "@/components/i18n";
import { ResolveDialog } from "@/components/resolve-dialog";
import { usePolling, useStaff } from "@/components/use-staff";
import { BlockedPage } from "@/components/page-frame";

const KIND_ORDER: Record<EscalationView["kind"], number> = { emergency: 0, urgent: 1, symptom: 2, question: 3, handoff: 4 };

/** Most urgent kind first; within a kind, the newest first. */
const byUrgency = (a: EscalationView, b: EscalationView) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.createdAt.localeCompare(a.createdAt);

export default function InboxPage() {
  const { me, blocked } = useStaff();
  const { t } = useT();
  const [items, setItems] = useState<EscalationView[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [resolving, setResolving] = useState<EscalationView | null>(null);

  const load = useCallback(() => {
    api<{ items: EscalationView[] }>("/api/escalations?limit=200")
      .then((r) => setItems([...r.items].sort(byUrgency)))
      .catch((error) => toast.error(errorMessage(error, t("inbox.loadFailed"))));
  }, [t]);
  usePolling(load, 10_000, Boolean(me));

  async function claim(item: EscalationView) {
    setBusy(item.id);
    try {
      await api(`/api/escalations/${item.id}/claim`, { method: "POST" });
      toast.success(t("inbox.claimed"));
      load();
    } catch (error) {
      toast.error(errorMessage(error, t("inbox.claimFailed")));
    } finally {
      setBusy(null);
    }
  }

  if (blocked) return <BlockedPage message={blocked} />;

  const emergencies = items?.filter((i) => i.kind === "emergency").length ?? 0;
  return (
    <>
      <AppHeader me={me} openCount={items?.length} />
      <main>
        <h1>{t("inbox.title")}</h1>
        {emergencies > 0 ? (
          <div className="notice danger" role="alert">
            {t(emergencies === 1 ? "inbox.emergencies.one" : "inbox.emergencies.other", { count: emergencies })}
          </div>
        ) : null}
        {items === null ? (
          <p className="muted">{t("common.loading")}</p>
        ) : items.length === 0 ? (
          <div className="card empty">{t("inbox.nothing")}</div>
        ) : (
          <ul className="inbox">
            {items.map((item) => (
              <EscalationItem
                key={item.id}
                item={item}
                meId={me?.id ?? ""}
                busy={busy === item.id}
                onClaim={() => void claim(item)}
                onResolve={() => setResolving(item)}
              />
            ))}
          </ul>
        )}
        <p className="muted small">{t("inbox.polling")}</p>
      </main>
      <ResolveDialog
        escalationId={resolving?.id ?? null}
        patientName={resolving?.patient?.name ?? t("inbox.unknownSender")}
        onOpenChange={(open) => !open && setResolving(null)}
        onResolved={load}
      />
    </>
  );
}
