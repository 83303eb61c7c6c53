"use client";

import { useCallback, useEffect, useState } from "react";
import { api } from "@/components/api";
import { AdminTabs, LoadFailedNotice, useAdmin } from "@/components/admin-frame";
import { AdminSettingsForm, type OrganisationView } from "@/components/admin-settings-form";
import { AppHeader } from "@/components/app-header";
import { useT } from "@/components/i18n";
import { errorMessage } from "@/components/format";
import { BlockedPage } from "@/components/page-frame";

type LoadFailure = { error: unknown; fallback: "admin.settings.loadFailed" | "admin.settings.unreachable" };

/** Organisation settings and the state of its WhatsApp device as GOWA reports it. */
export default function AdminSettingsPage() {
  const { me, blocked } = useAdmin();
  const { t } = useT();
  const [organisation, setOrganisation] = useState<OrganisationView | null>(null);
  // the failure, put into words when shown (so in the language of the moment)
  const [loadError, setLoadError] = useState<LoadFailure | null>(null);
  const [checking, setChecking] = useState(false);

  const load = useCallback(async () => {
    try {
      setOrganisation(await api<OrganisationView>("/api/organisation"));
      setLoadError(null);
    } catch (error) {
      setLoadError({ error, fallback: "admin.settings.loadFailed" });
    }
  }, []);

  useEffect(() => {
    if (me) void load();
  }, [me, load]);

  // asks GOWA again without touching the form
  async function checkDevice() {
    setChecking(true);
    try {
      const { device } = await api<OrganisationView>("/api/organisation");
      setOrganisation((o) => (o ? { ...o, device } : o));
    } catch (error) {
      setLoadError({ error, fallback: "admin.settings.unreachable" });
    } finally {
      setChecking(false);
    }
  }

  if (blocked) return <BlockedPage message={blocked} />;

  return (
    <>
      <AppHeader me={me} />
      <main>
        <h1>{t("admin.title")}</h1>
        <AdminTabs />
        {loadError ? <LoadFailedNotice message={errorMessage(loadError.error, t(loadError.fallback))} onRetry={() => void load()} /> : null}
        {organisation === null ? (
          !loadError && <p className="muted">{t("common.loading")}</p>
        ) : (
          <>
            <section className="card" aria-labelledby="device-head">
              <div className="section-head">
                <h2 id="device-head">{t("admin.settings.device")}</h2>
                <button type="button" onClick={() => void checkDevice()} disabled={checking}>
                  {checking ? t("admin.settings.checking") : t("admin.settings.checkAgain")}
                </button>
              </div>
              <DeviceStatus device={organisation.device} deviceId={organisation.gowaDeviceId} />
            </section>
            <section className="card" aria-labelledby="settings-head">
              <h2 id="settings-head">{t("admin.settings.title")}</h2>
              <p className="muted small">{t("admin.settings.country", { country: organisation.country })}</p>
              <AdminSettingsForm organisation={organisation} onSaved={setOrganisation} />
            </section>
          </>
        )}
      </main>
    </>
  );
}

function DeviceStatus({ device, deviceId }: { device: OrganisationView["device"]; deviceId: string | null }) {
  const { t } = useT();
  const error = device?.error ? ` (${device.error})` : "";
  let state: { badge: string; tone: string; text: string };
  if (!device) state = { badge: t("admin.device.unknown"), tone: "", text: t("admin.device.unknown.text") };
  else if (!device.reachable) state = { badge: t("admin.device.unreachable"), tone: "state-failed", text: t("admin.device.unreachable.text", { error }) };
  else if (!device.loggedIn) state = { badge: t("admin.device.loggedOut"), tone: "state-failed", text: t("admin.device.loggedOut.text", { error }) };
  else if (!device.connected) state = { badge: t("admin.device.disconnected"), tone: "paused", text: t("admin.device.disconnected.text") };
  else state = { badge: t("admin.device.connected"), tone: "active", text: t("admin.device.connected.text") };
  return (
    <div role="status">
      <p className="actions">
        <span className={`badge ${state.tone}`}>{state.badge}</span>
        <span>{state.text}</span>
      </p>
      <dl className="facts small">
        <dt>{t("admin.device.device")}</dt>
        <dd>{deviceId ?? t("admin.device.gatewayDefault")}</dd>
        <dt>{t("admin.device.account")}</dt>
        <dd>{device?.jid ?? "—"}</dd>
      </dl>
    </div>
  );
}
