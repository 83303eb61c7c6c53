import { SignOutButton } from "@clerk/nextjs";
import Link from "next/link";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { StaffUser } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { authenticateStaff } from "@/lib/http";
import { getRuntime } from "@/lib/runtime";

export const dynamic = "force-dynamic";

const MESSAGES: Record<Exclude<StaffUser["status"], "APPROVED"> | "UNKNOWN", { title: string; body: string }> = {
  PENDING: {
    title: "Waiting for approval",
    body: "Your account has been created. An administrator of your clinic needs to approve it before you can see patients. Come back to this page once they have.",
  },
  UNKNOWN: {
    title: "Setting up your account",
    body: "You are signed in, and your CareLoop account is being created. Reload this page in a moment.",
  },
  REJECTED: { title: "Account not approved", body: "An administrator did not approve this account. Ask your clinic if you think this is a mistake." },
  DISABLED: { title: "Account disabled", body: "This account has been disabled. Ask an administrator of your clinic to enable it again." },
};

/** Where signed-in users without an approved account land (see requirePageStaff). */
export default async function PendingPage() {
  const rt = await getRuntime();
  const cookie = (await headers()).get("cookie") ?? "";
  let staff: StaffUser | undefined;
  try {
    staff = await authenticateStaff(new Request("http://page.local/", { headers: { cookie } }), rt);
  } catch (error) {
    if (!(error instanceof AppError && error.code === "UNAUTHENTICATED")) throw error;
    // with Clerk the proxy only lets signed-in users here: no staff row yet means the webhook is on its way
    if (!rt.clerk) redirect("/sign-in");
  }
  if (staff?.status === "APPROVED") redirect("/");
  const message = MESSAGES[staff?.status ?? "UNKNOWN"];
  return (
    <main style={{ maxWidth: 520 }}>
      <h1>{message.title}</h1>
      <div className="card" role="status">
        <p style={{ marginTop: 0 }}>{message.body}</p>
        {staff && <p className="muted">Signed in as {staff.email}</p>}
        {rt.clerk ? (
          <SignOutButton redirectUrl="/sign-in">
            <button type="button">Sign out</button>
          </SignOutButton>
        ) : (
          <Link href="/sign-in">Sign in as someone else</Link>
        )}
      </div>
    </main>
  );
}
