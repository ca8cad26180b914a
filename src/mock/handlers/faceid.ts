/**
 * `faceid`: a person against an identity document (API). Deterministic like every face in
 * the stand-in: `faceid.compare`'s selfie-with-document scores from the photo's bytes;
 * `faceid.verification` compares the two photos as `utility.compare` does and "reads" a
 * document whose data derives from `photo_id`.
 */
import { exampleAnswer } from "../document";
import { digestNumber, levelOf, reaches, similarity } from "../faces";
import { actingSpace, invalid, ok, requestedLevel, uploadedFace, type Handlers } from "./common";

/** The identity document types the stand-in knows: the ones the document lists as `faceid.idCodes`' answer. */
export const ID_CODES = exampleAnswer("faceid.idCodes") as Array<{ code: string; name: string }>;

function checkFacesize(field: string, size: number, facesize: number | undefined): void {
  if (facesize !== undefined && size < facesize) throw invalid([field, `No face of at least ${facesize} pixels found (the largest is ${size}).`]);
}

export const faceid: Handlers<"faceid.compare" | "faceid.verification" | "faceid.idCodes"> = {
  "faceid.compare": (ctx) => {
    const required = requestedLevel(ctx.body.result);
    const { file: photo, face } = uploadedFace(ctx, "photo");
    checkFacesize("photo", face.size, ctx.body.facesize);
    const score = Math.round(5500 + (digestNumber(photo.bytes, "faceid.compare") % 4501)) / 100;
    const result = levelOf(score, actingSpace(ctx).thresholds);
    return ok({ similar: reaches(result, required), result });
  },

  "faceid.verification": (ctx) => {
    const { body } = ctx;
    const required = requestedLevel(body.result);
    if (!ID_CODES.some((c) => c.code === body.id_code)) throw invalid(["id_code", `"${body.id_code}" is not a valid choice.`]);
    const { face: person } = uploadedFace(ctx, "photo_face");
    const { file: photoId, face: document } = uploadedFace(ctx, "photo_id");
    checkFacesize("photo_face", person.size, body.photo_face_facesize);
    checkFacesize("photo_id", document.size, body.photo_id_facesize);
    const result = levelOf(similarity(person, document), actingSpace(ctx).thresholds);
    const n = digestNumber(photoId.bytes, "faceid.document");
    return ok({
      similar: reaches(result, required),
      result,
      extra: { id_code: body.id_code },
      documents: [
        {
          type: "passport",
          number: `${String(n % 10_000).padStart(4, "0")} ${String(n % 1_000_000).padStart(6, "0")}`,
          date_of_birth: `${2006 - document.age}-0${1 + (n % 9)}-1${n % 10}`,
          sex: document.sex === 0 ? "M" : "F",
        },
      ],
    });
  },

  "faceid.idCodes": () => ok(ID_CODES),
};
