import { fromBufferPromise, type ZipFile } from 'yauzl';
import type { ParsingLimits } from './limits';

export type ZipLimits = ParsingLimits['zip'];

/** Why a zip container is refused: 413 when it unpacks to too much, 422 when it cannot be read or lists too much. */
export interface ZipProblem {
  status: 413 | 422;
  message: string;
}

const MiB = 1024 * 1024;
/** A size in words: "50 MiB", "6.9 MiB", "7 KiB". */
const size = (bytes: number) => (bytes >= MiB ? `${Math.round((bytes / MiB) * 10) / 10} MiB` : `${Math.max(1, Math.round(bytes / 1024))} KiB`);

async function open(bytes: Buffer): Promise<ZipFile | ZipProblem> {
  try {
    return await fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true, decodeStrings: true });
  } catch {
    return { status: 422, message: 'not a readable zip container' };
  }
}

const isProblem = (value: ZipFile | ZipProblem): value is ZipProblem => 'status' in value;

/**
 * What is wrong with a zip container (a .docx, .xlsx or .odt) by its central directory alone, nothing unpacked: too
 * many entries, more bytes unpacked in all than allowed, or an entry packed so tightly that it is a bomb rather than
 * a document. Null when it is within the limits. The sizes are those the file declares (see `zipContentProblem`).
 */
export async function zipProblem(bytes: Buffer, limits: ZipLimits): Promise<ZipProblem | null> {
  const zip = await open(bytes);
  if (isProblem(zip)) return zip;
  try {
    if (zip.entryCount > limits.maxEntries) {
      return { status: 422, message: `the file holds ${zip.entryCount} entries; at most ${limits.maxEntries} are accepted` };
    }
    let total = 0;
    for await (const entry of zip.eachEntry()) {
      total += entry.uncompressedSize;
      if (total > limits.maxUnpackedBytes) {
        return { status: 413, message: `the file unpacks to more than ${size(limits.maxUnpackedBytes)}` };
      }
      if (entry.uncompressedSize > limits.ratioAboveBytes && entry.uncompressedSize > limits.maxRatio * Math.max(entry.compressedSize, 1)) {
        return { status: 413, message: `the file unpacks to over ${limits.maxRatio} times its size (${size(entry.uncompressedSize)} from ${size(entry.compressedSize)})` };
      }
    }
    return null;
  } catch {
    return { status: 422, message: 'not a readable zip container' };
  } finally {
    zip.close();
  }
}

/**
 * `zipProblem`, and then every entry unpacked (streamed, nothing kept) to make sure it holds no more than it
 * declares: a file can lie in its central directory, and the reader that comes next (mammoth's JSZip)
 * would unpack whatever is there into memory. Costs one pass of inflating at most `maxUnpackedBytes`; meant for a
 * worker thread, before the file is parsed.
 */
export async function zipContentProblem(bytes: Buffer, limits: ZipLimits): Promise<ZipProblem | null> {
  const declared = await zipProblem(bytes, limits);
  if (declared) return declared;
  const zip = await open(bytes);
  if (isProblem(zip)) return zip;
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith('/')) continue;
      const stream = await zip.openReadStreamPromise(entry);
      // yauzl fails the stream as soon as it yields more than the entry declared ("too many bytes in the stream").
      for await (const chunk of stream) void chunk;
    }
    return null;
  } catch (error) {
    return /too many bytes/.test(String((error as Error)?.message))
      ? { status: 413, message: 'the file unpacks to more than it declares' }
      : { status: 422, message: 'not a readable zip container' };
  } finally {
    zip.close();
  }
}
