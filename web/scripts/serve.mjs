// A static file server for web/dist on 127.0.0.1 only: for the browser tests, the screenshots and `npm run web:serve`.
// It answers GET and HEAD for files under the folder and nothing else.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.json': 'application/json',
};

/**
 * Serves `folder` on 127.0.0.1 (`port` 0: any free port).
 * @param {string} folder
 * @param {number} [port]
 * @returns {Promise<{url: string, requests: string[], close: () => Promise<void>}>}
 */
export async function serve(folder, port = 0) {
  const root = normalize(folder + sep);
  const requests = [];
  const server = createServer(async (request, response) => {
    requests.push(request.url ?? '');
    const path = normalize(join(root, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)));
    const file = path.endsWith(sep) ? join(path, 'index.html') : path;
    if (!file.startsWith(root) || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(403).end();
      return;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}/`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  const here = new URL('..', import.meta.url).pathname;
  const server = await serve(join(here, 'dist'), Number(process.env.PORT ?? 5173));
  console.log(`serving ${server.url} (Ctrl+C to stop)`);
}
