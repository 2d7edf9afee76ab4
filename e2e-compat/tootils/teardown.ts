/** After the run: stop the demo still serving (see `appFor` in index.ts). */
import fs from "node:fs";
import { killDemoGroup } from "./app-launcher.ts";
import { settings } from "./settings.ts";

export default function teardown(): void {
  try {
    const { pid } = JSON.parse(fs.readFileSync(settings.demoFile, "utf8")) as { pid: number };
    killDemoGroup(pid);
  } catch {
    // nothing was serving
  }
  fs.rmSync(settings.demoFile, { force: true });
}
