// The CLI's entry (dist/cli.js, the package's `portwarden` bin): only calls main().
import { main } from './main.js';

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
