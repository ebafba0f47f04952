import autocannon from "autocannon";

export interface ApiMeasurement {
  requestsPerSecond: number;
  p95Ms: number;
  errors: number;
}

/** `connections` clients asking for random vendors' blast radii for `seconds`, with autocannon. */
export async function measureApi(
  base: string,
  vendors: string[],
  seconds = 30,
  connections = 20,
): Promise<ApiMeasurement> {
  let seed = 12345;
  const nextVendor = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return vendors[seed % vendors.length] as string;
  };
  const times: number[] = [];
  // Without a callback autocannon returns its instance, which is also a promise of the result
  // (its types give only the promise).
  const run = autocannon({
    url: base,
    connections,
    duration: seconds,
    requests: [
      {
        method: "GET",
        setupRequest: (request) => ({
          ...request,
          // The API's default limit (1,000 listed), as the browser and any client get it.
          path: `/api/impact?vendor=${encodeURIComponent(nextVendor())}`,
        }),
      },
    ],
  }) as unknown as autocannon.Instance & Promise<autocannon.Result>;
  // autocannon's summary has p90 and p97.5 but no p95: every response time is kept instead.
  run.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) =>
    times.push(responseTime),
  );
  const result = await run;
  times.sort((a, b) => a - b);
  return {
    requestsPerSecond: Math.round(result.requests.average * 10) / 10,
    p95Ms: Math.round(times[Math.floor(0.95 * (times.length - 1))] ?? 0),
    errors: result.errors + result.timeouts + result.non2xx,
  };
}
