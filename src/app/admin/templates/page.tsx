"use client";

import { useCallback, useEffect, useState } from "react";
import { toast } from "sonner";
import { api } from "@/components/api";
import { AdminConfirmDialog, type ConfirmRequest } from "@/components/admin-confirm-dialog";
import { AdminTabs, LoadFailedNotice, useAdmin } from "@/components/admin-frame";
import { AdminTemplateDialog, LANGUAGE_LABELS, type TemplateView, templateName, templateTitle, templateWhen } from "@/components/admin-template-dialog";
import { AppHeader } from "@/components/app-header";
import { useT } from "@/components/i18n";
import { errorMessage } from "@/components/format";
import { BlockedPage } from "@/components/page-frame";
import { TEMPLATE_KEYS, TEMPLATE_LANGUAGES, type TemplateLanguage } from "@/services/reminder/templates";

/** The organisation's reminder wording, per message and language: CareLoop's default or its own. */
export default function AdminTemplatesPage() {
  const { me, blocked } = useAdmin();
  const { t, locale } = useT();
  const [templates, setTemplates] = useState<TemplateView[] | null>(null);
  // the failure, put into words when shown (so in the language of the moment)
  const [loadError, setLoadError] = useState<{ error: unknown } | null>(null);
  const [language, setLanguage] = useState<TemplateLanguage | "all">("all");
  const [editing, setEditing] = useState<TemplateView | null>(null);
  const [confirming, setConfirming] = useState<ConfirmRequest | null>(null);

  const load = useCallback(async () => {
    try {
      setTemplates((await api<{ items: TemplateView[] }>("/api/templates")).items);
      setLoadError(null);
    } catch (error) {
      setLoadError({ error });
    }
  }, []);

  useEffect(() => {
    if (me) void load();
  }, [me, load]);

  const replace = (saved: TemplateView) => setTemplates((list) => list?.map((x) => (x.key === saved.key && x.language === saved.language ? saved : x)) ?? null);

  function askReset(template: TemplateView) {
    setConfirming({
      title: t("admin.templates.resetTitle"),
      description: t("admin.templates.resetBody", {
        template: templateTitle(t, template.key).toLocaleLowerCase(locale),
        language: LANGUAGE_LABELS[template.language],
      }),
      confirmLabel: t("admin.templates.useDefault"),
      busyLabel: t("admin.templates.resetting"),
      tone: "danger",
      run: async () => {
        replace(await api<TemplateView>(`/api/templates/${template.key}/${template.language}`, { method: "DELETE" }));
        toast.success(t("admin.templates.resetDone"));
      },
    });
  }

  if (blocked) return <BlockedPage message={blocked} />;

  const languages = language === "all" ? TEMPLATE_LANGUAGES : [language];
  return (
    <>
      <AppHeader me={me} />
      <main>
        <h1>{t("admin.title")}</h1>
        <AdminTabs />
        <div className="toolbar">
          <label className="inline">
            {t("common.language")}
            <select value={language} onChange={(e) => setLanguage(e.target.value as TemplateLanguage | "all")}>
              <option value="all">{t("admin.templates.allLanguages")}</option>
              {TEMPLATE_LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {LANGUAGE_LABELS[l]}
                </option>
              ))}
            </select>
          </label>
        </div>
        {loadError ? <LoadFailedNotice message={errorMessage(loadError.error, t("admin.templates.loadFailed"))} onRetry={() => void load()} /> : null}
        {templates === null ? (
          !loadError && <p className="muted">{t("common.loading")}</p>
        ) : (
          TEMPLATE_KEYS.map((key) => (
            <section key={key} className="card" aria-labelledby={`template-${key}`}>
              <h2 id={`template-${key}`}>{templateTitle(t, key)}</h2>
              <p className="muted small">{templateWhen(t, key)}</p>
              <ul className="list">
                {languages.map((lang) => {
                  const template = templates.find((x) => x.key === key && x.language === lang);
                  if (!template) return null;
                  const name = templateName(t, template);
                  return (
                    <li key={lang} className="template" aria-label={name}>
                      <div className="actions small">
                        <strong lang={lang}>{LANGUAGE_LABELS[lang]}</strong>
                        <span className={`badge ${template.custom ? "active" : ""}`}>{template.custom ? t("admin.templates.custom") : t("admin.templates.default")}</span>
                      </div>
                      <div className="said" lang={lang}>
                        {template.body}
                      </div>
                      <div className="actions">
                        <button type="button" onClick={() => setEditing(template)} aria-label={t("admin.templates.editName", { name })}>
                          {t("common.edit")}
                        </button>
                        {template.custom ? (
                          <button type="button" className="link" onClick={() => askReset(template)} aria-label={t("admin.templates.useDefaultName", { name })}>
                            {t("admin.templates.useDefault")}
                          </button>
                        ) : null}
                      </div>
                    </li>
                  );
                })}
              </ul>
            </section>
          ))
        )}
      </main>
      <AdminTemplateDialog template={editing} onClose={() => setEditing(null)} onSaved={replace} />
      <AdminConfirmDialog request={confirming} onClose={() => setConfirming(null)} />
    </>
  );
}
