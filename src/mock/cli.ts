/**
 * `neuroio-mock`: runs the stand-in from a shell until Ctrl-C (`--help` lists every option).
 * It listens on loopback only unless `--host` says otherwise.
 */
import { checkCorsOption } from "./cors";
import { startMockServer, type MockServer, type MockServerOptions } from "./server";
import { DEMO_USER, type MockUser } from "./state";

const USAGE = `Usage: neuroio-mock [options]

Runs a local NeuroIO stand-in (IAM, API and events) until Ctrl-C.

Options:
  --port <n>              TCP port (default 8080; 0 picks a free one)
  --host <address>        interface to listen on (default 127.0.0.1, this machine only);
                          requests must name loopback or this address in Host, except
                          on 0.0.0.0 or ::, which take any Host
  --token <key>           give the demo user a permanent token with this fixed key, so
                          scripts can use it without logging in
  --state <file>          keep the state (users, tokens, persons, entries, …) in this JSON
                          file across restarts: loaded and written at start (a file that
                          cannot be is refused), written atomically after changes and on
                          exit (default: in memory only)
  --cors <origins>        web pages that may call the stand-in: "loopback" (default: any
                          page on localhost, 127.x.x.x or [::1]), "*" (any), "off", or a
                          comma-separated list of origins as browsers send them,
                          scheme://host[:port] with no path or trailing slash
                          (http://localhost:5173,…)
  --webhook-host <name>   also deliver webhooks to this host (repeatable; "*" for any);
                          by default only loopback destinations are contacted and others
                          are logged as not delivered
  --user <name:password>  add a user (repeatable)
  --manager <name:password>
                          add a manager user, whose tokens reach IAM only (repeatable)
  --validate-responses    check every answer against the OpenAPI document (500 on a mismatch)
  -h, --help              show this help

Beside the API (under /iam and /api) and the events feed (/events), it serves
control endpoints for development, with the same Token header:
  POST /_mock/camera      a source's camera sees a face: {"source": "cam", "seed": "ada",
                          "as": "ha"} or {"source": 1, "image": "<base64 PNG/JPEG>"};
                          "as" is exact, ha, junk, nm or det (exact, ha and junk match
                          the person made from the photo, who must be in the space)
  GET  /_mock/notifications/<id>/deliveries
                          a notification's webhook delivery log
`;

/** What an argument error prints after its one line (the usage is --help's). */
const HELP_HINT = "Run neuroio-mock --help for every option.";

/**
 * The options, or "help". An argument error throws an Error of one line naming the option:
 * an unknown option, a missing value (an option that takes one never takes the next
 * option as it: `--webhook-host --port 0`; a value that starts with -- goes after =), a
 * value it does not take, or an option that takes one value given twice (only those --help
 * calls repeatable add up).
 */
export function parseArgs(argv: readonly string[]): MockServerOptions | "help" {
  const options: MockServerOptions = { port: 8080 };
  const users: MockUser[] = [];
  let token: string | undefined;
  const webhookHosts: string[] = [];
  const given = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => {
      // Never echo the next argument: it may be a password. --token=--key gives such a value.
      if (inline === undefined && argv[i + 1]?.startsWith("--")) throw new Error(`${flag} needs a value (write ${flag}=… for one that starts with --)`);
      const v = inline ?? argv[++i];
      if (v === undefined || v === "") throw new Error(`${flag} needs a value`);
      return v;
    };
    const user = (manager: boolean): MockUser => {
      const v = value();
      const colon = v.indexOf(":");
      // Never echo the value: it may be a password.
      if (colon <= 0) throw new Error(`${flag} takes name:password (a name, a colon, then the password)`);
      return { username: v.slice(0, colon), password: v.slice(colon + 1), manager };
    };
    /** An option that takes one value: a second one would silently replace the first. */
    const once = () => {
      if (given.has(flag)) throw new Error(`${flag} is given twice`);
      given.add(flag);
    };
    switch (flag) {
      case "-h":
      case "--help":
        return "help";
      case "--port": {
        once();
        // Decimal digits only: Number() would also take 1e3, 0x1f90 and " " (0, a random port).
        const port = value();
        if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) throw new Error(`--port takes 0–65535`);
        options.port = Number(port);
        break;
      }
      case "--host":
        once();
        options.host = value();
        break;
      case "--user":
      case "--manager": {
        const added = user(flag === "--manager");
        if (users.some((u) => u.username === added.username)) throw new Error(`${flag}: the user ${added.username} is given twice`);
        users.push(added);
        break;
      }
      case "--validate-responses":
        options.validateResponses = true;
        break;
      case "--token":
        once();
        token = value();
        if (!/^[\x21-\x7e]+$/.test(token)) throw new Error("--token takes printable characters without spaces");
        break;
      case "--state":
        once();
        options.stateFile = value();
        break;
      case "--cors": {
        once();
        const v = value();
        if (v === "loopback" || v === "*" || v === "off") {
          options.cors = v === "off" ? false : v;
          break;
        }
        const origins = v.split(",").map((o) => o.trim()).filter(Boolean);
        if (origins.length === 0) throw new Error(`--cors takes "loopback", "*", "off" or a comma-separated list of origins`);
        // An origin no page has (a trailing slash, a path) would only get that page 403s.
        checkCorsOption(origins, "--cors");
        options.cors = origins;
        break;
      }
      case "--webhook-host":
        webhookHosts.push(value());
        break;
      default:
        throw new Error(`unknown option ${flag}`);
    }
  }
  if (token !== undefined) {
    const demo = users.find((u) => u.username === DEMO_USER.username);
    if (demo) demo.apiToken = token;
    else users.unshift({ ...DEMO_USER, apiToken: token });
  }
  if (users.length > 0) options.users = users;
  if (webhookHosts.length > 0) options.webhooks = { allowedHosts: webhookHosts.includes("*") ? "any" : webhookHosts };
  return options;
}

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  let options: MockServerOptions | "help";
  try {
    options = parseArgs(argv);
  } catch (error) {
    console.error(`neuroio-mock: ${(error as Error).message}\n${HELP_HINT}`);
    process.exitCode = 2;
    return;
  }
  if (options === "help") {
    console.log(USAGE);
    return;
  }
  let server: MockServer;
  try {
    server = await startMockServer(options);
  } catch (error) {
    // A plain Error (Node's system errors are too) is for the user to fix: the port in use,
    // a state file that cannot be read or written. Any other kind is a bug: bin/ prints its stack.
    if (!(error instanceof Error) || error.name !== "Error") throw error;
    const hint = (error as NodeJS.ErrnoException).code === "EADDRINUSE" ? " (--port 0 picks a free port)" : "";
    console.error(`neuroio-mock: ${error.message}${hint}`);
    process.exitCode = 1;
    return;
  }
  const demo: MockUser = options.users?.find((u) => u.username === DEMO_USER.username) ?? DEMO_USER;
  // Only the documented demo password is printed; a password given on the command line is the user's secret.
  const password = (u: MockUser) => (u.username === DEMO_USER.username && u.password === DEMO_USER.password ? u.password : "[redacted]");
  console.log(`NeuroIO stand-in running (Ctrl-C to stop)

  IAM     ${server.iamUrl}
  API     ${server.apiUrl}
  Events  ${server.eventsUrl}

  Demo user: ${demo.username} / ${password(demo)}${demo.apiToken ? " (and the fixed token given with --token)" : ""}
${options.stateFile ? `  State:  ${options.stateFile}\n` : ""}${(options.users ?? [])
  .filter((u) => u !== demo)
  .map((u) => `  ${u.manager ? "Manager" : "User"}: ${u.username} / ${password(u)}\n`)
  .join("")}
  const client = await Client.login(
    { username: "${demo.username}", password: "${password(demo)}" },
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
