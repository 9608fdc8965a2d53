import { describe, expect, test } from 'vitest';
import { dockerfileExtractor } from '../../../src/extract/deploy/dockerfile.js';
import { run, summary } from './helpers.js';

describe('Dockerfile stages: only the final image speaks', () => {
  test('a build stage that the last stage does not build on says nothing about the image', async () => {
    // awesome-compose react-nginx: a Node stage with ENV PORT=3000, then nginx serving the build.
    const text = 'FROM node:lts AS development\nENV PORT=3000\nEXPOSE 3000\nCMD ["npm", "start"]\n\nFROM development AS build\nRUN npm run build\n\nFROM nginx:alpine\nCOPY --from=build /app/build /usr/share/nginx/html\nEXPOSE 80\n';
    const result = await run(dockerfileExtractor, 'web/Dockerfile', text, { service: 'web' });
    expect(summary(result)).toEqual(['web:80@dev/container EXPOSE']);
  });

  test('the stages the last one is built FROM (by name or index) make the image with it', async () => {
    const text = 'FROM node:lts AS development\nENV PORT=3000\nEXPOSE 3000 9229\n\nFROM golang AS tools\nENV PORT=7000\n\nFROM development as dev-envs\nRUN apt-get update\n';
    const result = await run(dockerfileExtractor, 'web/Dockerfile', text, { service: 'web' });
    expect(summary(result)).toEqual(['web:3000@dev/container ENV PORT', 'web:3000@dev/container EXPOSE', 'web:9229@dev/container EXPOSE']);
    const byIndex = 'FROM node:20\nEXPOSE 3000\nFROM golang\nEXPOSE 7000\nFROM 0\nRUN true\n';
    expect(summary(await run(dockerfileExtractor, 'web/Dockerfile', byIndex, { service: 'web' }))).toEqual(['web:3000@dev/container EXPOSE']);
  });

  test('a single-stage Dockerfile keeps everything', async () => {
    const text = 'FROM python:3\nENV PORT=5000\nEXPOSE 5000\n';
    expect(summary(await run(dockerfileExtractor, 'web/Dockerfile', text, { service: 'web' }))).toEqual(['web:5000@dev/container ENV PORT', 'web:5000@dev/container EXPOSE']);
  });
});
