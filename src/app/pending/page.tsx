import { SignOutButton } from "@clerk/nextjs";
import Link from "next/link";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { StaffUser } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { authenticateStaff } from "@/lib/http";
import { localeFromAcceptLanguage } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { getRuntime } from "@/lib/runtime";

export const dynamic = "force-dynamic";

/** Where signed-in users without an approved account land (see requirePageStaff). */
export default async function PendingPage() {
  const rt = await getRuntime();
  const requestHeaders = await headers();
  const cookie = requestHeaders.get("cookie") ?? "";
  let staff: StaffUser | undefined;
  try {
    staff = await authenticateStaff(new Request("http://page.local/", { headers: { cookie } }), rt);
  } catch (error) {
    if (!(error instanceof AppError && error.code === "UNAUTHENTICATED")) throw error;
    // with Clerk the proxy only lets signed-in users here: no staff row yet means the webhook is on its way
    if (!rt.clerk) redirect("/sign-in");
  }
  if (staff?.status === "APPROVED") redirect("/");
  const t = translator(staff?.locale ?? localeFromAcceptLanguage(requestHeaders.get("accept-language")));
  const state: Exclude<StaffUser["status"], "APPROVED"> | "UNKNOWN" = staff?.status ?? "UNKNOWN";
  return (
    <main style={{ maxWidth: 520 }}>
      <h1>{t(`pending.${state}.title`)}</h1>
      <div className="card" role="status">
        <p style={{ marginTop: 0 }}>{t(`pending.${state}.body`)}</p>
        {staff && <p className="muted">{t("pending.signedInAs", { email: staff.email })}</p>}
        {rt.clerk ? (
          <SignOutButton redirectUrl="/sign-in">
            <button type="button">{t("header.signOut")}</button>
          </SignOutButton>
        ) : (
          <Link href="/sign-in">{t("pending.signInAsOther")}</Link>
        )}
      </div>
    </main>
  );
}
