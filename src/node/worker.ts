// A piscina worker: runs one file's task off the main thread.
import { runTask, type Task } from './task.js';

export default function work(task: Task) {
  return runTask(task);
}
