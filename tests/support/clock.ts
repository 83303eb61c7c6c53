import { fixedClock } from "../../src/lib/clock";
import { getRuntime, setRuntime } from "../../src/lib/runtime";

/** Runs `work` with the app's clock set to `instant` (the process edge tests may move). */
export async function at<T>(instant: string | Date, work: () => Promise<T>): Promise<T> {
  const rt = await getRuntime();
  setRuntime({ ...rt, clock: fixedClock(instant) });
  try {
    return await work();
  } finally {
    setRuntime(rt);
  }
}
