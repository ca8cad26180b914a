/**
 * `persons`: persons created, re-initialised and searched from photos or entries (API).
 * Faces come from the decoded pixels (see ../faces.ts): the same photo re-encoded or resized is the same person.
 */
import type { components } from "../../generated/schema";
import { levelOf, reaches, similarity, type Face } from "../faces";
import type { EntryRecord, PersonRecord, SourceRecord } from "../state";
import { visiblePerson } from "./entries";
import { actingSpace, created, invalid, me, noContent, ok, requestedLevel, uploadedFace, type Ctx, type Handlers } from "./common";

type S = components["schemas"];

/** A source, by name, visible from the token (its own space first), or 400 on `source`. */
function sourceNamed(ctx: Ctx<"persons.create">, name: string): SourceRecord {
  const caller = me(ctx);
  const source = ctx.store.sourceByName(name, caller.visible, caller.space?.id);
  if (!source) throw invalid(["source", "Source with this name does not exist."]);
  return source;
}

/** A source, by name, of the person's space (a source elsewhere would record the person's entry there), or 400 on `source`. */
function sourceOfPersonNamed(ctx: Ctx<"persons.reinitByPhoto">, person: PersonRecord, name: string): SourceRecord {
  const source = ctx.store.sourceByName(name, new Set([person.spaceId]));
  if (source) return source;
  if (ctx.store.sourceByName(name, me(ctx).visible)) throw invalid(["source", "The source is not in the space of the person."]);
  throw invalid(["source", "Source with this name does not exist."]);
}

/** The uploaded photo and its face, or 400 when the face is smaller than `facesize`. */
function faceIn(ctx: Ctx<"persons.create" | "persons.reinitByPhoto">, facesize: number) {
  const { file, face } = uploadedFace(ctx, "image");
  if (face.size < facesize) throw invalid(["image", `No face of at least ${facesize} pixels found (the largest is ${face.size}).`]);
  return { file, face };
}

function asmOf(face: Face): Pick<S["PersonResult"], "age" | "sex" | "mood"> {
  return { age: face.age, sex: face.sex, mood: face.mood };
}

/** An entry the token can see, or 400 on `id`. */
function visibleEntry(ctx: Ctx<"persons.createByEntry" | "persons.reinit">, id: number): EntryRecord {
  const entry = ctx.store.entries.get(id);
  if (!entry || !me(ctx).visible.has(entry.spaceId)) throw invalid(["id", `Invalid pk "${id}" - object does not exist.`]);
  return entry;
}

/** The source an entry came from, or 400 on `id` (search entries have none). */
function entrySource(ctx: Ctx<"persons.createByEntry" | "persons.reinit">, entry: EntryRecord): SourceRecord {
  const source = entry.data.source && ctx.store.sources.get(entry.data.source.id);
  if (!entry.data.source) throw invalid(["id", "The entry comes from a search, which names no source."]);
  if (!source) throw invalid(["id", "The source of this entry no longer exists."]);
  return source;
}

/**
 * The person an entry is tied to, or 400 on `id`. Only a person of the entry's own space
 * (so one the caller sees): an entry never reaches into another space.
 */
function entryPerson(ctx: Ctx<"persons.reinit">, entry: EntryRecord): PersonRecord {
  if (entry.data.pid === null) throw invalid(["id", "The entry does not belong to a person."]);
  const person = ctx.store.persons.get(entry.data.pid);
  if (!person || person.spaceId !== entry.spaceId) throw invalid(["id", "The person of this entry no longer exists."]);
  return person;
}

export const persons: Handlers<
  "persons.create" | "persons.createByEntry" | "persons.reinit" | "persons.reinitByPhoto" | "persons.search" | "persons.delete"
> = {
  "persons.create": (ctx) => {
    const { store, body } = ctx;
    const source = sourceNamed(ctx, body.source);
    const settings = source.settings;
    const { file, face } = faceIn(ctx, body.facesize ?? settings.manual_create_facesize_threshold);
    const asm = body.identify_asm ?? settings.manual_identify_asm;
    const space = store.spaces.get(source.spaceId)!;
    // Duplicates are looked for among the persons of the source's space.
    const { person: match, score } = store.bestMatch(face, new Set([space.id]));
    const found = match ? levelOf(score, space.thresholds) : "nm";
    const createAnyway =
      found === "nm" ||
      (found === "ha" && (body.create_on_ha ?? settings.manual_create_on_ha)) ||
      (found === "junk" && (body.create_on_junk ?? settings.manual_create_on_junk));
    if (match && !createAnyway) {
      return ok({ result: found, pid: match.pid, confidence: score, ...(asm ? asmOf(face) : {}) });
    }
    const person = store.createPerson(space, source, face);
    store.recordEntry({ source, face, upload: file, result: "new", person, confidence: 100, asm });
    return created({ result: "new", pid: person.pid, confidence: 100, ...(asm ? asmOf(face) : {}) });
  },

  "persons.createByEntry": (ctx) => {
    const { store, body } = ctx;
    const entry = visibleEntry(ctx, body.id);
    const source = entrySource(ctx, entry);
    const { result } = entry.data;
    if (result === "new" || result === "reinit" || result === "exact") throw invalid(["id", "The entry already belongs to a person."]);
    if (result === "det") throw invalid(["id", "A person cannot be created from a detection-only entry."]);
    if (result === "ha" && !(body.create_on_ha ?? source.settings.manual_create_on_ha)) {
      throw invalid(["create_on_ha", "The entry matches a person at ha level; set create_on_ha to create another."]);
    }
    if (result === "junk" && !(body.create_on_junk ?? source.settings.manual_create_on_junk)) {
      throw invalid(["create_on_junk", "The entry matches a person at junk level; set create_on_junk to create another."]);
    }
    const space = store.spaces.get(source.spaceId)!;
    const asm = source.settings.manual_identify_asm;
    const person = store.createPerson(space, source, entry.face);
    store.recordEntry({ source, face: entry.face, result: "new", person, confidence: 100, asm });
    return created({ result: "new", pid: person.pid, confidence: 100, ...(asm ? asmOf(entry.face) : {}) });
  },

  "persons.reinit": (ctx) => {
    const { store } = ctx;
    const entry = visibleEntry(ctx, ctx.body.id);
    const person = entryPerson(ctx, entry);
    const source = entrySource(ctx, entry);
    const confidence = similarity(entry.face, person.face);
    const asm = source.settings.manual_identify_asm;
    store.recordEntry({ source, face: entry.face, result: "reinit", person, confidence, asm });
    return noContent();
  },

  "persons.reinitByPhoto": (ctx) => {
    const { store, body } = ctx;
    const person: PersonRecord = visiblePerson(ctx, ctx.params.pid);
    const source = sourceOfPersonNamed(ctx, person, body.source);
    const required = requestedLevel(body.result);
    const { file, face } = faceIn(ctx, body.facesize ?? source.settings.manual_create_facesize_threshold);
    const space = store.spaces.get(person.spaceId)!;
    const score = similarity(face, person.face);
    if (!reaches(levelOf(score, space.thresholds), required)) throw invalid(["image", "The face does not match the person."]);
    const asm = body.identify_asm ?? source.settings.manual_identify_asm;
    store.recordEntry({ source, face, upload: file, result: "reinit", person, confidence: score, asm });
    return noContent();
  },

  "persons.search": (ctx) => {
    const { store, body } = ctx;
    const { file, face } = uploadedFace(ctx, "image");
    const asm = body.identify_asm ?? false;
    const { person, score } = store.bestMatch(face, me(ctx).visible);
    const found = person ? levelOf(score, store.spaces.get(person.spaceId)!.thresholds) : "nm";
    const match = found === "nm" ? undefined : person;
    // A search names no source. Its entry is the matched person's, so it lands in that
    // person's space (an account token searches every space; an entry of its own space
    // would show that person to that space's tokens); without a match, in the caller's.
    const spaceId = match?.spaceId ?? actingSpace(ctx).id;
    store.recordEntry({ source: undefined, spaceId, face, upload: file, result: found, person: match, confidence: score, asm });
    const answer = match ? { result: found, pid: match.pid, confidence: score } : { result: "nm" as const, pid: null, confidence: score };
    return ok({ ...answer, ...(asm ? asmOf(face) : {}) });
  },

  "persons.delete": (ctx) => {
    ctx.store.deletePerson(visiblePerson(ctx, ctx.params.pid));
    return noContent();
  },
};
