/** Where the CLI writes; process.stdout in use, a buffer in tests. */
export interface Output {
  write(text: string): unknown;
}
