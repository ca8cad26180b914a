/**
 * `neuroio-mock`: runs the stand-in from a shell until Ctrl-C.
 *
 *     npx neuroio-mock [--port 8080] [--host 127.0.0.1] [--user name:password]...
 *                      [--manager name:password]... [--validate-responses]
 *
 * It listens on loopback only unless `--host` says otherwise.
 */
import { startMockServer, type MockServerOptions } from "./server";
import { DEMO_USER, type MockUser } from "./state";

const USAGE = `Usage: neuroio-mock [options]

Runs a local NeuroIO stand-in (IAM, API and events) until Ctrl-C.

Options:
  --port <n>              TCP port (default 8080; 0 picks a free one)
  --host <address>        interface to listen on (default 127.0.0.1, this machine only)
  --user <name:password>  add a user (repeatable)
  --manager <name:password>
                          add a manager user, whose tokens reach IAM only (repeatable)
  --validate-responses    check every answer against the OpenAPI document (500 on a mismatch)
  -h, --help              show this help
`;

export function parseArgs(argv: readonly string[]): MockServerOptions | "help" {
  const options: MockServerOptions = { port: 8080 };
  const users: MockUser[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === "") throw new Error(`${flag} needs a value`);
      return v;
    };
    const user = (manager: boolean): MockUser => {
      const v = value();
      const colon = v.indexOf(":");
      if (colon <= 0) throw new Error(`${flag} takes name:password, got ${JSON.stringify(v)}`);
      return { username: v.slice(0, colon), password: v.slice(colon + 1), manager };
    };
    switch (flag) {
      case "-h":
      case "--help":
        return "help";
      case "--port": {
        const port = Number(value());
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port takes 0–65535`);
        options.port = port;
        break;
      }
      case "--host":
        options.host = value();
        break;
      case "--user":
        users.push(user(false));
        break;
      case "--manager":
        users.push(user(true));
        break;
      case "--validate-responses":
        options.validateResponses = true;
        break;
      default:
        throw new Error(`unknown option ${arg}`);
    }
  }
  if (users.length > 0) options.users = users;
  return options;
}

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  let options: MockServerOptions | "help";
  try {
    options = parseArgs(argv);
  } catch (error) {
    console.error(`neuroio-mock: ${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (options === "help") {
    console.log(USAGE);
    return;
  }
  const server = await startMockServer(options);
  const demo = options.users?.find((u) => u.username === DEMO_USER.username) ?? DEMO_USER;
  console.log(`NeuroIO stand-in running (Ctrl-C to stop)

  IAM     ${server.iamUrl}
  API     ${server.apiUrl}
  Events  ${server.eventsUrl}

  Demo user: ${demo.username} / ${demo.password}
${(options.users ?? [])
  .filter((u) => u !== demo)
  .map((u) => `  ${u.manager ? "Manager" : "User"}: ${u.username} / ${u.password}\n`)
  .join("")}
  const client = await Client.login(
    { username: "${demo.username}", password: "${demo.password}" },
    { iamUrl: "${server.iamUrl}", apiUrl: "${server.apiUrl}", eventsUrl: "${server.eventsUrl}" },
  );
`);
  if (options.host && !["127.0.0.1", "::1", "localhost"].includes(options.host)) {
    console.warn(`Warning: listening on ${options.host}, reachable from other machines. The demo credentials are public.`);
  }
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    console.log("NeuroIO stand-in stopped.");
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
