/**
 * Synthetic face photos for the stand-in: `drawFace(seed)` draws a face-like picture (a
 * head, hair, eyes, brows, nose, mouth and sometimes glasses or a beard, on a background),
 * every feature chosen from the seed, as PNG bytes. The same seed always gives the same
 * picture; different seeds are different persons to the stand-in (`similarFace` in
 * faces.ts makes a photo that matches one at a chosen level).
 */
import { createHash } from "node:crypto";
import { encodePng } from "./faces";

type Rgb = [number, number, number];

/** A deterministic stream of numbers in [0, 1) from a seed. */
function randomOf(seed: string | number): () => number {
  let counter = 0;
  let block = Buffer.alloc(0);
  let at = 0;
  return () => {
    if (at + 4 > block.length) {
      block = createHash("sha256").update(`${seed}:${counter++}`).digest();
      at = 0;
    }
    const n = block.readUInt32BE(at) / 0x1_0000_0000;
    at += 4;
    return n;
  };
}

/** A face-like picture for `seed`, `size`×`size` pixels (default 128), as PNG bytes. */
export function drawFace(seed: string | number, size = 128): Uint8Array {
  const r = randomOf(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(r() * items.length)]!;
  const between = (lo: number, hi: number) => lo + r() * (hi - lo);

  const colour = (): Rgb => [Math.floor(r() * 256), Math.floor(r() * 256), Math.floor(r() * 256)];
  // Backgrounds differ most between photos of different persons (as they do between
  // real photos taken in different places): a two-colour gradient in any direction.
  const background: [Rgb, Rgb] = [colour(), colour()];
  const gradientAngle = r() * 2 * Math.PI;
  const skin = pick<Rgb>([[255, 224, 196], [234, 192, 134], [198, 134, 66], [141, 85, 36], [92, 56, 30], [241, 194, 125]]);
  const hair = pick<Rgb>([[20, 20, 20], [90, 56, 37], [183, 134, 76], [230, 206, 160], [160, 40, 20], [200, 200, 200]]);
  const head = { x: between(0.35, 0.65), y: between(0.45, 0.62), rx: between(0.2, 0.34), ry: between(0.27, 0.42) };
  const hairStyle = pick(["short", "long", "bald", "bun"] as const);
  const eye = { dx: between(0.08, 0.14), y: head.y - between(0.02, 0.1), r: between(0.025, 0.05) };
  const iris = pick<Rgb>([[60, 40, 20], [40, 90, 160], [50, 120, 60], [20, 20, 20]]);
  const brow = { lift: between(0.05, 0.09), tilt: between(-0.04, 0.04), thick: between(0.008, 0.02) };
  const mouth = { y: head.y + between(0.12, 0.2), w: between(0.06, 0.13), smile: between(-0.05, 0.07) };
  const glasses = r() < 0.3;
  const beard = r() < 0.25;
  const freckles = Array.from({ length: Math.floor(r() * 12) }, () => ({ x: head.x + between(-0.15, 0.15), y: head.y + between(-0.05, 0.1) }));

  const data = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const x = (px + 0.5) / size;
      const y = (py + 0.5) / size;
      const t = Math.min(1, Math.max(0, 0.5 + ((x - 0.5) * Math.cos(gradientAngle) + (y - 0.5) * Math.sin(gradientAngle))));
      let c: Rgb = [0, 1, 2].map((i) => background[0][i]! * (1 - t) + background[1][i]! * t) as Rgb;
      const inEllipse = (cx: number, cy: number, rx: number, ry: number) => ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
      const hx = head.x;
      // Hair behind the head.
      if (hairStyle === "long" && inEllipse(hx, head.y + 0.05, head.rx * 1.25, head.ry * 1.15) && y > head.y - head.ry * 0.6) c = hair;
      if (hairStyle === "bun" && inEllipse(hx, head.y - head.ry * 1.05, head.rx * 0.45, head.ry * 0.3)) c = hair;
      if (inEllipse(hx, head.y + 0.02, head.rx * 0.45, 0.2) && y > head.y + head.ry * 0.8) c = skin; // neck
      if (inEllipse(hx, head.y, head.rx, head.ry)) {
        c = skin;
        if (hairStyle !== "bald" && y < head.y - head.ry * 0.55) c = hair;
        if (beard && y > head.y + 0.08 && !inEllipse(hx, mouth.y, mouth.w * 1.1, 0.03)) c = hair;
        for (const f of freckles) if (inEllipse(f.x, f.y, 0.007, 0.007)) c = [150, 90, 60];
      }
      for (const side of [-1, 1]) {
        const ex = hx + side * eye.dx;
        if (inEllipse(ex, eye.y, eye.r * 1.6, eye.r)) c = [250, 250, 250];
        if (inEllipse(ex, eye.y, eye.r * 0.7, eye.r * 0.7)) c = iris;
        if (inEllipse(ex, eye.y, eye.r * 0.3, eye.r * 0.3)) c = [10, 10, 10];
        const by = eye.y - brow.lift + side * brow.tilt * (x - ex) * 4;
        if (Math.abs(x - ex) < eye.r * 1.8 && Math.abs(y - by) < brow.thick) c = hair;
        if (glasses && Math.abs(Math.hypot(x - ex, y - eye.y) - eye.r * 2) < 0.008) c = [30, 30, 30];
      }
      if (glasses && Math.abs(y - eye.y) < 0.006 && Math.abs(x - hx) < eye.dx - eye.r * 2) c = [30, 30, 30];
      // Nose: a short vertical shade; mouth: a parabola.
      if (Math.abs(x - hx) < 0.012 && y > eye.y + 0.03 && y < mouth.y - 0.06) c = c.map((v) => v * 0.75) as Rgb;
      const mx = (x - hx) / mouth.w;
      if (Math.abs(mx) <= 1 && Math.abs(y - (mouth.y + mouth.smile * (mx * mx - 1))) < 0.012) c = [160, 40, 50];

      const i = (py * size + px) * 4;
      data[i] = c[0];
      data[i + 1] = c[1];
      data[i + 2] = c[2];
      data[i + 3] = 255;
    }
  }
  return encodePng({ width: size, height: size, data });
}

