import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { openAsBlob } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { InputError, NeuroIOError, unwrap, type Client, type ImageInput } from "../../src/wrappers";
import {
  example,
  jpegBytes,
  NOT_FOUND,
  pngBytes,
  startRecordingServer,
  TEST_TOKEN,
  testClient,
  validationError,
  type RecordingServer,
} from "../helpers";

let server: RecordingServer;
let client: Client;
let dir: string;

beforeAll(async () => {
  server = await startRecordingServer();
  client = testClient(server);
  dir = mkdtempSync(path.join(tmpdir(), "neuroio-persons-"));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => server.reset());

const PID = "749c9583-5ae9-4b72-a8f9-e1018d99af7e";

describe("persons.create()", () => {
  test("sends multipart: the image part and text parts with booleans as true/false", async () => {
    const image = jpegBytes();
    const { data, error, response } = await client.persons.create({
      image,
      source: "Entrance camera",
      facesize: 9000,
      create_on_ha: true,
      create_on_junk: false,
      identify_asm: true,
    });
    const req = server.only();
    expect(req).toMatchObject({ host: "api", method: "POST", path: "/v1/persons/", query: "" });
    expect(req.contentType).toBe("multipart/form-data");
    expect(req.contentTypeHeader).toMatch(/^multipart\/form-data; boundary=\S+$/);
    expect(req.headers.authorization).toBe(`Token ${TEST_TOKEN}`);
    expect(req.fields).toEqual({
      source: "Entrance camera",
      facesize: "9000",
      create_on_ha: "true",
      create_on_junk: "false",
      identify_asm: "true",
    });
    expect(Object.keys(req.files)).toEqual(["image"]);
    expect(req.files.image).toEqual({ filename: "image.jpg", contentType: "image/jpeg", bytes: Buffer.from(image) });

    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data).toEqual(example("persons.create"));
  });

  test("leaves optional fields out", async () => {
    await client.persons.create({ image: jpegBytes(), source: "cam" });
    const req = server.only();
    expect(req.fields).toEqual({ source: "cam" });
    expect(req.parts.map((p) => p.name).sort()).toEqual(["image", "source"]);
  });

  test("a photo without a face is a typed validation error; unwrap() throws NeuroIOError", async () => {
    const body = validationError("image", "No face found.");
    server.respondNext({ status: 400, body }, { status: 400, body });
    const { data, error, response } = await client.persons.create({ image: jpegBytes(), source: "cam" });
    expect(data).toBeUndefined();
    expect(response.status).toBe(400);
    expect(error?.error_codes).toEqual([400]);
    expect(error?.fields).toEqual([{ name: "image", message: "No face found.", error_code: 400 }]);

    const thrown = await unwrap(client.persons.create({ image: jpegBytes(), source: "cam" })).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(NeuroIOError);
    expect(thrown).toMatchObject({ status: 400, error_codes: [400], fields: body.fields });
  });
});

describe("persons.create() image inputs", () => {
  const jpeg = jpegBytes(0x11, 48);
  const png = pngBytes(40);

  async function sent(image: ImageInput) {
    server.reset();
    const { response } = await client.persons.create({ image, source: "cam" });
    expect(response.status).toBe(200);
    const file = server.only().files.image;
    expect(file).toBeDefined();
    return file!;
  }

  test("a Blob with a type", async () => {
    const file = await sent(new Blob([jpeg], { type: "image/jpeg" }));
    expect(file).toEqual({ filename: "image.jpg", contentType: "image/jpeg", bytes: Buffer.from(jpeg) });
  });

  test("a File keeps its name and type", async () => {
    const file = await sent(new File([png], "face.png", { type: "image/png" }));
    expect(file).toEqual({ filename: "face.png", contentType: "image/png", bytes: Buffer.from(png) });
  });

  test("a Uint8Array (JPEG sniffed)", async () => {
    const file = await sent(jpeg);
    expect(file).toEqual({ filename: "image.jpg", contentType: "image/jpeg", bytes: Buffer.from(jpeg) });
  });

  test("a Buffer that is a slice of a larger buffer sends only its own bytes", async () => {
    const big = Buffer.concat([Buffer.from("HEAD-GARBAGE"), Buffer.from(jpeg), Buffer.from("TAIL")]);
    const slice = big.subarray(12, 12 + jpeg.length);
    const file = await sent(slice);
    expect(file).toEqual({ filename: "image.jpg", contentType: "image/jpeg", bytes: Buffer.from(jpeg) });
  });

  test("an ArrayBuffer (PNG sniffed)", async () => {
    const buffer = png.slice().buffer;
    const file = await sent(buffer);
    expect(file).toEqual({ filename: "image.png", contentType: "image/png", bytes: Buffer.from(png) });
  });

  test("{ data, filename, type }", async () => {
    const file = await sent({ data: jpeg, filename: "me.jpeg", type: "image/jpeg" });
    expect(file).toEqual({ filename: "me.jpeg", contentType: "image/jpeg", bytes: Buffer.from(jpeg) });
  });

  test("{ data: Blob, filename } with the type overridden", async () => {
    const file = await sent({ data: new Blob([png]), filename: "x.png", type: "image/png" });
    expect(file).toEqual({ filename: "x.png", contentType: "image/png", bytes: Buffer.from(png) });
  });

  test("fs.openAsBlob(path) streams a file from disk", async () => {
    const filePath = path.join(dir, "photo.jpg");
    writeFileSync(filePath, jpeg);
    const file = await sent(await openAsBlob(filePath, { type: "image/jpeg" }));
    expect(file).toEqual({ filename: "image.jpg", contentType: "image/jpeg", bytes: Buffer.from(jpeg) });

    const named = await sent({ data: await openAsBlob(filePath), filename: "photo.jpg", type: "image/jpeg" });
    expect(named).toEqual({ filename: "photo.jpg", contentType: "image/jpeg", bytes: Buffer.from(jpeg) });
  });
});

describe("persons.create() refuses bad input before sending", () => {
  test("a missing image: InputError naming image", async () => {
    const thrown = await client.persons.create({ source: "cam" } as never).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as InputError).field).toBe("image");
    expect((thrown as InputError).message).toMatch(/^persons.create: image: /);
    expect(server.requests).toHaveLength(0);
  });

  test("image: undefined or null", async () => {
    for (const image of [undefined, null]) {
      await expect(client.persons.create({ image: image as never, source: "cam" })).rejects.toMatchObject({ name: "InputError", field: "image" });
    }
    expect(server.requests).toHaveLength(0);
  });

  test("an image of a type the SDK cannot send (a path string from JavaScript)", async () => {
    await expect(client.persons.create({ image: "face.jpg" as never, source: "cam" })).rejects.toMatchObject({
      name: "InputError",
      field: "image",
    });
    expect(server.requests).toHaveLength(0);
  });

  test("an empty image", async () => {
    await expect(client.persons.create({ image: new Uint8Array(0), source: "cam" })).rejects.toMatchObject({
      name: "InputError",
      field: "image",
    });
    expect(server.requests).toHaveLength(0);
  });

  test("an upload over maxUploadBytes; a smaller one goes through", async () => {
    const small = testClient(server, { maxUploadBytes: 1000 });
    const thrown = await small.persons.create({ image: jpegBytes(0x42, 1001), source: "cam" }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as InputError).field).toBe("image");
    expect((thrown as InputError).message).toContain("1000");
    expect(server.requests).toHaveLength(0);

    const ok = await small.persons.create({ image: jpegBytes(0x42, 900), source: "cam" });
    expect(ok.response.status).toBe(200);
    expect(server.only().files.image?.bytes.length).toBe(900);
  });
});

test("persons.createByEntry() POSTs JSON to /v1/persons/entry/", async () => {
  const { data, response } = await client.persons.createByEntry({ id: 1053, create_on_ha: false, create_on_junk: true });
  const req = server.only();
  expect(req).toMatchObject({ host: "api", method: "POST", path: "/v1/persons/entry/", query: "" });
  expect(req.contentType).toBe("application/json");
  expect(req.json).toEqual({ id: 1053, create_on_ha: false, create_on_junk: true });
  expect(response.status).toBe(201);
  expect(data).toEqual(example("persons.createByEntry"));
});

test("persons.reinit() POSTs the entry id as JSON and gets 204", async () => {
  const { data, error, response } = await client.persons.reinit({ id: 1052 });
  const req = server.only();
  expect(req).toMatchObject({ host: "api", method: "POST", path: "/v1/persons/reinit/", query: "" });
  expect(req.contentType).toBe("application/json");
  expect(req.json).toEqual({ id: 1052 });
  expect(response.status).toBe(204);
  expect(data).toBeUndefined();
  expect(error).toBeUndefined();
});

describe("persons.reinitByPhoto()", () => {
  test("POSTs multipart to /v1/persons/reinit/{pid}/ without pid among the parts", async () => {
    const image = pngBytes();
    const { data, error, response } = await client.persons.reinitByPhoto({
      pid: PID,
      image: { data: image, filename: "new.png", type: "image/png" },
      source: "cam",
      facesize: 100,
      identify_asm: false,
      result: "ha",
    });
    const req = server.only();
    expect(req).toMatchObject({ host: "api", method: "POST", path: `/v1/persons/reinit/${PID}/`, query: "" });
    expect(req.contentType).toBe("multipart/form-data");
    expect(req.fields).toEqual({ source: "cam", facesize: "100", identify_asm: "false", result: "ha" });
    expect(req.files).toEqual({ image: { filename: "new.png", contentType: "image/png", bytes: Buffer.from(image) } });
    expect(response.status).toBe(204);
    expect(data).toBeUndefined();
    expect(error).toBeUndefined();
  });

  test("a missing image is refused before sending", async () => {
    await expect(client.persons.reinitByPhoto({ pid: PID, source: "cam" } as never)).rejects.toMatchObject({
      name: "InputError",
      field: "image",
    });
    expect(server.requests).toHaveLength(0);
  });
});

describe("persons.search()", () => {
  test("POSTs multipart with identify_asm=true", async () => {
    const image = jpegBytes();
    const { data, response } = await client.persons.search({ image, identify_asm: true });
    const req = server.only();
    expect(req).toMatchObject({ host: "api", method: "POST", path: "/v1/persons/search/", query: "" });
    expect(req.contentType).toBe("multipart/form-data");
    expect(req.fields).toEqual({ identify_asm: "true" });
    expect(req.files.image?.bytes).toEqual(Buffer.from(image));
    expect(response.status).toBe(200);
    expect(data).toEqual(example("persons.search"));
  });

  test("with only the image sends only the image part", async () => {
    await client.persons.search({ image: jpegBytes() });
    const req = server.only();
    expect(req.fields).toEqual({});
    expect(Object.keys(req.files)).toEqual(["image"]);
  });
});

describe("persons.delete()", () => {
  test("DELETEs /v1/persons/{pid}/ and gets 204", async () => {
    const { data, response } = await client.persons.delete({ pid: PID });
    const req = server.only();
    expect(req).toMatchObject({ host: "api", method: "DELETE", path: `/v1/persons/${PID}/`, query: "" });
    expect(req.body.length).toBe(0);
    expect(response.status).toBe(204);
    expect(data).toBeUndefined();
  });

  test("an unknown person is a 404 ErrorBody", async () => {
    server.respondNext({ status: 404, body: NOT_FOUND });
    const { error, response } = await client.persons.delete({ pid: "nobody" });
    expect(response.status).toBe(404);
    expect(error).toEqual(NOT_FOUND);
  });
});
