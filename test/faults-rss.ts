/**
 * Child process of the memory tests in faults.test.ts: one call against the hostile server
 * at argv[2] ("node" transport or global "fetch" per argv[3]), then prints how the call
 * ended and the process's peak resident memory (getrusage's maxRSS: the true peak, not a
 * sample). Run with tsx, so the SDK's sources are what is measured.
 */
import { Client } from "../src/wrappers";

async function main(): Promise<void> {
  const [url, transport] = process.argv.slice(2);
  const client = new Client({ apiUrl: url, iamUrl: url, apiToken: "tok-rss-child", maxRetries: 0, ...(transport === "fetch" && { fetch }) });
  let outcome: { name: string; message: string };
  try {
    const { response } = await client.sources.list();
    outcome = { name: "no error", message: `HTTP ${response.status}` };
  } catch (error) {
    outcome = { name: (error as Error).name, message: (error as Error).message };
  }
  process.stdout.write(JSON.stringify({ ...outcome, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
}

void main();
