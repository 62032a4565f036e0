/** The documented ways a project flow can be written (see `test/fixtures/seed-flows/`). */
export type FlowShape = 'login' | 'generic' | 'v2' | 'v3';

const isPresent = (value: unknown) => value !== undefined && value !== null;

/**
 * Which documented shape a flow is written in. `type: "login"` is a login flow; among onboarding
 * flows, `configuration` or a `steps` array means the generic shape (seed 001); v3-only fields
 * (`target`, `documents`) or a top-level `steps` object without `onboardingSettings` mean the
 * flat v3 shape (seed 003); anything else is v2 `onboardingSettings` (seeds 002 and 004).
 */
export function flowShape(flow: Record<string, unknown>): FlowShape {
  if (flow['type'] === 'login') return 'login';
  if (isPresent(flow['configuration']) || Array.isArray(flow['steps'])) return 'generic';
  if (isPresent(flow['target']) || isPresent(flow['documents'])) return 'v3';
  if (isPresent(flow['steps']) && !isPresent(flow['onboardingSettings'])) return 'v3';
  return 'v2';
}
