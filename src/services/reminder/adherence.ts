import type { AdherenceCounts } from "./reminder.repository";

const rate = (confirmed: number, sent: number) => (sent === 0 ? null : Math.round((confirmed / sent) * 1000) / 1000);

/** Confirmed over sent, as the API shows it; `rate` is null when nothing was sent. */
export function toAdherence(c: AdherenceCounts) {
  return {
    days7: { sent: c.sent7, confirmed: c.confirmed7, rate: rate(c.confirmed7, c.sent7) },
    days30: { sent: c.sent30, confirmed: c.confirmed30, rate: rate(c.confirmed30, c.sent30) },
  };
}
