import { ClerkProvider } from "@clerk/nextjs";
import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Toaster } from "sonner";
import { getRuntime } from "@/lib/runtime";
import "./globals.css";

export const metadata: Metadata = {
  title: "CareLoop",
  description: "Keeps patients on their treatment through WhatsApp",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const page = (
    <html lang="en">
      <body>
        {children}
        <Toaster position="top-right" richColors closeButton />
      </body>
    </html>
  );
  // the runtime (and with it Clerk's configuration) exists at request time, never at build time
  await connection();
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
