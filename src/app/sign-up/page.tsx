import { SignUp } from "@clerk/nextjs";
import Link from "next/link";
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
  return (
    <main style={{ maxWidth: 520 }}>
      <h1>Sign up</h1>
      <div className="card">
        Without Clerk there is no self sign-up: staff users come from the seed (`bun run seed`).{" "}
        <Link href="/sign-in">Sign in</Link>
      </div>
    </main>
  );
}
