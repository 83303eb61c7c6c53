import { notFound } from "@/lib/errors";
import { json, withPublic } from "@/lib/http";
import { createSessionToken, sessionCookie } from "@/lib/session";
import { devSignInBody } from "@/services/staff/staff.schemas";
import { signInByEmail, toStaffView } from "@/services/staff/staff.service";

export const dynamic = "force-dynamic";

/** Signs in a seeded staff user by email. Exists only without Clerk and outside production. */
export const POST = withPublic({ body: devSignInBody }, async ({ body, rt }) => {
  if (!rt.devSignIn) throw notFound("Route");
  const staff = await signInByEmail(rt, body.email);
  const token = createSessionToken(staff.id, rt.sessionSecret, rt.clock.now().getTime());
  return json({ staff: toStaffView(staff) }, 200, { "set-cookie": sessionCookie(token, { secure: rt.secureCookies }) });
});
