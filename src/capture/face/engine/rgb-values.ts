/** Whether this machine stores a 32-bit word's low byte first (every browser platform does). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** A frame's pixels as canvases give them: four bytes (red, green, blue, alpha) per pixel. */
export type RgbaFrame = Pick<ImageData, 'data' | 'width' | 'height'>;

/**
 * Answers a function giving a frame's red, green and blue values, three int32 per pixel (what
 * face-api takes), in one buffer kept from frame to frame. tfjs' `browser.fromPixels` copies the
 * same values into a new buffer each time, byte by byte: in a virtual machine, first touching a
 * fresh 3.7 MB buffer's memory cost more than running the models. The caller must be done with
 * one frame's values (tfjs copies a tensor's values into its backend as it is made) before asking
 * for the next.
 */
export function rgbValues(): (frame: RgbaFrame) => Int32Array {
  let rgb = new Int32Array(0);
  return ({ data, width, height }) => {
    if (rgb.length !== width * height * 3) rgb = new Int32Array(width * height * 3);
    if (LITTLE_ENDIAN && data.byteOffset % 4 === 0) {
      // One 32-bit read per pixel: about ten times faster than reading its bytes one by one.
      const pixels = new Uint32Array(data.buffer, data.byteOffset, width * height);
      for (let pixel = 0, to = 0; pixel < pixels.length; pixel++, to += 3) {
        const rgba = pixels[pixel]!;
        rgb[to] = rgba & 0xff;
        rgb[to + 1] = (rgba >>> 8) & 0xff;
        rgb[to + 2] = (rgba >>> 16) & 0xff;
      }
    } else {
      for (let from = 0, to = 0; to < rgb.length; from += 4, to += 3) rgb.set(data.subarray(from, from + 3), to);
    }
    return rgb;
  };
}
