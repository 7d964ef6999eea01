/**
 * Starts the engine in a Web Worker, or, where the browser refuses one (Chromium refuses workers to pages opened
 * from file://), loads the same script with a <script> tag and runs it on the page. Requests wait until the engine
 * is ready, so none is lost in the switch.
 */
import type { Reply, Request } from '../protocol.js';
import type { createEngine } from '../engine.js';

/** The engine script, relative to the page (set by the build: its name carries a content hash). */
declare const __ENGINE__: string;

export interface EngineClient {
  send(request: Request): void;
}

export function startEngine(onReply: (reply: Reply) => void, onInline: () => void): EngineClient {
  const url = new URL(__ENGINE__, document.baseURI).href;
  const waiting: Request[] = [];
  let deliver: ((request: Request) => void) | undefined;
  const ready = (send: (request: Request) => void) => {
    deliver = send;
    for (const request of waiting.splice(0)) send(request);
  };

  const inline = () => {
    onInline();
    const script = document.createElement('script');
    script.src = url;
    script.onload = () => {
      const create = (globalThis as unknown as { jixiaoEngine?: typeof createEngine }).jixiaoEngine;
      if (!create) return onReply({ type: 'failed', message: `${url} did not load the engine` });
      // Replies and requests go through the task queue, as they would between threads, so the page can paint.
      const handle = create((reply) => setTimeout(() => onReply(reply)));
      ready((request) => setTimeout(() => handle(request)));
    };
    script.onerror = () => onReply({ type: 'failed', message: `cannot load ${url}` });
    document.head.append(script);
  };

  try {
    const worker = new Worker(url);
    let started = false;
    worker.onmessage = (event: MessageEvent<Reply>) => {
      if (!started && event.data.type === 'ready') {
        started = true;
        onReply(event.data);
        ready((request) => worker.postMessage(request));
        return;
      }
      onReply(event.data);
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
