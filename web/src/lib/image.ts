/**
 * Photo compression in the browser, before upload: phones take 4000 × 3000 photos of 3–8 MB; the
 * server accepts 5 MB at most and field links are slow. A photo is redrawn with its long side at most
 * 1600 px and encoded as JPEG at quality ~0.8 (a few hundred KB). The size maths is pure and tested;
 * the drawing needs a browser (createImageBitmap + canvas).
 */

export const MAX_LONG_SIDE = 1600;
export const JPEG_QUALITY = 0.8;
/** The server's limit (src/domain/visits/images.ts MAX_PHOTO_BYTES). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/** Qualities tried in turn when a photo is still too large (a very detailed picture). */
export const QUALITY_STEPS = [JPEG_QUALITY, 0.65, 0.5] as const;

export interface Size {
  width: number;
  height: number;
}

/**
 * The size a photo is drawn at: scaled down (never up) so that its long side is at most `maxSide`,
 * keeping the aspect ratio; each side at least 1 px.
 */
export function fitWithin(width: number, height: number, maxSide = MAX_LONG_SIDE): Size {
  if (!(width > 0) || !(height > 0) || !Number.isFinite(width) || !Number.isFinite(height)) {
    throw new RangeError(`Ukuran gambar tidak valid: ${width} × ${height}`);
  }
  const long = Math.max(width, height);
  if (long <= maxSide) return { width: Math.round(width), height: Math.round(height) };
  const scale = maxSide / long;
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

/** Whether re-encoding is needed at all: a JPEG already small enough in pixels and bytes is kept. */
export function needsRecompress(type: string, size: Size, bytes: number, maxSide = MAX_LONG_SIDE): boolean {
  if (type !== 'image/jpeg') return true;
  if (Math.max(size.width, size.height) > maxSide) return true;
  // A small JPEG straight from a messaging app: recompressing only loses quality.
  return bytes > 1024 * 1024;
}

/** "1,2 MB", "380 KB": for the user. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB`;
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('id-ID')} KB`;
}

export class ImageError extends Error {
  override readonly name = 'ImageError';
}

export interface CompressedImage {
  blob: Blob;
  width: number;
  height: number;
  /** Size of the file the user picked, to show what was saved. */
  originalBytes: number;
}

async function decode(file: Blob): Promise<ImageBitmap> {
  try {
    // EXIF orientation applied, so a portrait photo stays upright once the EXIF is gone.
    return await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new ImageError(
      'Berkas ini tidak dapat dibaca sebagai gambar. Pilih foto JPEG, PNG atau WebP (format HEIC belum didukung peramban ini).',
    );
  }
}

function encode(canvas: HTMLCanvasElement | OffscreenCanvas, quality: number): Promise<Blob> {
  if ('convertToBlob' in canvas) return canvas.convertToBlob({ type: 'image/jpeg', quality });
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new ImageError('Foto gagal dikompresi di peramban ini.'))),
      'image/jpeg',
      quality,
    ),
  );
}

/** Compresses a picked or captured photo to a JPEG Blob (long side ≤ 1600 px, quality ~0.8). */
export async function compressImage(file: Blob, maxSide = MAX_LONG_SIDE): Promise<CompressedImage> {
  if (file.type && !file.type.startsWith('image/'))
    throw new ImageError('Berkas ini bukan gambar. Pilih foto JPEG, PNG atau WebP.');
  const bitmap = await decode(file);
  try {
    const original = { width: bitmap.width, height: bitmap.height };
    if (!needsRecompress(file.type, original, file.size, maxSide)) {
      return { blob: file, ...fitWithin(original.width, original.height, maxSide), originalBytes: file.size };
    }
    const { width, height } = fitWithin(original.width, original.height, maxSide);
    const canvas: HTMLCanvasElement | OffscreenCanvas =
      typeof OffscreenCanvas !== 'undefined'
        ? new OffscreenCanvas(width, height)
        : Object.assign(document.createElement('canvas'), { width, height });
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
    if (!ctx) throw new ImageError('Foto gagal dikompresi di peramban ini.');
    // JPEG has no transparency: a white ground instead of black for PNG screenshots.
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, 0, 0, width, height);
    for (const q of QUALITY_STEPS) {
      const blob = await encode(canvas, q);
      if (blob.size <= MAX_UPLOAD_BYTES) return { blob, width, height, originalBytes: file.size };
    }
    throw new ImageError('Foto masih lebih dari 5 MB setelah dikompresi. Pilih foto lain.');
  } finally {
    bitmap.close();
  }
}
