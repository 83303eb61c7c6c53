import { basicAuthHeader } from "./jid";

/**
 * Fetches a media file GOWA downloaded for an inbound message (`statics/media/<file>`, served at
 * `<gowa base>/statics/media/<file>` behind the same basic auth).
 */
export type GowaMediaFetcher = (mediaPath: string) => Promise<{ data: Uint8Array; contentType: string } | null>;

export function createGowaMediaFetcher(config: {
  baseUrl: string;
  username?: string;
  password?: string;
  timeoutMs?: number;
  maxBytes?: number;
  fetch?: typeof fetch;
}): GowaMediaFetcher {
  const fetchImpl = config.fetch ?? fetch;
  const maxBytes = config.maxBytes ?? 25 * 1024 * 1024;
  const headers: Record<string, string> = {};
  const authorization = basicAuthHeader(config.username, config.password);
  if (authorization) headers.authorization = authorization;
  return async (mediaPath) => {
    // only GOWA's own media folder: a payload must not make us fetch anything else
    if (!/^statics\/media\/[A-Za-z0-9._-]+$/.test(mediaPath)) return null;
    const res = await fetchImpl(`${config.baseUrl.replace(/\/+$/, "")}/${mediaPath}`, {
      headers,
      signal: AbortSignal.timeout(config.timeoutMs ?? 15_000),
    });
    if (!res.ok) return null;
    const data = new Uint8Array(await res.arrayBuffer());
    if (data.byteLength > maxBytes) return null;
    return { data, contentType: res.headers.get("content-type") ?? "application/octet-stream" };
  };
}
