import { SignUp } from "@clerk/nextjs";
import Link from "next/link";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";
import { getRuntime } from "@/lib/runtime";

export const dynamic = "force-dynamic";

/** Clerk's sign-up; a new account then waits for an admin's approval (see /pending). */
export default async function SignUpPage() {
  const rt = await getRuntime();
  if (rt.clerk) {
    return (
      <main style={{ display: "flex", justifyContent: "center", paddingTop: 32 }}>
        <SignUp routing="hash" signInUrl="/sign-in" fallbackRedirectUrl="/pending" />
      </main>
    );
  }
  const t = translator(await requestLocale());
  return (
    <main style={{ maxWidth: 520 }}>
      <h1>{t("signUp.title")}</h1>
      <div className="card">
        {t("signUp.noClerk")} <Link href="/sign-in">{t("signUp.signIn")}</Link>
      </div>
    </main>
  );
}
