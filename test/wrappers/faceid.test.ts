import { InputError, NeuroIOError, unwrap, type Client } from "../../src/wrappers";
import { example, jpegBytes, pngBytes, TEST_TOKEN, validationError, type RecordingServer, useRecordingServer } from "../helpers";

let server: RecordingServer;
let client: Client;

useRecordingServer((started, connected) => {
  server = started;
  client = connected;
});

describe("faceid.compare()", () => {
  test("POSTs the photo, facesize and result as multipart to the API host", async () => {
    const photo = jpegBytes(3);
    const { data, error, response } = await client.faceid.compare({ photo, facesize: 2500, result: "junk" });
    const req = server.only();
    expect(req).toMatchObject({ host: "api", method: "POST", path: "/v1/faceid/compare/", query: "" });
    expect(req.contentType).toBe("multipart/form-data");
    expect(req.headers.authorization).toBe(`Token ${TEST_TOKEN}`);
    expect(req.fields).toEqual({ facesize: "2500", result: "junk" });
    expect(req.files).toEqual({ photo: { filename: "photo.jpg", contentType: "image/jpeg", bytes: Buffer.from(photo) } });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data).toEqual(example("faceid.compare"));
  });

  test("a missing photo is refused before sending (InputError naming photo)", async () => {
    const thrown = await client.faceid.compare({ facesize: 1 } as never).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as InputError).field).toBe("photo");
    expect(server.requests).toHaveLength(0);
  });

  test("no document in the photo is a typed validation error; unwrap() throws NeuroIOError", async () => {
    const body = validationError("photo", "Expected two faces, found one.");
    server.respondNext({ status: 400, body }, { status: 400, body });
    const { data, error, response } = await client.faceid.compare({ photo: jpegBytes() });
    expect(data).toBeUndefined();
    expect(response.status).toBe(400);
    expect(error?.error_codes).toEqual([400]);
    expect(error?.fields).toEqual(body.fields);
    const thrown = await unwrap(client.faceid.compare({ photo: jpegBytes() })).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(NeuroIOError);
    expect((thrown as NeuroIOError).status).toBe(400);
  });
});

describe("faceid.verification()", () => {
  test("POSTs both photos, id_code, facesizes and result as multipart", async () => {
    const face = jpegBytes(4);
    const doc = pngBytes(64);
    const { data, response } = await client.faceid.verification({
      photo_face: face,
      photo_face_facesize: 1000,
      photo_id: { data: doc, filename: "passport.png", type: "image/png" },
      photo_id_facesize: 500,
      id_code: "ru",
      result: "ha",
    });
    const req = server.only();
    expect(req).toMatchObject({ host: "api", method: "POST", path: "/v1/faceid/verification/", query: "" });
    expect(req.contentType).toBe("multipart/form-data");
    expect(req.fields).toEqual({ photo_face_facesize: "1000", photo_id_facesize: "500", id_code: "ru", result: "ha" });
    expect(req.files).toEqual({
      photo_face: { filename: "photo_face.jpg", contentType: "image/jpeg", bytes: Buffer.from(face) },
      photo_id: { filename: "passport.png", contentType: "image/png", bytes: Buffer.from(doc) },
    });
    expect(response.status).toBe(200);
    expect(data).toEqual(example("faceid.verification"));
  });

  test("a missing document photo is refused before sending", async () => {
    await expect(client.faceid.verification({ photo_face: jpegBytes(), id_code: "ru" } as never)).rejects.toMatchObject({
      name: "InputError",
      field: "photo_id",
    });
    expect(server.requests).toHaveLength(0);
  });
});

test("faceid.idCodes() GETs /v1/faceid/id-codes/", async () => {
  const { data, response } = await client.faceid.idCodes();
  const req = server.only();
  expect(req).toMatchObject({ host: "api", method: "GET", path: "/v1/faceid/id-codes/", query: "" });
  expect(req.body.length).toBe(0);
  expect(response.status).toBe(200);
  expect(data).toEqual(example("faceid.idCodes"));
});
