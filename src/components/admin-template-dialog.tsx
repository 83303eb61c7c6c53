"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import * as Dialog from "@radix-ui/react-dialog";
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import type { Translate } from "@/lib/i18n/translate";
import { templateText } from "@/services/reminder/reminder.schemas";
import { TEMPLATE_VARIABLES, type TemplateKey, type TemplateLanguage, renderTemplate } from "@/services/reminder/templates";
import { ApiError, api } from "./api";
import { DialogActions } from "./dialog-actions";
import { errorMessage } from "./format";
import { useT } from "./i18n";

export type TemplateView = { key: TemplateKey; language: TemplateLanguage; body: string; custom: boolean };

/** The name of a message template and when it is sent, in the staff user's language. */
export const templateTitle = (t: Translate, key: TemplateKey) => t(`admin.template.${key}`);
export const templateWhen = (t: Translate, key: TemplateKey) => t(`admin.template.${key}.when`);

/** A template's language, named in that language (as the header's switch names them). */
export const LANGUAGE_LABELS: Record<TemplateLanguage, string> = { id: "Bahasa Indonesia", en: "English" };

/** "Medication reminder (English)": a template in one language, for headings and button labels. */
export const templateName = (t: Translate, template: { key: TemplateKey; language: TemplateLanguage }) =>
  `${templateTitle(t, template.key)} (${LANGUAGE_LABELS[template.language]})`;

/** The body `PUT /api/templates/:key/:language` takes (its `putTemplateBody`), with the same text rules. */
const templateBody = z.object({ body: templateText });
type TemplateBody = z.infer<typeof templateBody>;

const SAMPLE = { name: "Siti", medicine: "Metformin", dose: "500 mg", time: "08:00", place: "Puskesmas Menteng" };

/** Rewords one message template in one language, with a preview filled with sample values. */
export function AdminTemplateDialog(props: { template: TemplateView | null; onClose: () => void; onSaved: (template: TemplateView) => void }) {
  const { template } = props;
  const { t } = useT();
  const form = useForm<z.input<typeof templateBody>, unknown, TemplateBody>({ resolver: zodResolver(templateBody), defaultValues: { body: "" } });
  const { register, handleSubmit, reset, setError, formState, watch } = form;
  const message = formState.errors.body?.message ?? formState.errors.root?.message;

  useEffect(() => {
    if (template) reset({ body: template.body });
  }, [template, reset]);

  async function save(values: TemplateBody) {
    if (!template) return;
    try {
      const saved = await api<TemplateView>(`/api/templates/${template.key}/${template.language}`, { method: "PUT", body: values });
      toast.success(t("admin.templateDialog.saved"));
      props.onSaved(saved);
      props.onClose();
    } catch (error) {
      const issue = error instanceof ApiError ? error.issues[0] : undefined;
      setError("body", { message: issue?.message ?? errorMessage(error, t("common.couldNotSave")) });
    }
  }

  const label = template ? templateName(t, template) : "";
  return (
    <Dialog.Root open={template !== null} onOpenChange={(open) => !open && props.onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog">
          <Dialog.Title>{t("admin.templateDialog.title", { name: label })}</Dialog.Title>
          <Dialog.Description className="muted">
            {t("admin.templateDialog.description", { variables: TEMPLATE_VARIABLES.map((v) => `{${v}}`).join(" ") })}
          </Dialog.Description>
          <form onSubmit={handleSubmit(save)} noValidate>
            <div className="form-grid">
              <label className="wide">
                {t("admin.templateDialog.message")}
                <textarea rows={6} {...register("body")} aria-invalid={Boolean(message)} />
                {message ? <span className="field-error">{message}</span> : null}
              </label>
              <div className="wide">
                <div className="muted small">{t("admin.templateDialog.preview")}</div>
                <div className="said">{renderTemplate(watch("body") ?? "", { ...SAMPLE, date: t("admin.templateDialog.sampleDate") })}</div>
              </div>
            </div>
            <DialogActions submitting={formState.isSubmitting} label={t("common.save")} busyLabel={t("common.saving")} />
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
