// jest's Node environment, with one change: the process-wide undici dispatcher (the pool
// behind Node's fetch, and what undici's setGlobalDispatcher sets) is the process's, as it
// is outside jest. jest runs each test file in its own global object, on which Node's fetch
// never installs its pool, so the SDK's Node transport (which drives that pool) would not
// find it there and would fall back to global fetch; test/keepalive.test.ts checks it does not.
const { TestEnvironment } = require("jest-environment-node");

const GLOBAL_DISPATCHER = Symbol.for("undici.globalDispatcher.1");

module.exports = class extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    Object.defineProperty(this.global, GLOBAL_DISPATCHER, {
      configurable: true,
      get: () => globalThis[GLOBAL_DISPATCHER],
      set: (dispatcher) => {
        globalThis[GLOBAL_DISPATCHER] = dispatcher;
      },
    });
  }
};
