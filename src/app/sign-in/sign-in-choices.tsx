"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { api } from "@/components/api";
import { useT } from "@/components/i18n";
import { codeLabel } from "@/lib/i18n/translate";

type Choice = { email: string; name: string; role: string; status: string; orgName: string };

export function SignInChoices({ users }: { users: Choice[] }) {
  const router = useRouter();
  const { t } = useT();
  const [busy, setBusy] = useState<string | null>(null);
  const [email, setEmail] = useState("");

  async function signIn(address: string) {
    setBusy(address);
    try {
      await api("/api/dev/sign-in", { body: { email: address } });
      router.push("/patients");
      router.refresh();
    } catch (error) {
      toast.error(error instanceof Error ? error.message : t("signIn.failed"));
      setBusy(null);
    }
  }

  return (
    <>
      <div className="users">
        {users.map((u) => (
          <button key={u.email} type="button" disabled={busy !== null} onClick={() => signIn(u.email)}>
            <span>
              <strong>{u.name}</strong>
              <br />
              <span className="muted">{u.email}</span>
            </span>
            <span className="muted">
              {codeLabel(t, "role", u.role)}
              {u.status !== "APPROVED" ? ` · ${codeLabel(t, "staffStatus", u.status)}` : ""} · {u.orgName}
            </span>
          </button>
        ))}
        {users.length === 0 && <p className="muted">{t("signIn.noUsers")}</p>}
      </div>
      <form
        className="toolbar"
        style={{ marginTop: 16 }}
        onSubmit={(e) => {
          e.preventDefault();
          if (email) void signIn(email);
        }}
      >
        <input type="email" placeholder={t("signIn.emailPlaceholder")} value={email} onChange={(e) => setEmail(e.target.value)} aria-label={t("signIn.email")} />
        <button className="primary" type="submit" disabled={busy !== null || !email}>
          {t("signIn.submit")}
        </button>
      </form>
    </>
  );
}
