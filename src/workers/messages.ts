// Messages a pool worker sends the main thread besides task results (Piscina passes them on as the pool's 'message' events).

/** Posted once the worker's modules and knowledge base are loaded: until then the main thread extracts articles itself. */
export const WORKER_READY = 'kg-extract-worker-ready';
