// Asks for the blast radius the URL opens on while the app's own code is still loading (about a
// quarter of a second on a slow machine): the app takes this answer if it asks for exactly the
// same path (web/src/shared/api/client.ts), and asks again otherwise. Plain compromise only, built as
// scenarioParams (web/src/shared/state/urlState.ts) builds it; a what-if is left to the app.
(() => {
  const url = new URLSearchParams(location.search);
  const vendors = url.getAll("vendor");
  if (vendors.length === 0 || url.has("exclude-contract") || url.has("exclude-org")) return;
  const params = new URLSearchParams();
  for (const v of vendors) params.append("vendor", v);
  if (url.get("max-depth")) params.set("max-depth", url.get("max-depth"));
  if (url.get("as-of")) params.set("as-of", url.get("as-of"));
  if (url.get("enforce-retention") === "true") params.set("enforce-retention", "true");
  const path = `/api/impact?${params}&limit=5000`;
  const controller = new AbortController();
  window.__keiroEarly = { [path]: { response: fetch(path, { signal: controller.signal }), controller } };
})();
