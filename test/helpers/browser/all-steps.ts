/**
 * For tests that mount step elements alone: the root defines a step's tags when it loads the
 * step's chunk (`src/steps/load-step.ts`), so this loads every step as the root would, once,
 * before the test file runs. Tests of the whole element import `src/verifik-enroll.js` instead,
 * so that they go through the lazy loading.
 */
import '../../../src/verifik-enroll.js';
import { STEP_IDS } from '../../../src/flow/steps.js';
import { loadStep } from '../../../src/steps/load-step.js';

await Promise.all(STEP_IDS.map(loadStep));
