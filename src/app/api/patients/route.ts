import { json, withStaff } from "@/lib/http";
import { createPatientBody, listPatientsQuery } from "@/services/patient/patient.schemas";
import { createPatient, listPatients } from "@/services/patient/patient.service";

export const dynamic = "force-dynamic";

export const GET = withStaff({ query: listPatientsQuery }, async ({ query, staff, rt }) =>
  json(await listPatients(rt, staff, query)),
);

export const POST = withStaff({ body: createPatientBody }, async ({ body, staff, rt }) =>
  json(await createPatient(rt, staff, body), 201),
);
