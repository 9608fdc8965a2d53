/** The Action's run(); filled in by the Action issue. */
export async function run(): Promise<void> {}
