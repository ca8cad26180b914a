/** Answers written straight to a socket, where no ServerResponse exists: refused upgrades, requests Node could not parse. */
import { STATUS_CODES } from "node:http";

/** A whole HTTP/1.1 answer with a JSON body, closing the connection. */
export function httpAnswer(status: number, body: object): string {
  const json = JSON.stringify(body);
  return `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`;
}
