import type { ModelInfo, WorkerEvent, WorkerRequest } from './protocol.js';

type Listener = (event: WorkerEvent) => void;
type Request<T extends WorkerRequest['type']> = Extract<WorkerRequest, { type: T }>;
type WithoutId<R> = R extends { id: number } ? Omit<R, 'id'> : never;

/**
 * The page's side of the training worker: one worker for the whole page (the Train and Draw
 * panels share the model), broadcast events, and request/reply calls matched by id.
 */
export class WorkerClient {
  readonly #worker: Worker;
  readonly #listeners = new Set<Listener>();
  readonly #waiting = new Map<number, { resolve(e: WorkerEvent): void; reject(e: Error): void }>();
  #nextId = 1;
  /** The model the worker holds now (kept here so a panel mounted later sees it). */
  model: ModelInfo | null = null;

  constructor() {
    this.#worker = new Worker(new URL('./train-worker.ts', import.meta.url), { type: 'module' });
    this.#worker.addEventListener('message', (e: MessageEvent<WorkerEvent>) =>
      this.#receive(e.data),
    );
    this.#worker.addEventListener('error', (e) => {
      this.#receive({ type: 'error', message: `worker failed: ${e.message}` });
    });
  }

  /** Calls `listener` with every event; returns the unsubscribe function. */
  on(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Sends a command that has no reply (start, pause, reset). */
  send(request: Request<'start' | 'pause' | 'reset'>): void {
    this.#worker.postMessage(request);
  }

  /** Sends a request and resolves with the worker's reply (or rejects with its error). */
  call<T extends 'predict' | 'sample' | 'export' | 'import'>(
    request: WithoutId<Request<T>>,
    transfer: Transferable[] = [],
  ): Promise<WorkerEvent> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#worker.postMessage({ ...request, id }, transfer);
    });
  }

  #receive(event: WorkerEvent): void {
    if (event.type === 'model') this.model = event.info;
    const id = 'id' in event ? event.id : undefined;
    const waiter = id === undefined ? undefined : this.#waiting.get(id);
    if (waiter) {
      this.#waiting.delete(id!);
      if (event.type === 'error') waiter.reject(new Error(event.message));
      else waiter.resolve(event);
      return;
    }
    for (const listener of this.#listeners) listener(event);
  }
}

let shared: WorkerClient | null = null;

/** The page's one worker client, created on first use. */
export function workerClient(): WorkerClient {
  shared ??= new WorkerClient();
  return shared;
}
