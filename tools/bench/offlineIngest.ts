import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { time } from "./measure.ts";
import { RssSampler } from "./processRss.ts";

const INGEST = fileURLToPath(new URL("../../bin/ingest.ts", import.meta.url));

/**
 * Runs the real offline loader, `npx tsx bin/ingest.ts DIR --offline --replace` (it stops the
 * bundled server, runs neo4j-admin import and starts it again), its lines passed on as progress,
 * sampling its resident memory (the loader's own; neo4j-admin is its child) for the peak.
 */
export async function offlineIngest(
  dir: string,
  log: (line: string) => void,
): Promise<{ ms: number; peakRssMiB: number }> {
  let peak = 0;
  const { ms } = await time(
    () =>
      new Promise<void>((resolve, reject) => {
        const child = spawn("node", ["--import", "tsx", INGEST, dir, "--offline", "--replace"], {
          stdio: ["ignore", "pipe", "pipe"],
          env: process.env,
        });
        const sampler = new RssSampler(child.pid, 500);
        const began = Date.now();
        const relay = (chunk: Buffer) => {
          for (const line of chunk.toString("utf8").split(/\r|\n/))
            if (line.trim() !== "") log(`  ingest: ${line.trim()}`);
        };
        child.stdout?.on("data", relay);
        child.stderr?.on("data", relay);
        child.once("exit", (code) => {
          peak = sampler.peak(began);
          sampler.stop();
          code === 0 ? resolve() : reject(new Error(`ingest --offline exited ${code}`));
        });
      }),
  );
  return { ms, peakRssMiB: peak };
}
