import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../web/src/shared/api/client.ts";
import { laterLoad, loads } from "../../web/src/shared/api/loads.ts";
import { type Outcome, replaced, startRequest } from "../../web/src/shared/api/useApi.ts";
import { LanguageProvider } from "../../web/src/shared/i18n/language.tsx";
import { ReloadNotice } from "../../web/src/shared/widgets/ReloadNotice.tsx";

/**
 * The explorer never shows two loads of the dataset side by side: an answer of a load a later one
 * has replaced is asked again, a view whose answers came from two loads is asked again, and the
 * explorer says that the data was reloaded.
 */

const OLD = "f1@2026-01-10T00:00:00.000Z";
const NEW = "f2@2026-02-10T00:00:00.000Z";

/** A fetch that answers each path from a queue of loads (the last one repeats), stating the load in the header. */
function server(plan: Record<string, string[]>) {
  const asked: string[] = [];
  const fetch = vi.fn(async (input: string) => {
    const path = input.split("?")[0] as string;
    asked.push(path);
    const queue = plan[path] ?? [];
    const load = (queue.length > 1 ? queue.shift() : queue[0]) as string;
    return new Response(JSON.stringify({ path, load }), {
      headers: { "content-type": "application/json", "keiro-dataset": load },
    });
  });
  vi.stubGlobal("fetch", fetch);
  return asked;
}

const settled = <T,>(fetcher: (signal: AbortSignal) => Promise<T>) =>
  new Promise<Outcome<T>>((resolve) => {
    startRequest(fetcher, resolve);
  });

beforeEach(() => loads.reset());
afterEach(() => vi.unstubAllGlobals());

describe("loads of the dataset", () => {
  it("orders loads by when they were loaded, and counts a later one as a reload", () => {
    expect([laterLoad(NEW, OLD), laterLoad(OLD, NEW), laterLoad(OLD, OLD)]).toEqual([true, false, false]);
    const heard: string[] = [];
    const stop = loads.subscribe(() => heard.push(String(loads.state().current)));
    expect(loads.saw(OLD)).toBe("same");
    expect(loads.saw(OLD)).toBe("same");
    expect(loads.saw(NEW)).toBe("later");
    expect(loads.saw(OLD)).toBe("earlier");
    stop();
    expect(loads.state()).toEqual({ current: NEW, reloads: 1 });
    expect(heard).toEqual([OLD, NEW]);
  });

  it("asks again an answer of a load already replaced (a replica that has not followed yet)", async () => {
    loads.saw(NEW);
    const asked = server({ "/api/organisations/x": [OLD, OLD, NEW] });
    expect(await api.organisation("x")).toEqual({ path: "/api/organisations/x", load: NEW });
    expect(asked).toHaveLength(3);
  });

  it("asks a view again when its answers came from two loads, and settles with one", async () => {
    // The blast radius from the earlier load, the organisation's panel from the later one.
    const asked = server({ "/api/impact": [OLD, NEW], "/api/organisations/isetoh": [NEW] });
    const outcome = await settled((signal) =>
      Promise.all([
        api.impact(new URLSearchParams("vendor=isetoh"), signal),
        api.organisation("isetoh", signal),
      ]),
    );
    expect(outcome).toEqual({
      data: [
        { path: "/api/impact", load: NEW },
        { path: "/api/organisations/isetoh", load: NEW },
      ],
      load: NEW,
    });
    expect(asked).toEqual([
      "/api/impact",
      "/api/organisations/isetoh",
      "/api/impact",
      "/api/organisations/isetoh",
    ]);
  });

  it("pages of breach response that span a reload are asked again, all from the new load", async () => {
    const asked = server({ "/api/notify": [OLD, NEW] });
    const params = new URLSearchParams("vendor=isetoh");
    const first = await settled((signal) => api.notify(params, 200, signal).catch(() => null));
    const second = await settled((signal) => api.notify(params, 400, signal).catch(() => null));
    expect([first, second].map((o) => ("load" in o ? o.load : null))).toEqual([OLD, NEW]);
    // The first page's load is now replaced: useApi shows nothing of it and asks it again.
    expect([replaced(OLD, loads.state().current), replaced(NEW, loads.state().current)]).toEqual([
      true,
      false,
    ]);
    expect(asked).toHaveLength(2);
  });

  it("tells the user that the data was reloaded, in both languages", () => {
    const render = (lang: "ja" | "en") =>
      renderToStaticMarkup(
        <LanguageProvider lang={lang}>
          <ReloadNotice />
        </LanguageProvider>,
      );
    loads.saw(OLD);
    expect(render("en")).toBe("");
    loads.saw(NEW);
    expect(render("en")).toContain("The data was reloaded (a new load, 2026-02-10T00:00:00.000Z)");
    expect(render("ja")).toContain("データが読み込み直されました");
  });
});
