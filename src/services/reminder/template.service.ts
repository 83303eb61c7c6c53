import { z } from "zod";
import type { Db } from "@/db/client";
import type { MessageTemplate, StaffUser } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { insertAuditEntry } from "../audit/audit.repository";
import * as repo from "./template.repository";
import { templateText } from "./reminder.schemas";
import { DEFAULT_TEMPLATES, TEMPLATE_KEYS, TEMPLATE_LANGUAGES, type TemplateKey, type TemplateLanguage } from "./templates";

export const templateParams = z.object({
  key: z.enum(TEMPLATE_KEYS, { error: `must be one of ${TEMPLATE_KEYS.join(", ")}` }),
  language: z.enum(TEMPLATE_LANGUAGES, { error: "must be id or en" }),
});
export const putTemplateBody = z.object({ body: templateText });

/** The wording to use: the organisation's own, else CareLoop's default. */
export type TemplateBook = (key: TemplateKey, language: TemplateLanguage) => string;

export function templateBook(own: readonly MessageTemplate[]): TemplateBook {
  const byKey = new Map(own.map((t) => [`${t.key}:${t.language}`, t.body]));
  return (key, language) => byKey.get(`${key}:${language}`) ?? DEFAULT_TEMPLATES[language][key];
}

/** Every template of the organisation, in both languages, marking which are its own. */
export async function listTemplates(ctx: { db: Db }, staff: StaffUser) {
  const own = await repo.listOrgTemplates(ctx.db, { orgIds: [staff.orgId] });
  const book = templateBook(own);
  return {
    items: TEMPLATE_KEYS.flatMap((key) =>
      TEMPLATE_LANGUAGES.map((language) => ({ key, language, body: book(key, language), custom: own.some((t) => t.key === key && t.language === language) })),
    ),
  };
}

export async function saveTemplate(ctx: { db: Db }, staff: StaffUser, params: z.infer<typeof templateParams>, body: z.infer<typeof putTemplateBody>) {
  return ctx.db.transaction(async (tx) => {
    const row = await repo.upsertOrgTemplate(tx, { orgId: staff.orgId, key: params.key, language: params.language, body: body.body, updatedById: staff.id });
    await insertAuditEntry(tx, { orgId: staff.orgId, actorId: staff.id, actorType: "staff", action: "template.saved", entityType: "message_template", entityId: `${params.key}:${params.language}` });
    return { key: row.key, language: row.language, body: row.body, custom: true };
  });
}

export async function resetTemplate(ctx: { db: Db }, staff: StaffUser, params: z.infer<typeof templateParams>) {
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.deleteOrgTemplate(tx, { orgId: staff.orgId, key: params.key, language: params.language }))) throw notFound("Custom template");
    await insertAuditEntry(tx, { orgId: staff.orgId, actorId: staff.id, actorType: "staff", action: "template.reset", entityType: "message_template", entityId: `${params.key}:${params.language}` });
  });
  return { key: params.key, language: params.language, body: DEFAULT_TEMPLATES[params.language][params.key], custom: false };
}
