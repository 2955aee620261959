import { t } from './i18n/i18n.js';
import type { ModelInfo } from './protocol.js';
import type { WorkerClient } from './worker-client.js';

/**
 * One line about a model: its layer sizes, activation and where it came from.
 * @example
 * describeModel(info); // '784-50-10 relu (trained here)'
 */
export function describeModel(info: ModelInfo): string {
  const c = info.config;
  const source =
    info.source.kind === 'trained'
      ? t('model.trained')
      : t('model.loadedFrom', { name: info.source.name });
  return `${[c.inputSize, ...c.hiddenSizes, c.outputSize].join('-')} ${c.activation} (${source})`;
}

/** Sends a .safetensors file to the worker as the model to use; returns a status line. */
export async function importModelFile(client: WorkerClient, file: File): Promise<string> {
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    await client.call({ type: 'import', name: file.name, bytes }, [bytes.buffer]);
    return client.model
      ? t('train.model', { model: describeModel(client.model) })
      : t('status.loaded', { name: file.name });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return t('train.couldNotLoad', { name: file.name, message });
  }
}

/** Asks the worker for the model's safetensors bytes and saves them as a download. */
export async function downloadModel(client: WorkerClient): Promise<string> {
  const reply = await client.call({ type: 'export' });
  if (reply.type !== 'exported') return t('model.none');
  const url = URL.createObjectURL(
    new Blob([reply.bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = reply.name;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return t('model.saved', { name: reply.name, bytes: reply.bytes.length.toLocaleString('en') });
}
