import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { StaffUser } from "@/db/schema";
import { AppError } from "./errors";
import { authenticateStaff } from "./http";
import { type Runtime, getRuntime } from "./runtime";

/**
 * For server-rendered pages: the same authentication as the API (`authenticateStaff` over the
 * request's cookies), but a missing session or an unapproved account goes to the sign-in page
 * instead of a JSON error.
 */
export async function requirePageStaff(): Promise<{ staff: StaffUser; rt: Runtime }> {
  const rt = await getRuntime();
  const cookie = (await headers()).get("cookie") ?? "";
  let staff: StaffUser;
  try {
    staff = await authenticateStaff(new Request("http://page.local/", { headers: { cookie } }), rt);
  } catch (error) {
    if (error instanceof AppError && error.code === "UNAUTHENTICATED") redirect("/sign-in");
    throw error;
  }
  // the sign-in page tells a waiting or disabled user where they stand
  if (staff.status !== "APPROVED") redirect("/sign-in");
  return { staff, rt };
}
