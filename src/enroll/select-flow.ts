import type { KycProject, ProjectFlow } from '../api/types.js';
import { EnrollError } from '../errors/enroll-error.js';

/**
 * The flow to run: the one named by `flowId`, else the project's first active onboarding flow
 * (the kyc endpoint lists them oldest first).
 */
export function selectFlow(project: KycProject, flowId: string | undefined): ProjectFlow {
  const flows = Array.isArray(project.projectFlows) ? project.projectFlows : [];
  const usable = flows.filter(
    (flow) =>
      typeof flow?._id === 'string' &&
      (flow.type ?? 'onboarding') === 'onboarding' &&
      (flow.status ?? 'active') === 'active',
  );
  if (flowId) {
    const named = usable.find((flow) => flow._id === flowId);
    if (!named)
      throw new EnrollError('flow_not_found', `no active onboarding flow ${flowId} in project ${project._id}`);
    return named;
  }
  const [first] = usable;
  if (!first) throw new EnrollError('no_active_flow', `project ${project._id} has no active onboarding flow`);
  return first;
}
