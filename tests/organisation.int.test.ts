import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as organisationRoute from "../src/app/api/organisation/route";
import { serveFetchHandler } from "../src/integrations/gowa/simulator/node-server";
import { createGowaSimulator } from "../src/integrations/gowa/simulator/simulator";
import { fetchGowaDeviceStatus } from "../src/integrations/gowa/status";
import { getRuntime, setRuntime } from "../src/lib/runtime";
import { call, createStaff } from "./support/fixtures";
import { createClinic } from "./support/gowa";

let sim: { url: string; close(): Promise<void> };
beforeAll(async () => {
  const simulator = createGowaSimulator({ webhookUrl: null, webhookSecret: "x", username: "admin", password: "pw" });
  sim = await serveFetchHandler((req) => simulator.handle(req), { port: 0 });
});
afterAll(async () => {
  await sim.close();
});

describe("/api/organisation", () => {
  it("shows the settings and the WhatsApp device's live status from GOWA", async () => {
    const { org, pharmacist } = await createClinic();
    const rt = await getRuntime();
    setRuntime({ ...rt, gowaStatus: (deviceId) => fetchGowaDeviceStatus({ baseUrl: sim.url, username: "admin", password: "pw", deviceId }) });
    try {
      const res = await call(organisationRoute.GET, { as: pharmacist });
      expect(res.body).toMatchObject({ id: org.id, timezone: "Asia/Jakarta", emergencyNumber: "119", quietHoursStart: "21:00", device: { reachable: true, connected: true, loggedIn: true } });
    } finally {
      setRuntime(rt);
    }
  });

  it("reports a gateway that does not answer, or refuses our credentials", async () => {
    expect(await fetchGowaDeviceStatus({ baseUrl: "http://127.0.0.1:1" })).toMatchObject({ reachable: false, connected: false });
    expect(await fetchGowaDeviceStatus({ baseUrl: sim.url, username: "admin", password: "wrong" })).toMatchObject({ reachable: true, connected: false });
  });

  it("admins change quiet hours and the emergency number; others may not", async () => {
    const { org, pharmacist, volunteer } = await createClinic();
    const admin = await createStaff(org, { role: "ADMIN" });
    const res = await call(organisationRoute.PATCH, { as: admin, method: "PATCH", body: { quietHoursStart: "20:00", emergencyNumber: "112" } });
    expect(res.body).toMatchObject({ quietHoursStart: "20:00", emergencyNumber: "112" });
    expect((await call(organisationRoute.PATCH, { as: pharmacist, method: "PATCH", body: { quietHoursStart: "22:00" } })).status).toBe(403);
    expect((await call(organisationRoute.GET, { as: volunteer })).status).toBe(403);
    const bad = await call(organisationRoute.PATCH, { as: admin, method: "PATCH", body: { timezone: "Mars/Olympus" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].field).toBe("timezone");
  });

  it("two organisations cannot share a WhatsApp device (409)", async () => {
    const a = await createClinic();
    const b = await createClinic();
    const adminB = await createStaff(b.org, { role: "ADMIN" });
    const res = await call(organisationRoute.PATCH, { as: adminB, method: "PATCH", body: { gowaDeviceId: a.org.gowaDeviceId } });
    expect(res.status).toBe(409);
    expect(res.body.error.issues[0].field).toBe("gowaDeviceId");
  });
});
