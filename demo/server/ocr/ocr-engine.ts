import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createWorker, OEM, type Worker } from 'tesseract.js';

/**
 * Tesseract (WebAssembly, in a Node worker thread) with the English and Spanish LSTM models that
 * ship in `@tesseract.js-data/*`: nothing is downloaded, and the recognition runs off the event
 * loop, so the API keeps answering while a document is read. One worker is created on first use
 * and reused; its jobs run one after the other (a job may change the worker's parameters).
 */

const require = createRequire(import.meta.url);
const LANGUAGES = ['spa', 'eng'] as const;
/** The characters of a machine-readable zone (ICAO 9303). */
const MRZ_CHARACTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<';

/** Where a language's packaged model is (the integer LSTM model: smaller, as accurate for print). */
const modelFile = (code: string) =>
  join(dirname(require.resolve(`@tesseract.js-data/${code}/package.json`)), '4.0.0_best_int', `${code}.traineddata.gz`);

export class OcrEngine {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly worker: Worker,
    private readonly modelDir: string,
  ) {}

  /** Starts the worker with the packaged models (a few seconds; once per process). */
  static async load(): Promise<OcrEngine> {
    // Tesseract reads every language from one folder: links to the packages' files make one.
    const modelDir = await mkdtemp(join(tmpdir(), 'verifik-ocr-'));
    try {
      for (const code of LANGUAGES) await symlink(modelFile(code), join(modelDir, `${code}.traineddata.gz`));
      const worker = await createWorker([...LANGUAGES], OEM.LSTM_ONLY, {
        langPath: modelDir,
        gzip: true,
        cacheMethod: 'none',
      });
      return new OcrEngine(worker, modelDir);
    } catch (error) {
      await rm(modelDir, { recursive: true, force: true });
      throw error;
    }
  }

  /** Runs `job` after the jobs before it. */
  private serial<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The text of an image (JPEG, PNG or WebP), line by line. */
  read(image: Buffer): Promise<string> {
    return this.serial(async () => (await this.worker.recognize(image)).data.text);
  }

  /**
   * The text of `area` of an image read as a machine-readable zone: only its characters are
   * recognised (a free-text pass reads `<<<` as anything).
   */
  readMrz(image: Buffer, area: { left: number; top: number; width: number; height: number }): Promise<string> {
    return this.serial(async () => {
      await this.worker.setParameters({ tessedit_char_whitelist: MRZ_CHARACTERS });
      try {
        return (await this.worker.recognize(image, { rectangle: area })).data.text;
      } finally {
        await this.worker.setParameters({ tessedit_char_whitelist: '' });
      }
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
    await rm(this.modelDir, { recursive: true, force: true });
  }
}
