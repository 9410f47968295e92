/**
 * A `Uint8Array` view of binary data received from socket.io: an ArrayBuffer in browsers, a Buffer (a Uint8Array
 * subclass) in Node, possibly another typed array. No copy. Null for anything that is not binary.
 */
export function toUint8Array(data: unknown): Uint8Array | null {
  if (data instanceof Uint8Array) {
    return data.constructor === Uint8Array ? data : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  }
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ArrayBuffer || Object.prototype.toString.call(data) === '[object ArrayBuffer]') {
    return new Uint8Array(data as ArrayBuffer);
  }
  return null;
}
