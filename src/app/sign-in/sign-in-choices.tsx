"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { api } from "@/components/api";

type Choice = { email: string; name: string; role: string; status: string; orgName: string };

export function SignInChoices({ users }: { users: Choice[] }) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [email, setEmail] = useState("");

  async function signIn(address: string) {
    setBusy(address);
    try {
      await api("/api/dev/sign-in", { body: { email: address } });
      router.push("/patients");
      router.refresh();
    } catch (error) {
      toast.error(error instanceof Error ? error.message : "Could not sign in");
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
              {u.role.toLowerCase()}
              {u.status !== "APPROVED" ? ` · ${u.status.toLowerCase()}` : ""} · {u.orgName}
            </span>
          </button>
        ))}
        {users.length === 0 && <p className="muted">No staff users yet: run `bun run seed`.</p>}
      </div>
      <form
        className="toolbar"
        style={{ marginTop: 16 }}
        onSubmit={(e) => {
          e.preventDefault();
          if (email) void signIn(email);
        }}
      >
        <input type="email" placeholder="or type an email" value={email} onChange={(e) => setEmail(e.target.value)} aria-label="Email" />
        <button className="primary" type="submit" disabled={busy !== null || !email}>
          Sign in
        </button>
      </form>
    </>
  );
}
