// The CLI's entry (dist/cli.js, the package's `portwarden` bin): only calls main().
import { exitQuietlyOnEpipe } from './epipe.js';
import { main } from './main.js';

exitQuietlyOnEpipe(process.stdout);
exitQuietlyOnEpipe(process.stderr);
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
