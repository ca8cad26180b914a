/** CORS: web pages on loopback origins may call the stand-in; others get no CORS headers. */
import { startMockServer, type MockServer } from "../../src/mock";
import { useStandIn } from "./helpers";

const standIn = useStandIn();

async function preflight(url: string, origin: string) {
  return fetch(url, {
    method: "OPTIONS",
    headers: { Origin: origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization, content-type" },
  });
}

describe("CORS (default: loopback origins)", () => {
  test("a preflight from a loopback page is answered with what the browser needs", async () => {
    for (const origin of ["http://127.0.0.1:5173", "http://localhost:3000", "http://[::1]:8000"]) {
      const answer = await preflight(`${standIn.server.iamUrl}/v1/auth/token/`, origin);
      expect(answer.status).toBe(204);
      expect(answer.headers.get("access-control-allow-origin")).toBe(origin);
      expect(answer.headers.get("access-control-allow-methods")).toContain("PATCH");
      expect(answer.headers.get("access-control-allow-headers")).toBe("authorization, content-type");
    }
  });

  test("every answer to a loopback page carries the CORS headers, errors included", async () => {
    const origin = "http://localhost:5173";
    const login = await fetch(`${standIn.server.iamUrl}/v1/auth/token/`, {
      method: "POST",
      headers: { Origin: origin, "Content-Type": "application/json" },
      body: JSON.stringify({ username: "demo", password: "wrong" }),
    });
    expect(login.status).toBe(400);
    expect(login.headers.get("access-control-allow-origin")).toBe(origin);
    const missing = await fetch(`${standIn.server.apiUrl}/v1/nothing/`, { headers: { Origin: origin } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get("access-control-allow-origin")).toBe(origin);
  });

  test("another site's page gets no CORS headers and its preflight is refused", async () => {
    const answer = await preflight(`${standIn.server.apiUrl}/v1/sources/`, "https://evil.example");
    expect(answer.status).toBe(403);
    expect(answer.headers.get("access-control-allow-origin")).toBeNull();
    const get = await fetch(`${standIn.server.apiUrl}/v1/sources/`, { headers: { Origin: "https://evil.example" } });
    expect(get.status).toBe(401);
    expect(get.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("startMockServer({ cors })", () => {
  let server: MockServer | undefined;
  afterEach(() => server?.close());

  test("a list of origins allows exactly those", async () => {
    server = await startMockServer({ cors: ["https://app.example"] });
    expect((await preflight(`${server.apiUrl}/v1/sources/`, "https://app.example")).headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect((await preflight(`${server.apiUrl}/v1/sources/`, "http://localhost:3000")).status).toBe(403);
  });

  test("false turns CORS off: no headers, OPTIONS is an ordinary (405) request", async () => {
    server = await startMockServer({ cors: false });
    const answer = await preflight(`${server.apiUrl}/v1/sources/`, "http://localhost:3000");
    expect(answer.status).toBe(405);
    expect(answer.headers.get("access-control-allow-origin")).toBeNull();
  });
});
