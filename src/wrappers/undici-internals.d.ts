// undici's own modules, imported by node-transport.ts instead of undici's index (see there).
// Each is the CommonJS export named in the comment; node-transport.ts casts them to the
// types undici's index declares.
declare module "undici/lib/dispatcher/agent.js" {
  const Agent: unknown; // class Agent
  export default Agent;
}
declare module "undici/lib/dispatcher/dispatcher.js" {
  const Dispatcher: unknown; // class Dispatcher
  export default Dispatcher;
}
declare module "undici/lib/interceptor/decompress.js" {
  const decompress: unknown; // interceptors.decompress
  export default decompress;
}
declare module "undici/lib/interceptor/redirect.js" {
  const redirect: unknown; // interceptors.redirect
  export default redirect;
}
