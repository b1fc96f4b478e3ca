// The part of write-file-atomic@7 Brink uses (its own types are not published with it).
declare module 'write-file-atomic' {
  interface Options {
    readonly encoding?: BufferEncoding;
    readonly mode?: number;
    readonly fsync?: boolean;
  }
  function writeFileAtomic(filename: string, data: string | Uint8Array, options?: Options): Promise<void>;
  namespace writeFileAtomic {
    function sync(filename: string, data: string | Uint8Array, options?: Options): void;
  }
  export default writeFileAtomic;
}
