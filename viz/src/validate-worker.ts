// Web worker: validates graph.json against the model off the main thread and posts the problems (a message, or null).
import { validateAt } from './load-graph.js';

self.onmessage = (message: MessageEvent<string>) => {
  void validateAt(message.data).then((problems) => self.postMessage(problems));
};
