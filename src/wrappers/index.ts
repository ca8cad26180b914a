export { Client, DEFAULTS, type ClientOptions } from "./client";
export { NeuroIOError, InputError, ConnectionError, TimeoutError, ResponseTooLargeError, unwrap, type ErrorBody, type ErrorField, type DataOf } from "./errors";
export { ATTEMPTS_HEADER, type RequestOptions } from "./http";
export { paginate, type PageWindow, type PaginateOptions } from "./pagination";
export type { ImageInput } from "./uploads";
export type { Credentials } from "./session";
export type { PasswordChangeParams } from "./overrides";
export type { InputOf, ResultOf, OperationId } from "./operation";
export type { paths, components, operations } from "../generated/schema";
