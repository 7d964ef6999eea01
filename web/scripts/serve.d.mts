export interface Served {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  /** Every path requested, in order. */
  requests: string[];
  close(): Promise<void>;
}
export function serve(folder: string, port?: number): Promise<Served>;
