/**
 * An operation of the document without a stateful handler is answered from the document's
 * examples, marked `x-neuroio-mock: example`: a new operation works against the stand-in as
 * soon as it is in the document.
 */
import { OPERATIONS } from "../../src/generated/operations";
import { document } from "../../src/mock/document";
import { handlers } from "../../src/mock/handlers";
import { raw, unwrap, useStandIn } from "./helpers";

// A new path item, as `npm run generate` would bundle it: the stand-in has no handler for it.
const WIDGETS = {
  servers: [{ url: "https://api.neuroio.com", description: "API host" }],
  get: {
    operationId: "widgets.list",
    tags: ["widgets"],
    summary: "List widgets",
    security: [{ TokenAuth: [] }],
    responses: {
      "200": {
        description: "The widgets.",
        content: {
          "application/json": {
            schema: { type: "array", items: { type: "object", properties: { id: { type: "integer" }, name: { type: "string" } } } },
            examples: { Widgets: { value: [{ id: 1, name: "sprocket" }] } },
          },
        },
      },
      "401": { $ref: "#/components/responses/Unauthorized" },
    },
  },
  delete: {
    operationId: "widgets.deleteList",
    tags: ["widgets"],
    summary: "Delete every widget",
    security: [{ TokenAuth: [] }],
    responses: { "204": { description: "Deleted." }, "401": { $ref: "#/components/responses/Unauthorized" } },
  },
};

beforeAll(() => {
  document.paths["/v1/widgets/"] = WIDGETS;
});
afterAll(() => {
  delete document.paths["/v1/widgets/"];
});
const standIn = useStandIn();

test("every operation of the document has a stateful handler (examples are for new operations only)", () => {
  expect(Object.keys(OPERATIONS).filter((id) => !(id in handlers))).toEqual([]);
});

test("a new operation without a handler answers its example, marked as such", async () => {
  const { key } = await unwrap((await standIn.login()).tokens.create());
  const list = await fetch(`${standIn.server.apiUrl}/v1/widgets/`, { headers: { Authorization: `Token ${key}` } });
  expect(list.status).toBe(200);
  expect(list.headers.get("x-neuroio-mock")).toBe("example");
  expect(await list.json()).toEqual([{ id: 1, name: "sprocket" }]);

  const removed = await fetch(`${standIn.server.apiUrl}/v1/widgets/`, { method: "DELETE", headers: { Authorization: `Token ${key}` } });
  expect(removed.status).toBe(204);
  expect(removed.headers.get("x-neuroio-mock")).toBe("example");
  expect(await removed.text()).toBe("");

  // The document's rules still apply: its security, and its host.
  expect(await raw(`${standIn.server.apiUrl}/v1/widgets/`)).toEqual({ status: 401, body: { error_codes: [401], message: "Invalid token.", fields: [] } });
  expect((await raw(`${standIn.server.iamUrl}/v1/widgets/`, { token: key })).status).toBe(404);

  // Operations with a handler answer from state, unmarked.
  const sources = await fetch(`${standIn.server.apiUrl}/v1/sources/`, { headers: { Authorization: `Token ${key}` } });
  expect(sources.status).toBe(200);
  expect(sources.headers.get("x-neuroio-mock")).toBeNull();
});
