import { ClerkProvider } from "@clerk/nextjs";
import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Toaster } from "sonner";
import { I18nProvider } from "@/components/i18n";
import { requestLocale } from "@/lib/i18n/request-locale";
import { getRuntime } from "@/lib/runtime";
import "./globals.css";

export const metadata: Metadata = {
  title: "CareLoop",
  description: "Keeps patients on their treatment through WhatsApp",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // the runtime (and with it Clerk's configuration) exists at request time, never at build time
  await connection();
  // the signed-in user's language from the first paint; the provider keeps <html lang> in step after a switch
  const locale = await requestLocale();
  const page = (
    <html lang={locale}>
      <body>
        <I18nProvider initialLocale={locale}>{children}</I18nProvider>
        <Toaster position="top-right" richColors closeButton />
      </body>
    </html>
  );
  const { clerk } = await getRuntime();
  if (!clerk) return page;
  return (
    <ClerkProvider
      publishableKey={clerk.publishableKey}
      signInUrl="/sign-in"
      signUpUrl="/sign-up"
      signInFallbackRedirectUrl="/"
      signUpFallbackRedirectUrl="/pending"
      // the CSP (src/lib/security-headers.ts) does not allow Clerk's telemetry host
      telemetry={false}
    >
      {page}
    </ClerkProvider>
  );
}
