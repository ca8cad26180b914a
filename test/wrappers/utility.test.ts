import { InputError, NeuroIOError, unwrap, type Client } from "../../src/wrappers";
import { example, jpegBytes, NOT_FOUND, pngBytes, TEST_TOKEN, testClient, validationError, type RecordingServer, useRecordingServer } from "../helpers";

let server: RecordingServer;
let client: Client;

useRecordingServer((started, connected) => {
  server = started;
  client = connected;
});

describe("utility.compare()", () => {
  test("POSTs two image parts and result as multipart to the API host", async () => {
    const one = jpegBytes(1);
    const two = new File([pngBytes()], "second.png", { type: "image/png" });
    const { data, error, response } = await client.utility.compare({ image1: one, image2: two, result: "exact" });
    const req = server.only();
    expect(req).toMatchObject({ host: "api", method: "POST", path: "/v1/utility/compare/", query: "" });
    expect(req.contentType).toBe("multipart/form-data");
    expect(req.headers.authorization).toBe(`Token ${TEST_TOKEN}`);
    expect(req.fields).toEqual({ result: "exact" });
    expect(req.files.image1).toEqual({ filename: "image1.jpg", contentType: "image/jpeg", bytes: Buffer.from(one) });
    expect(req.files.image2).toEqual({ filename: "second.png", contentType: "image/png", bytes: Buffer.from(pngBytes()) });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data).toEqual(example("utility.compare"));
  });

  test("leaves result out when it is not given", async () => {
    await client.utility.compare({ image1: jpegBytes(1), image2: jpegBytes(2) });
    expect(server.only().fields).toEqual({});
  });

  test("a missing second image is refused before sending (InputError naming image2)", async () => {
    const thrown = await client.utility.compare({ image1: jpegBytes() } as never).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as InputError).field).toBe("image2");
    expect(server.requests).toHaveLength(0);
  });

  test("two images together over maxUploadBytes are refused", async () => {
    const small = testClient(server, { maxUploadBytes: 100 });
    await expect(small.utility.compare({ image1: jpegBytes(1, 60), image2: jpegBytes(2, 60) })).rejects.toBeInstanceOf(InputError);
    expect(server.requests).toHaveLength(0);
  });

  test("a rejected result level is a typed validation error; unwrap() throws NeuroIOError", async () => {
    const body = validationError("result", "\"junk\" is not a valid choice.");
    server.respondNext({ status: 400, body }, { status: 400, body });
    const { error, response } = await client.utility.compare({ image1: jpegBytes(), image2: jpegBytes(), result: "junk" });
    expect(response.status).toBe(400);
    expect(error?.fields[0]?.name).toBe("result");
    const thrown = await unwrap(client.utility.compare({ image1: jpegBytes(), image2: jpegBytes(), result: "junk" })).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(NeuroIOError);
    expect(thrown).toMatchObject({ status: 400, fields: body.fields });
  });
});

describe("utility.asm()", () => {
  test("POSTs one image part to /v1/utility/asm/", async () => {
    const image = { data: jpegBytes(9), filename: "face.jpg", type: "image/jpeg" };
    const { data, response } = await client.utility.asm({ image });
    const req = server.only();
    expect(req).toMatchObject({ host: "api", method: "POST", path: "/v1/utility/asm/", query: "" });
    expect(req.contentType).toBe("multipart/form-data");
    expect(req.fields).toEqual({});
    expect(req.files).toEqual({ image: { filename: "face.jpg", contentType: "image/jpeg", bytes: Buffer.from(jpegBytes(9)) } });
    expect(response.status).toBe(200);
    expect(data).toEqual(example("utility.asm"));
  });

  test("a missing image is refused before sending", async () => {
    await expect(client.utility.asm({} as never)).rejects.toMatchObject({ name: "InputError", field: "image" });
    expect(server.requests).toHaveLength(0);
  });
});

describe("utility.customer()", () => {
  test("GETs /v1/utility/customer/ with source and offset", async () => {
    const { data, response } = await client.utility.customer({ source: "Entrance camera", offset: 2 });
    expect(server.only()).toMatchObject({
      host: "api",
      method: "GET",
      path: "/v1/utility/customer/",
      query: "source=Entrance%20camera&offset=2",
    });
    expect(response.status).toBe(200);
    expect(data).toEqual(example("utility.customer"));
  });

  test("without arguments sends no query string", async () => {
    await client.utility.customer();
    expect(server.only().query).toBe("");
  });

  test("no recent customer is a 404 ErrorBody", async () => {
    server.respondNext({ status: 404, body: NOT_FOUND });
    const { data, error, response } = await client.utility.customer({ source: "cam" });
    expect(data).toBeUndefined();
    expect(response.status).toBe(404);
    expect(error).toEqual(NOT_FOUND);
  });
});
