import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { time } from "./measure.ts";

const INGEST = fileURLToPath(new URL("../../bin/ingest.ts", import.meta.url));

/** Runs the real `npm run ingest -- DIR --replace`, sampling its resident memory to find the peak. */
export async function realIngest(dir: string): Promise<{ ms: number; peakRssMiB: number }> {
  let peak = 0;
  const { ms } = await time(
    () =>
      new Promise<void>((resolve, reject) => {
        const child = spawn("node", ["--import", "tsx", INGEST, dir, "--replace"], {
          stdio: ["ignore", "ignore", "inherit"],
          env: process.env,
        });
        const sampler = setInterval(() => {
          try {
            const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
            peak = Math.max(peak, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0));
          } catch {
            // The process has just exited.
          }
        }, 50);
        child.once("exit", (code) => {
          clearInterval(sampler);
          code === 0 ? resolve() : reject(new Error(`ingest exited ${code}`));
        });
      }),
  );
  return { ms, peakRssMiB: Math.round(peak / 1024) };
}
