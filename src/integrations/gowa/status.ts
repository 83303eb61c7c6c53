import { basicAuthHeader } from "./jid";

/** GOWA's `GET /app/status` for one device: whether the WhatsApp account is connected and logged in. */
export type GowaDeviceStatus = { reachable: boolean; connected: boolean; loggedIn: boolean; jid: string | null; error?: string };

export async function fetchGowaDeviceStatus(config: {
  baseUrl: string;
  basePath?: string;
  username?: string;
  password?: string;
  deviceId?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}): Promise<GowaDeviceStatus> {
  const headers: Record<string, string> = {};
  const authorization = basicAuthHeader(config.username, config.password);
  if (authorization) headers.authorization = authorization;
  if (config.deviceId) headers["x-device-id"] = config.deviceId;
  const base = config.baseUrl.replace(/\/+$/, "") + (config.basePath ? `/${config.basePath.replace(/^\/+|\/+$/g, "")}` : "");
  try {
    const res = await (config.fetch ?? fetch)(`${base}/app/status`, { headers, signal: AbortSignal.timeout(config.timeoutMs ?? 5000) });
    const body = (await res.json().catch(() => ({}))) as { code?: string; results?: { is_connected?: boolean; is_logged_in?: boolean; jid?: string } };
    if (!res.ok) return { reachable: true, connected: false, loggedIn: false, jid: null, error: body.code ?? `HTTP ${res.status}` };
    return { reachable: true, connected: Boolean(body.results?.is_connected), loggedIn: Boolean(body.results?.is_logged_in), jid: body.results?.jid ?? null };
  } catch (error) {
    return { reachable: false, connected: false, loggedIn: false, jid: null, error: error instanceof Error ? error.name : "unreachable" };
  }
}
