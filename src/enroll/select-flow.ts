import type { KycProject, ProjectFlow } from '../api/types.js';
import { EnrollError } from '../errors/enroll-error.js';

/** The kinds of project flow, as Verifik's `type` names them. */
export type FlowType = 'onboarding' | 'login';

/** The project's active flows of `type` (the kyc endpoint lists them oldest first). */
export function activeFlows(project: KycProject, type: FlowType): ProjectFlow[] {
  const flows = Array.isArray(project.projectFlows) ? project.projectFlows : [];
  return flows.filter(
    (flow) =>
      typeof flow?._id === 'string' && (flow.type ?? 'onboarding') === type && (flow.status ?? 'active') === 'active',
  );
}

/**
 * The flow to run: the one named by `flowId`, else the project's first active flow of `type`
 * (onboarding by default).
 */
export function selectFlow(
  project: KycProject,
  flowId: string | undefined,
  type: FlowType = 'onboarding',
): ProjectFlow {
  const usable = activeFlows(project, type);
  if (flowId) {
    const named = usable.find((flow) => flow._id === flowId);
    if (!named) throw new EnrollError('flow_not_found', `no active ${type} flow ${flowId} in project ${project._id}`);
    return named;
  }
  const [first] = usable;
  if (!first) throw new EnrollError('no_active_flow', `project ${project._id} has no active ${type} flow`);
  return first;
}
