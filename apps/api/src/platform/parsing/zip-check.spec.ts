import JSZip from 'jszip';
import { zipContentProblem, type ZipLimits, zipProblem } from './zip-check';

const LIMITS: ZipLimits = { maxEntries: 10, maxUnpackedBytes: 4 * 1024 * 1024, maxRatio: 100, ratioAboveBytes: 1024 * 1024 };

const zip = (entries: Record<string, string | Uint8Array>) => {
  const archive = new JSZip();
  for (const [name, content] of Object.entries(entries)) archive.file(name, content, { createFolders: false });
  return archive.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
};

/** Text that packs about as well as prose: not a bomb however large. */
function prose(bytes: number): string {
  let seed = 11;
  let out = '';
  while (out.length < bytes) out += `${(seed = (seed * 48271) % 2147483647).toString(36)} `;
  return out.slice(0, bytes);
}

describe('zip limits', () => {
  it('accepts a container within the limits, by its directory and by its content', async () => {
    const ok = await zip({ 'a.xml': prose(2 * 1024 * 1024), 'b.xml': '<b/>' });
    expect(await zipProblem(ok, LIMITS)).toBeNull();
    expect(await zipContentProblem(ok, LIMITS)).toBeNull();
  });

  it('refuses what is not a zip, and too many entries (422)', async () => {
    expect(await zipProblem(Buffer.from('PK\u0003\u0004 but nothing more'), LIMITS)).toEqual({ status: 422, message: 'not a readable zip container' });
    const many = await zip(Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`${i}.xml`, '<a/>'])));
    expect(await zipProblem(many, LIMITS)).toEqual({ status: 422, message: 'the file holds 11 entries; at most 10 are accepted' });
    expect(await zipProblem(await zip(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`${i}.xml`, '<a/>']))), LIMITS)).toBeNull();
  });

  it('refuses an entry over 1 MiB packed more than 100 times, but not a small one (413)', async () => {
    const bomb = await zip({ 'word/document.xml': 'a'.repeat(2 * 1024 * 1024) });
    expect(await zipProblem(bomb, LIMITS)).toEqual({ status: 413, message: expect.stringMatching(/^the file unpacks to over 100 times its size \(2 MiB from \d+ KiB\)$/) });
    // 1 MiB of one letter packs a thousand times, yet is too small to matter.
    expect(await zipProblem(await zip({ 'styles.xml': 'a'.repeat(1024 * 1024) }), LIMITS)).toBeNull();
  });

  it('refuses more unpacked bytes in all than allowed, counting every entry (413)', async () => {
    const entries = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`media/${i}.bin`, new Uint8Array(1024 * 1024)]));
    expect(await zipProblem(await zip(entries), LIMITS)).toEqual({ status: 413, message: 'the file unpacks to more than 4 MiB' });
  });

  it('finds an entry that holds more than its central directory declares only by unpacking it (413)', async () => {
    const bytes = await zip({ 'word/document.xml': 'x'.repeat(3 * 1024 * 1024) });
    const name = Buffer.from('word/document.xml');
    for (let i = 0; i < bytes.length - 4; i++) {
      const signature = bytes.readUInt32LE(i);
      if (signature === 0x04034b50 && bytes.subarray(i + 30, i + 30 + name.length).equals(name)) bytes.writeUInt32LE(1000, i + 22);
      if (signature === 0x02014b50 && bytes.subarray(i + 46, i + 46 + name.length).equals(name)) bytes.writeUInt32LE(1000, i + 24);
    }
    expect(await zipProblem(bytes, LIMITS)).toBeNull();
    expect(await zipContentProblem(bytes, LIMITS)).toEqual({ status: 413, message: 'the file unpacks to more than it declares' });
  });
});
