/** Runs the CLI's main() in-process and captures what a user would see. */
import { main } from '../../src/cli/main.js';

export async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = { write: (s: string) => ((stdout += s), true) } as unknown as NodeJS.WriteStream;
  const err = { write: (s: string) => ((stderr += s), true) } as unknown as NodeJS.WriteStream;
  const code = await main(args, out, err);
  return { code, stdout, stderr };
}
