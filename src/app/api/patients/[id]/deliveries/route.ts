import { json, withStaff } from "@/lib/http";
import { patientIdParams } from "@/services/patient/patient.schemas";
import { listDeliveriesQuery } from "@/services/reminder/reminder.schemas";
import { listPatientDeliveries } from "@/services/reminder/reminder.service";

export const dynamic = "force-dynamic";

export const GET = withStaff({ params: patientIdParams, query: listDeliveriesQuery }, async ({ params, query, staff, rt }) =>
  json(await listPatientDeliveries(rt, staff, params.id, query.limit)),
);
