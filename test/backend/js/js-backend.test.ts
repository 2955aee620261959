import { createJsBackend } from '../../../src/backend/js/js-backend.js';
import { runBackendConformance } from '../conformance.js';

runBackendConformance('js', () => createJsBackend());
