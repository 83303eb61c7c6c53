import type { Protocol } from "../protocol";
import type { Condition } from "../triage.schemas";
import { impetigoProtocol } from "./impetigo";
import { insectBiteProtocol } from "./insect-bite";
import { otitisMediaProtocol } from "./otitis-media";
import { shinglesProtocol } from "./shingles";
import { sinusitisProtocol } from "./sinusitis";
import { soreThroatProtocol } from "./sore-throat";
import { utiProtocol } from "./uti";

/** Adding a condition: its protocol file, its findings schema, and one line here. */
export const PROTOCOLS: { readonly [C in Condition]: Protocol<C> } = {
  uti: utiProtocol,
  sore_throat: soreThroatProtocol,
  otitis_media: otitisMediaProtocol,
  sinusitis: sinusitisProtocol,
  shingles: shinglesProtocol,
  impetigo: impetigoProtocol,
  insect_bite: insectBiteProtocol,
};
