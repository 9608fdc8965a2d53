import { createRequire as __pwCreateRequire } from 'node:module'; const require = __pwCreateRequire(import.meta.url);

// src/main.ts
async function run() {
}

// src/index.ts
void run();
