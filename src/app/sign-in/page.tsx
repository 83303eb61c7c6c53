import { SignIn } from "@clerk/nextjs";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";
import { getRuntime } from "@/lib/runtime";
import { listDevSignInChoices } from "@/services/staff/staff.service";
import { SignInChoices } from "./sign-in-choices";

export const dynamic = "force-dynamic";

/**
 * One page for both sign-ins: Clerk's component when Clerk is configured (hash routing, so its
 * steps need no catch-all route beside this page), the dev sign-in otherwise.
 */
export default async function SignInPage() {
  const rt = await getRuntime();
  if (rt.clerk) {
    return (
      <main style={{ display: "flex", justifyContent: "center", paddingTop: 32 }}>
        <SignIn routing="hash" signUpUrl="/sign-up" fallbackRedirectUrl="/" />
      </main>
    );
  }
  const users = rt.devSignIn ? await listDevSignInChoices(rt) : [];
  const t = translator(await requestLocale());
  return (
    <main style={{ maxWidth: 520 }}>
      <h1>{t("signIn.title")}</h1>
      {rt.devSignIn ? (
        <div className="card">
          <p className="muted" style={{ marginTop: 0 }}>
            {t("signIn.devHint")}
          </p>
          <SignInChoices users={users} />
        </div>
      ) : (
        <div className="card">{t("signIn.notSetUp")}</div>
      )}
    </main>
  );
}
