import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { plainCompromise } from "../../domain/index.ts";
import { CypherEngine } from "../../engine/cypherEngine.ts";
import { connect } from "../../neo4j/connect.ts";
import { RssSampler } from "./processRss.ts";

/**
 * One blast radius from the Cypher engine as the command line runs it, in a process of its own:
 * at 10M contracts the biggest radius holds millions of reached contracts as objects, which may
 * outgrow a JS heap, and the bench must survive that. Run as a script, it prints its figures.
 */
export function cypherRadiusInChild(
  vendor: string,
  timeoutMs: number,
): Promise<{ ms: number | null; peakRssMiB: number; failure: string | null }> {
  const script = fileURLToPath(import.meta.url);
  const child = spawn("node", ["--import", "tsx", script, vendor, String(timeoutMs)], {
    stdio: ["ignore", "pipe", "pipe"],
    env: process.env,
  });
  const rss = new RssSampler(child.pid, 500);
  const began = Date.now();
  let out = "";
  let err = "";
  child.stdout?.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve) => {
    child.once("exit", (code) => {
      rss.stop();
      const peakRssMiB = rss.peak(began);
      const ms = /^ms (\d+)/m.exec(out)?.[1];
      const failure = code === 0 && ms ? null : (err.trim().split("\n").at(-1) ?? `exit ${code}`);
      resolve({ ms: ms ? Number(ms) : null, peakRssMiB, failure });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [vendor = "", timeout = "300000"] = process.argv.slice(2);
  const { driver } = connect();
  try {
    const began = performance.now();
    await new CypherEngine(driver).blastRadius(plainCompromise([vendor]), {
      limit: 1000,
      timeoutMs: Number(timeout),
    });
    process.stdout.write(`ms ${Math.round(performance.now() - began)}\n`);
  } finally {
    await driver.close();
  }
}
