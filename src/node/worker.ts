// A worker thread: runs one file's task at a time, off the main thread, within the
// memory limit the pool gave it. It says it is ready once its code is loaded.
import { parentPort } from 'node:worker_threads';
import { runTask, type Task } from './task.js';

const port = parentPort!;
port.on('message', (task: Task) => {
  void runTask(task).then((result) => port.postMessage(result));
});
port.postMessage('ready');
