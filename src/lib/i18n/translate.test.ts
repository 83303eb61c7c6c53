import { describe, expect, it } from "vitest";
import { DEFAULT_LOCALE, LOCALES, localeFromAcceptLanguage } from "./locales";
import { MESSAGES, type MessageKey, interpolate, placeholdersOf, translator } from "./translate";

const keys = (locale: keyof typeof MESSAGES) => Object.keys(MESSAGES[locale]).sort();

describe("the dictionaries", () => {
  it("every language has exactly the keys of English", () => {
    for (const locale of LOCALES) expect(keys(locale), locale).toEqual(keys("en"));
  });

  it("every translation keeps the placeholders of the English message", () => {
    for (const locale of LOCALES) {
      for (const [key, message] of Object.entries(MESSAGES.en)) {
        expect(placeholdersOf(MESSAGES[locale][key as MessageKey]), `${locale} ${key}`).toEqual(placeholdersOf(message));
      }
    }
  });

  it("no message is empty", () => {
    for (const locale of LOCALES) {
      for (const [key, message] of Object.entries(MESSAGES[locale])) expect(message.trim(), `${locale} ${key}`).not.toBe("");
    }
    expect(MESSAGES.id["nav.patients"]).toBe("Pasien");
    expect(MESSAGES.id["header.signOut"]).toBe("Keluar");
  });
});

describe("t", () => {
  it("speaks the chosen language", () => {
    expect(translator("en")("nav.inbox")).toBe("Inbox");
    expect(translator("id")("nav.inbox")).toBe("Kotak masuk");
    expect(translator("id")("nav.today")).toBe("Hari ini");
  });

  it("fills placeholders, numbers in the locale's way", () => {
    expect(translator("en")("pager.page", { n: 2 })).toBe("Page 2");
    expect(translator("id")("pager.page", { n: 2 })).toBe("Halaman 2");
    expect(translator("en")("dashboard.adherenceSummary", { rate: 87, sent: 12345 })).toBe("87% of 12,345 reminders confirmed");
    expect(translator("id")("dashboard.adherenceSummary", { rate: 87, sent: 12345 })).toBe("87% dari 12.345 pengingat dikonfirmasi");
    expect(translator("en")("pending.signedInAs", { email: "a@b.test" })).toBe("Signed in as a@b.test");
  });

  it("is the same function for a locale every time (stable for React dependencies)", () => {
    expect(translator("id")).toBe(translator("id"));
    expect(translator("id")).not.toBe(translator("en"));
  });

  it("leaves an unknown placeholder as written and replaces every occurrence", () => {
    expect(interpolate("{a} and {a}, {b}", { a: "x" }, "en")).toBe("x and x, {b}");
    expect(interpolate("no params", undefined, "en")).toBe("no params");
  });
});

describe("localeFromAcceptLanguage", () => {
  it("takes the first language we speak, by preference", () => {
    expect(localeFromAcceptLanguage("en-US,en;q=0.9")).toBe("en");
    expect(localeFromAcceptLanguage("id-ID,id;q=0.9,en-US;q=0.8")).toBe("id");
    expect(localeFromAcceptLanguage("fr-FR,fr;q=0.9,en;q=0.8,id;q=0.7")).toBe("en");
    expect(localeFromAcceptLanguage("en;q=0.5,id;q=0.8")).toBe("id");
    expect(localeFromAcceptLanguage("in-ID")).toBe("id");
  });

  it("falls back to Indonesian", () => {
    expect(localeFromAcceptLanguage(null)).toBe(DEFAULT_LOCALE);
    expect(localeFromAcceptLanguage("")).toBe("id");
    expect(localeFromAcceptLanguage("fr,de")).toBe("id");
    expect(localeFromAcceptLanguage("en;q=0")).toBe("id");
  });
});
