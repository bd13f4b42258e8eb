// Starts the project's Kamailio for one test file and stops it afterwards; on failure the log is kept
// and its tail printed.
import { startKamailio, type KamailioOptions, type KamailioServer } from '../../scripts/sip-server/kamailio';
import { currentFileHasFailed } from './test-failed';

export function useKamailio(options: KamailioOptions = {}): () => KamailioServer {
  let server: KamailioServer | undefined;
  beforeAll(async () => {
    server = await startKamailio({ name: expect.getState().testPath?.split('/').pop(), ...options });
  });
  afterAll(async () => {
    const failed = currentFileHasFailed();
    if (server && failed) {
      process.stderr.write(`\nKamailio log kept at ${server.logFile}; last lines:\n${server.logTail(80)}\n`);
    }
    await server?.stop({ failed });
  });
  return () => {
    if (!server) throw new Error('Kamailio is not running (beforeAll failed?)');
    return server;
  };
}
