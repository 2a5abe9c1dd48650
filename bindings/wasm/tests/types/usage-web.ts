// The web (ES module) build: init first, then the same API.
import init, { Engine, type Report } from "labelcheck-wasm/web";

export async function run(): Promise<Report> {
  await init();
  const engine = new Engine();
  return engine.check({ market: "CN", category: "food" }, { asOf: "2026-11-26" });
}
