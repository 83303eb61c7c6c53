"use client";

import { useCallback, useState } from "react";
import { toast } from "sonner";
import { api } from "@/components/api";
import { AppHeader } from "@/components/app-header";
import { EscalationItem, type EscalationView } from "@/components/escalation-item";
import { errorMessage } from "@/components/format";
import { ResolveDialog } from "@/components/resolve-dialog";
import { usePolling, useStaff } from "@/components/use-staff";

const KIND_ORDER: Record<EscalationView["kind"], number> = { emergency: 0, urgent: 1, symptom: 2, question: 3, handoff: 4 };

/** Most urgent kind first; within a kind, the newest first. */
const byUrgency = (a: EscalationView, b: EscalationView) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.createdAt.localeCompare(a.createdAt);

export default function InboxPage() {
  const { me, blocked } = useStaff();
  const [items, setItems] = useState<EscalationView[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [resolving, setResolving] = useState<EscalationView | null>(null);

  const load = useCallback(() => {
    api<{ items: EscalationView[] }>("/api/escalations?limit=200")
      .then((r) => setItems([...r.items].sort(byUrgency)))
      .catch((error) => toast.error(errorMessage(error, "Could not load the inbox")));
  }, []);
  usePolling(load, 10_000, Boolean(me));

  async function claim(item: EscalationView) {
    setBusy(item.id);
    try {
      await api(`/api/escalations/${item.id}/claim`, { method: "POST" });
      toast.success("Claimed: it is yours now");
      load();
    } catch (error) {
      toast.error(errorMessage(error, "Could not claim"));
    } finally {
      setBusy(null);
    }
  }

  if (blocked) {
    return (
      <>
        <AppHeader me={null} />
        <main>
          <div className="card">{blocked}</div>
        </main>
      </>
    );
  }

  const emergencies = items?.filter((i) => i.kind === "emergency").length ?? 0;
  return (
    <>
      <AppHeader me={me} openCount={items?.length} />
      <main>
        <h1>Inbox</h1>
        {emergencies > 0 ? (
          <div className="notice danger" role="alert">
            {emergencies} emergency {emergencies === 1 ? "item" : "items"}: call the patient now. <span lang="id">Segera hubungi pasien.</span>
          </div>
        ) : null}
        {items === null ? (
          <p className="muted">Loading…</p>
        ) : items.length === 0 ? (
          <div className="card empty">Nothing waiting. <span lang="id">Tidak ada yang menunggu.</span></div>
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
        <p className="muted small">Updates every 10 seconds.</p>
      </main>
      <ResolveDialog
        escalationId={resolving?.id ?? null}
        patientName={resolving?.patient?.name ?? "unknown sender"}
        onOpenChange={(open) => !open && setResolving(null)}
        onResolved={load}
      />
    </>
  );
}
