/**
 * triage:assess — one JSON object of facts per stdin line, one JSON result per stdout line, same
 * order, nothing else on stdout. Every input line gets exactly one output line, so results can be
 * matched to inputs by line number: a line that is blank, not JSON or not valid facts gets
 * {"error": "..."} and the run continues. Reads and writes as streams, so input size is unbounded.
 */
import { createInterface } from "node:readline";
import { assess } from "@/services/triage/engine";
import { parseTriageFacts } from "@/services/triage/triage.schemas";

function assessLine(line: string): string {
  const text = line.replace(/^\uFEFF/, "").trim();
  if (text === "") return JSON.stringify({ error: "empty line: expected a JSON object of facts" });
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return JSON.stringify({ error: `invalid JSON: ${error instanceof Error ? error.message : String(error)}` });
  }
  const parsed = parseTriageFacts(input);
  if (!parsed.ok) return JSON.stringify({ error: parsed.error });
  try {
    return JSON.stringify(assess(parsed.facts));
  } catch (error) {
    // A defect in a protocol must not stop an audit run or shift later lines.
    return JSON.stringify({ error: `internal error: ${error instanceof Error ? error.message : String(error)}` });
  }
}

async function writeChunk(chunk: string): Promise<void> {
  if (process.stdout.write(chunk)) return;
  await new Promise<void>((resolve) => process.stdout.once("drain", resolve));
}

async function main(): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let buffer = "";
  for await (const line of lines) {
    buffer += `${assessLine(line)}\n`;
    // Batched writes keep large runs fast; awaiting drain keeps memory flat.
    if (buffer.length >= 64 * 1024) {
      await writeChunk(buffer);
      buffer = "";
    }
  }
  if (buffer !== "") await writeChunk(buffer);
}

await main();
