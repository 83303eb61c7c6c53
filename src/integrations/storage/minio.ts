import { Client } from "minio";
import { type ObjectStorage, assertSafeKey } from "./types";

export type MinioConfig = { endpoint: string; accessKey: string; secretKey: string; bucket: string; region?: string };

/** MinIO or any S3-compatible store, when MINIO_* is configured. Creates the bucket on first use. */
export function createMinioStorage(config: MinioConfig): ObjectStorage {
  const url = new URL(config.endpoint);
  const client = new Client({
    endPoint: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    useSSL: url.protocol === "https:",
    accessKey: config.accessKey,
    secretKey: config.secretKey,
    region: config.region,
    pathStyle: true,
  });
  let bucketReady: Promise<void> | undefined;
  const ensureBucket = () =>
    (bucketReady ??= (async () => {
      if (!(await client.bucketExists(config.bucket))) await client.makeBucket(config.bucket, config.region);
    })().catch((error) => {
      bucketReady = undefined;
      throw error;
    }));
  return {
    kind: "s3",
    async put(key, data, contentType) {
      assertSafeKey(key);
      await ensureBucket();
      await client.putObject(config.bucket, key, Buffer.from(data), data.byteLength, { "Content-Type": contentType });
    },
    async get(key) {
      assertSafeKey(key);
      await ensureBucket();
      try {
        const stat = await client.statObject(config.bucket, key);
        const stream = await client.getObject(config.bucket, key);
        const chunks: Buffer[] = [];
        for await (const chunk of stream) chunks.push(chunk as Buffer);
        return { data: new Uint8Array(Buffer.concat(chunks)), contentType: String(stat.metaData?.["content-type"] ?? "application/octet-stream") };
      } catch (error) {
        if ((error as { code?: string }).code === "NotFound" || (error as { code?: string }).code === "NoSuchKey") return null;
        throw error;
      }
    },
  };
}
