// Messages between a bench and the server it runs in a child process (lib/host.ts).
export type HostRequest = { type: 'stats' } | { type: 'close' };

export interface HostMemory {
  /** process.memoryUsage() of the server's own process, bytes. */
  rss: number;
  heapUsed: number;
  heapTotal: number;
  /** Memory of C++ objects bound to JS (Buffers included) and of ArrayBuffers alone. */
  external: number;
  arrayBuffers: number;
}

export type HostReply =
  | ({ type: 'ready'; url: string; startMs: number } & HostMemory)
  | ({ type: 'stats'; waiting: number } & HostMemory);
