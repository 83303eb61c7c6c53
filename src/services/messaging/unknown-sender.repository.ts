import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { unknownSenders } from "@/db/schema";

/** True when this number may get the "registered patients only" reply now (at most once a day). */
export async function claimUnknownSenderReply(db: DbOrTx, params: { orgId: string; phone: string; now: Date }): Promise<boolean> {
  const rows = await db
    .insert(unknownSenders)
    .values({ orgId: params.orgId, phone: params.phone, lastRepliedAt: params.now })
    .onConflictDoUpdate({
      target: [unknownSenders.orgId, unknownSenders.phone],
      set: { lastRepliedAt: params.now },
      setWhere: sql`${unknownSenders.lastRepliedAt} <= ${params.now.toISOString()}::timestamptz - interval '1 day'`,
    })
    .returning({ phone: unknownSenders.phone });
  return rows.length > 0;
}
