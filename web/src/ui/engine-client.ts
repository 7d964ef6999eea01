/**
 * Starts the engine in a module Web Worker, or, where the browser refuses one (Chromium refuses workers to pages
 * opened from file://; browsers before module workers fail to start it), loads the engine's classic build with a
 * <script> tag and runs it on the page. Requests wait until the engine is ready, so none is lost in the switch.
 */
import type { EngineFactory, Envelope, Reply, Request } from '../protocol.js';

/** The engine, relative to the page (set by the build; the names carry a content hash): a module for a worker… */
declare const __ENGINE__: string;
/** …and one classic script for the page itself. */
declare const __ENGINE_INLINE__: string;

export interface EngineClient {
  send(request: Request): void;
}

export function startEngine(onReply: (reply: Reply) => void, onInline: () => void): EngineClient {
  const url = new URL(__ENGINE__, document.baseURI).href;
  const inlineUrl = new URL(__ENGINE_INLINE__, document.baseURI).href;
  const waiting: Request[] = [];
  let deliver: ((request: Request) => void) | undefined;
  const ready = (send: (request: Request) => void) => {
    deliver = send;
    for (const request of waiting.splice(0)) send(request);
  };

  const inline = () => {
    onInline();
    const script = document.createElement('script');
    script.src = inlineUrl;
    script.onload = () => {
      const create = (globalThis as unknown as { jixiaoEngine?: EngineFactory }).jixiaoEngine;
      if (!create) return onReply({ type: 'failed', message: `${inlineUrl} did not load the engine` });
      // Replies and requests go through the task queue, as they would between threads, so the page can paint.
      const handle = create((reply) => setTimeout(() => onReply(reply)));
      ready((request) => setTimeout(() => handle(request)));
    };
    script.onerror = () => onReply({ type: 'failed', message: `cannot load ${inlineUrl}` });
    document.head.append(script);
  };

  try {
    const worker = new Worker(url, { type: 'module' });
    let started = false;
    worker.onmessage = (event: MessageEvent<Partial<Envelope<Reply>> | null>) => {
      const reply = event.data?.jixiao;
      if (!reply) return; // not the engine's (pdf.js says it is ready, say)
      if (!started && reply.type === 'ready') {
        started = true;
        onReply(reply);
        ready((request) => worker.postMessage({ jixiao: request } satisfies Envelope<Request>));
        return;
      }
      onReply(reply);
    };
    worker.onerror = (event) => {
      if (started) return onReply({ type: 'failed', message: event.message || 'worker error' });
      // The worker did not start (not allowed for this page): run the engine on the page instead.
      event.preventDefault();
      worker.terminate();
      inline();
    };
  } catch {
    inline();
  }

  return {
    send(request) {
      if (deliver) deliver(request);
      else waiting.push(request);
    },
  };
}
