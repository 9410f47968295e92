import { defineConfig } from 'vitest/config';
import { libTestConfig } from '../../tools/vitest-shared.mjs';

export default defineConfig(libTestConfig('sync', import.meta.dirname));
