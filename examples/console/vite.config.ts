import { defineConfig } from 'vite';
import { consoleConfig } from './config';

export default defineConfig(consoleConfig());
