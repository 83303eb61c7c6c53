"use client";

import { useCallback, useEffect, useState } from "react";
import { toast } from "sonner";
import { api } from "@/components/api";
import { AdminConfirmDialog, type ConfirmRequest } from "@/components/admin-confirm-dialog";
import { AdminTabs, LoadFailedNotice, useAdmin } from "@/components/admin-frame";
import { AdminStaffDialog } from "@/components/admin-staff-dialog";
import { AppHeader } from "@/components/app-header";
import { useT } from "@/components/i18n";
import { errorMessage, formatDate } from "@/components/format";
import { BlockedPage } from "@/components/page-frame";
import { codeLabel } from "@/lib/i18n/translate";
import type { AdminStaffView } from "@/services/staff/staff.schemas";

type Action = "approve" | "reject" | "disable";
const DONE = { approve: "admin.users.approved", reject: "admin.users.rejected", disable: "admin.users.disabled" } as const satisfies Record<Action, string>;

/** Staff accounts of the organisation: approvals waiting first, then everyone else. */
export default function AdminUsersPage() {
  const { me, blocked } = useAdmin();
  const { t } = useT();
  const [users, setUsers] = useState<AdminStaffView[] | null>(null);
  // the failure, put into words when shown (so in the language of the moment)
  const [loadError, setLoadError] = useState<{ error: unknown } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [editing, setEditing] = useState<AdminStaffView | null>(null);
  const [confirming, setConfirming] = useState<ConfirmRequest | null>(null);

  const load = useCallback(async () => {
    try {
      setUsers((await api<{ items: AdminStaffView[] }>("/api/admin/users")).items);
      setLoadError(null);
    } catch (error) {
      setLoadError({ error });
    }
  }, []);

  useEffect(() => {
    if (me) void load();
  }, [me, load]);

  const replace = (user: AdminStaffView) => setUsers((list) => list?.map((u) => (u.id === user.id ? user : u)) ?? null);

  async function change(user: AdminStaffView, action: Action) {
    setBusy(user.id);
    try {
      const { staff } = await api<{ staff: AdminStaffView }>(`/api/admin/users/${user.id}/${action}`, { method: "POST" });
      replace(staff);
      toast.success(t(DONE[action], { name: staff.name }));
    } finally {
      setBusy(null);
    }
  }

  function approve(user: AdminStaffView) {
    change(user, "approve").catch((error) => toast.error(errorMessage(error, t("admin.users.approveFailed"))));
  }

  function ask(user: AdminStaffView, action: "reject" | "disable") {
    setConfirming(
      action === "reject"
        ? {
            title: t("admin.users.rejectTitle", { name: user.name }),
            description: t("admin.users.rejectBody", { email: user.email }),
            confirmLabel: t("admin.users.reject"),
            busyLabel: t("admin.users.rejecting"),
            tone: "danger",
            run: () => change(user, "reject"),
          }
        : {
            title: t("admin.users.disableTitle", { name: user.name }),
            description: t("admin.users.disableBody", { email: user.email }),
            confirmLabel: t("admin.users.disable"),
            busyLabel: t("admin.users.disabling"),
            tone: "danger",
            run: () => change(user, "disable"),
          },
    );
  }

  if (blocked) return <BlockedPage message={blocked} />;

  const pending = users?.filter((u) => u.status === "PENDING") ?? [];
  const others = users?.filter((u) => u.status !== "PENDING") ?? [];
  const list = (items: AdminStaffView[], label: string) => (
    <ul className="list staff-list" aria-label={label}>
      {items.map((user) => (
        <StaffRow
          key={user.id}
          user={user}
          self={user.id === me?.id}
          busy={busy === user.id}
          onApprove={() => approve(user)}
          onReject={() => ask(user, "reject")}
          onDisable={() => ask(user, "disable")}
          onEdit={() => setEditing(user)}
        />
      ))}
    </ul>
  );

  return (
    <>
      <AppHeader me={me} />
      <main>
        <h1>{t("admin.title")}</h1>
        <AdminTabs />
        {loadError ? <LoadFailedNotice message={errorMessage(loadError.error, t("admin.users.loadFailed"))} onRetry={() => void load()} /> : null}
        {users === null ? (
          !loadError && <p className="muted">{t("common.loading")}</p>
        ) : (
          <>
            <section className="card" aria-labelledby="pending-head">
              <h2 id="pending-head">{t("admin.users.waitingCount", { count: pending.length })}</h2>
              {pending.length ? list(pending, t("admin.users.waiting")) : <p className="muted small">{t("admin.users.noneWaiting")}</p>}
            </section>
            <section className="card" aria-labelledby="staff-head">
              <h2 id="staff-head">{t("admin.users.staffCount", { count: others.length })}</h2>
              {list(others, t("admin.users.staff"))}
            </section>
          </>
        )}
      </main>
      <AdminStaffDialog user={editing} onClose={() => setEditing(null)} onSaved={replace} />
      <AdminConfirmDialog request={confirming} onClose={() => setConfirming(null)} />
    </>
  );
}

function StaffRow(props: {
  user: AdminStaffView;
  self: boolean;
  busy: boolean;
  onApprove: () => void;
  onReject: () => void;
  onDisable: () => void;
  onEdit: () => void;
}) {
  const { user, self, busy } = props;
  const { t, locale } = useT();
  const name = { name: user.name };
  // a disabled account comes back through the same approval
  const enable = user.status === "DISABLED";
  return (
    <li className="staff-row" aria-label={user.name}>
      <div className="staff-who">
        <strong>{user.name}</strong>
        {self ? <span className="muted small"> {t("admin.users.you")}</span> : null}
        <div className="small staff-email">{user.email}</div>
        <div className="actions small">
          <span className="badge">{codeLabel(t, "role", user.role)}</span>
          <span className={`badge staff-${user.status}`}>{codeLabel(t, "staffStatus", user.status)}</span>
          {user.registrationNumber ? <span className="muted">{user.registrationNumber}</span> : null}
          <span className="muted">{t("admin.users.since", { date: formatDate(user.createdAt, locale) })}</span>
        </div>
      </div>
      <div className="actions">
        {user.status !== "APPROVED" && !self ? (
          <button type="button" className="primary" disabled={busy} onClick={props.onApprove} aria-label={enable ? t("admin.users.enableName", name) : t("admin.users.approveName", name)}>
            {enable ? t("admin.users.enable") : t("admin.users.approve")}
          </button>
        ) : null}
        {user.status === "PENDING" && !self ? (
          <button type="button" className="danger" disabled={busy} onClick={props.onReject} aria-label={t("admin.users.rejectName", name)}>
            {t("admin.users.reject")}
          </button>
        ) : null}
        <button type="button" disabled={busy} onClick={props.onEdit} aria-label={t("admin.users.editName", name)}>
          {t("common.edit")}
        </button>
        {user.status !== "DISABLED" && user.status !== "PENDING" && !self ? (
          <button type="button" className="danger" disabled={busy} onClick={props.onDisable} aria-label={t("admin.users.disableName", name)}>
            {t("admin.users.disable")}
          </button>
        ) : null}
      </div>
    </li>
  );
}
