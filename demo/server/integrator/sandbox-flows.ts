import { normalizeFlow } from '../../../src/flow/normalize-flow.js';
import { KYC_STEP_IDS, planSteps } from '../../../src/flow/steps.js';
import type { AllowedFlow } from './reference-backend.js';

/**
 * The sandbox's configuration of the reference backend: every active onboarding flow of the
 * sandbox client (the demo and the tests create their own), each requiring the identity checks
 * its own plan makes mandatory, and every active login flow. A real site lists its few flows instead (docs/integration.md).
 */
export function sandboxFlows(apiUrl: () => string, clientToken: () => string) {
  return async (projectFlow: string): Promise<AllowedFlow | undefined> => {
    if (!/^[0-9a-f]{24}$/.test(projectFlow)) return undefined;
    const response = await fetch(new URL(`/v2/project-flows/${projectFlow}`, apiUrl()), {
      headers: { authorization: `Bearer ${clientToken()}` },
    });
    if (!response.ok) return undefined;
    const { data: flow } = (await response.json()) as { data: Record<string, unknown> };
    if (flow['status'] !== 'active' || typeof flow['project'] !== 'string') return undefined;
    if (flow['type'] === 'login') return { project: flow['project'], kyc: false, kind: 'login' };
    if (flow['type'] !== 'onboarding') return undefined;
    const kycSteps: readonly string[] = KYC_STEP_IDS;
    try {
      const kyc = planSteps(normalizeFlow(flow)).some(
        (step) => kycSteps.includes(step.id) && step.requirement === 'mandatory',
      );
      return { project: flow['project'], kyc };
    } catch {
      return undefined; // a flow that cannot run is no flow to sign up to
    }
  };
}
