export type CameraFixture = 'document' | 'document-blurred' | 'selfie' | 'empty' | 'two-faces' | 'turns' | 'off-centre';
export const CAMERA_FIXTURES: Record<CameraFixture, { width: number; height: number }>;
export const CAMERA_FIXTURE_DIR: string;
export const TEST_GROUPS: string[];
export function firefoxGroup(group: string): string;
export function groupFolder(group: string): string;
export const CHROMIUM_ONLY_GROUPS: string[];
