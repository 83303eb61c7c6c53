"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { api } from "./api";

export type Me = { id: string; name: string; email: string; role: "ADMIN" | "PHARMACIST" | "VOLUNTEER" };

export function AppHeader({ me }: { me: Me | null }) {
  const router = useRouter();
  return (
    <header className="header">
      <Link href="/patients" className="brand">
        CareLoop
      </Link>
      {me && (
        <span className="who">
          {me.name} · {me.role.toLowerCase()}{" "}
          <button
            type="button"
            className="link"
            onClick={async () => {
              await api("/api/auth/sign-out", { method: "POST" });
              router.push("/sign-in");
            }}
          >
            Sign out
          </button>
        </span>
      )}
    </header>
  );
}
