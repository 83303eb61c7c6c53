import { count, eq, sql } from "drizzle-orm";
import type { Db } from "./client";
import { organisations, patients, staffUsers } from "./schema";

/**
 * Demo data for local runs and benchmarks. `seedDemo` is idempotent: it finds the Demo Clinic
 * by its admin's email and adds nothing when it is there.
 */
export const DEMO_STAFF = [
  { email: "admin@demo.test", name: "Ayu Lestari", role: "ADMIN" },
  { email: "pharmacist@demo.test", name: "apt. Rina Wulandari", role: "PHARMACIST", registrationNumber: "SIPA 446/0123/2024", phone: "+6281100000001" },
  { email: "volunteer1@demo.test", name: "Dimas Prasetyo", role: "VOLUNTEER" },
  { email: "volunteer2@demo.test", name: "Putri Handayani", role: "VOLUNTEER" },
  // signed up and waiting for an admin, so the admin pages have an approval to show
  { email: "volunteer3@demo.test", name: "Nur Aini", role: "VOLUNTEER", status: "PENDING" },
] as const;

/** Twenty patients as a community clinic in Jakarta would have them: mostly verified, a few waiting. */
const DEMO_PATIENTS: Array<{
  name: string;
  phone: string;
  dateOfBirth: string;
  sex: "female" | "male";
  language?: "id" | "en";
  pending?: boolean;
  notes?: string;
}> = [
  { name: "Siti Rahayu", phone: "+6281234567890", dateOfBirth: "1961-04-12", sex: "female", notes: "Hipertensi, amlodipin 5 mg pagi" },
  { name: "Budi Santoso", phone: "+6281298765432", dateOfBirth: "1957-09-30", sex: "male", notes: "Diabetes tipe 2, metformin 2x sehari" },
  { name: "Wayan Sudarma", phone: "+6281337001122", dateOfBirth: "1969-01-05", sex: "male" },
  { name: "Nur Aisyah", phone: "+6285711223344", dateOfBirth: "1988-07-21", sex: "female", notes: "TB paru, bulan ke-2 pengobatan" },
  { name: "Agus Salim", phone: "+6287822334455", dateOfBirth: "1975-11-02", sex: "male" },
  { name: "Dewi Kartika", phone: "+6281190001234", dateOfBirth: "1992-03-14", sex: "female", pending: true },
  { name: "Hendra Gunawan", phone: "+6281355667788", dateOfBirth: "1964-06-18", sex: "male", notes: "Pasca stroke, kontrol bulanan" },
  { name: "Maria Fransiska", phone: "+6281244556677", dateOfBirth: "1979-12-25", sex: "female" },
  { name: "Joko Widodo Susilo", phone: "+6289611112222", dateOfBirth: "1955-08-08", sex: "male" },
  { name: "Sarah Thompson", phone: "+6281299990000", dateOfBirth: "1985-02-27", sex: "female", language: "en", notes: "Expat, prefers English" },
  { name: "Rudi Hartono", phone: "+6281277778888", dateOfBirth: "1971-10-10", sex: "male", pending: true },
  { name: "Lina Marlina", phone: "+6285600001111", dateOfBirth: "1990-05-05", sex: "female" },
  { name: "Ahmad Fauzi", phone: "+6281388889999", dateOfBirth: "1966-09-09", sex: "male", notes: "Asma, inhaler salbutamol" },
  { name: "Ketut Ariani", phone: "+6281933445566", dateOfBirth: "1983-04-01", sex: "female" },
  { name: "Yohanes Manurung", phone: "+6281262223333", dateOfBirth: "1959-07-07", sex: "male" },
  { name: "Fitri Handayani", phone: "+6282112345678", dateOfBirth: "1995-11-11", sex: "female" },
  { name: "Bambang Irawan", phone: "+6281510102020", dateOfBirth: "1950-01-20", sex: "male", notes: "Gagal jantung, furosemid" },
  { name: "Ratna Sari", phone: "+6287733334444", dateOfBirth: "1987-08-16", sex: "female", pending: true },
  { name: "David Chen", phone: "+6281166667777", dateOfBirth: "1980-03-03", sex: "male", language: "en" },
  { name: "Sri Mulyani", phone: "+6281321212121", dateOfBirth: "1963-12-01", sex: "female", notes: "Hipertensi dan kolesterol" },
];

/** The GOWA device (X-Device-Id) the Demo Clinic sends from; `bun run dev` starts the simulator with it. */
export const DEMO_DEVICE_ID = "demo-clinic";

export type DemoSeedResult = { orgId: string; created: boolean };

export async function seedDemo(db: Db): Promise<DemoSeedResult> {
  const [existing] = await db
    .select({ orgId: staffUsers.orgId })
    .from(staffUsers)
    .where(eq(staffUsers.email, "admin@demo.test"))
    .limit(1);
  if (existing) return { orgId: existing.orgId, created: false };

  return db.transaction(async (tx) => {
    const [org] = await tx
      .insert(organisations)
      .values({ name: "Demo Clinic", country: "ID", timezone: "Asia/Jakarta", language: "id", emergencyNumber: "119", gowaDeviceId: DEMO_DEVICE_ID })
      .returning();
    if (!org) throw new Error("could not create the Demo Clinic");
    const staff = await tx
      .insert(staffUsers)
      .values(DEMO_STAFF.map((s) => ({ status: "APPROVED" as const, ...s, orgId: org.id })))
      .returning();
    const volunteers = staff.filter((s) => s.role === "VOLUNTEER" && s.status === "APPROVED");
    const verifiedAt = new Date();
    await tx.insert(patients).values(
      DEMO_PATIENTS.map((p, i) => ({
        orgId: org.id,
        name: p.name,
        phone: p.phone,
        dateOfBirth: p.dateOfBirth,
        sex: p.sex,
        language: p.language ?? "id",
        timezone: "Asia/Jakarta",
        notes: p.notes ?? null,
        assignedVolunteerId: volunteers[i % volunteers.length]?.id ?? null,
        verificationStatus: p.pending ? ("PENDING" as const) : ("VERIFIED" as const),
        verifiedAt: p.pending ? null : verifiedAt,
        consentWhatsapp: !p.pending,
        consentAt: p.pending ? null : verifiedAt,
      })),
    );
    return { orgId: org.id, created: true };
  });
}

const FIRST = ["Siti", "Budi", "Agus", "Dewi", "Rina", "Wayan", "Ketut", "Nur", "Ahmad", "Putri", "Hendra", "Lina", "Joko", "Sri", "Rudi", "Maria", "Yusuf", "Fitri", "Bambang", "Ratna", "Eko", "Indah", "Taufik", "Ani"];
const LAST = ["Rahayu", "Santoso", "Wijaya", "Saputra", "Lestari", "Hidayat", "Kusuma", "Pratama", "Siregar", "Nasution", "Wibowo", "Susanti", "Gunawan", "Halim", "Sembiring", "Purba", "Setiawan", "Maharani", "Utami", "Firmansyah"];

/**
 * Adds `count` generated patients to an organisation in batches (benchmarks). Numbers come from
 * the +62 859 range, offset past the organisation's existing bulk patients, so reruns add more.
 */
export async function seedBulkPatients(
  db: Db,
  params: { orgId: string; count: number; batchSize?: number; onProgress?: (done: number) => void },
): Promise<number> {
  const volunteers = await db
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(sql`${staffUsers.orgId} = ${params.orgId} and ${staffUsers.role} = 'VOLUNTEER' and ${staffUsers.status} = 'APPROVED'`);
  const [{ n: existing } = { n: 0 }] = await db
    .select({ n: count() })
    .from(patients)
    .where(sql`${patients.orgId} = ${params.orgId} and ${patients.phone} like '+62859%'`);
  const batchSize = params.batchSize ?? 5000;
  for (let start = 0; start < params.count; start += batchSize) {
    const rows = [];
    for (let i = start; i < Math.min(params.count, start + batchSize); i++) {
      const k = existing + i;
      rows.push({
        orgId: params.orgId,
        name: `${FIRST[k % FIRST.length]} ${LAST[Math.floor(k / FIRST.length) % LAST.length]} ${k}`,
        phone: `+62859${String(10_000_000 + k).padStart(8, "0")}`,
        language: (k % 10 === 0 ? "en" : "id") as "id" | "en",
        timezone: "Asia/Jakarta",
        sex: (k % 2 ? "male" : "female") as "male" | "female",
        assignedVolunteerId: volunteers.length ? (volunteers[k % volunteers.length]?.id ?? null) : null,
        verificationStatus: "VERIFIED" as const,
        consentWhatsapp: true,
      });
    }
    await db.insert(patients).values(rows);
    params.onProgress?.(Math.min(params.count, start + batchSize));
  }
  return params.count;
}
