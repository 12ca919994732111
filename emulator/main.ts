// `npm run emulator -- [flags]`: start the ICE emulator and print one line with its URL.
import { OptionsError, parseEmulatorOptions, USAGE } from './options';
import { startEmulator } from './server';

async function main(): Promise<void> {
  let options;
  try {
    options = parseEmulatorOptions(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof OptionsError)) throw error;
    console.error(`emulator: ${error.message}`);
    process.exit(2);
  }
  if (options === 'help') {
    console.log(USAGE);
    return;
  }
  const emulator = await startEmulator(options);
  const keySource = process.env.ALIBABA_CLOUD_ACCESS_KEY_ID ? 'key pair from the environment' : 'demo key pair';
  console.log(`ICE emulator listening on ${emulator.url} (${emulator.store.size} jobs, seed ${options.seed}, ${keySource})`);

  const stop = () => {
    emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('emulator: could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
