import { IANAZone } from "luxon";
import { z } from "zod";

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time as HH:mm");

export const updateOrganisationBody = z
  .object({
    name: z.string().trim().min(2, "must have at least 2 characters").max(120),
    timezone: z.string().refine((tz) => IANAZone.isValidZone(tz), "must be an IANA time zone such as Asia/Jakarta"),
    language: z.enum(["id", "en"], { error: "must be id or en" }),
    emergencyNumber: z.string().trim().regex(/^\+?\d{2,15}$/, "must be a phone number such as 119, 112 or 999"),
    quietHoursStart: hhmm,
    quietHoursEnd: hhmm,
    gowaDeviceId: z.string().trim().min(1).max(120).nullable(),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, "must change at least one field");
export type UpdateOrganisationBody = z.infer<typeof updateOrganisationBody>;
