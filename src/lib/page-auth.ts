import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { StaffUser } from "@/db/schema";
import { AppError } from "./errors";
import { authenticateStaff } from "./http";
import { type Runtime, getRuntime } from "./runtime";

/**
 * For server-rendered pages: the same authentication as the API (`authenticateStaff` over the
 * request's cookies, Clerk's `__session` included), but a missing session goes to the sign-in page
 * and an unapproved account to /pending instead of a JSON error.
 */
export async function requirePageStaff(): Promise<{ staff: StaffUser; rt: Runtime }> {
  const rt = await getRuntime();
  const cookie = (await headers()).get("cookie") ?? "";
  let staff: StaffUser;
  try {
    staff = await authenticateStaff(new Request("http://page.local/", { headers: { cookie } }), rt);
  } catch (error) {
    // with Clerk the proxy already required a Clerk sign-in: no staff user yet means the webhook is on its way
    if (error instanceof AppError && error.code === "UNAUTHENTICATED") redirect(rt.clerk ? "/pending" : "/sign-in");
    throw error;
  }
  // the pending page tells a waiting, rejected or disabled user where they stand
  if (staff.status !== "APPROVED") redirect("/pending");
  return { staff, rt };
}
