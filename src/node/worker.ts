// A worker thread: runs the files it is given one after the other, off the main thread,
// within the memory limit the pool gave it. It says it is ready once its code is loaded.
import { parentPort } from 'node:worker_threads';
import { runTask, type Task } from './task.js';

const port = parentPort!;
let last: Promise<void> = Promise.resolve();
port.on('message', (task: Task) => {
  // One at a time, so that the pool knows which file is running and for how long.
  last = last.then(() => runTask(task).then((result) => port.postMessage(result)));
});
port.postMessage('ready');
