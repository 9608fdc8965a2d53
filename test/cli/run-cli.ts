/** Runs the CLI's main() in-process and captures what a user would see. */
import { main } from '../../src/cli/main.js';

export async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { write: (s: string) => (stdout += s) }, { write: (s: string) => (stderr += s) });
  return { code, stdout, stderr };
}
