export function routeCount(index: number): number;
export function appFiles(s: { index: number; name: string; lang: string }, topic: string): [string, string][];
