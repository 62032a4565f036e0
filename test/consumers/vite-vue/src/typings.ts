// The Vue typings the package generates from its manifest: templates know the tag's attributes.
import type { GlobalComponents } from 'vue';
import type {} from 'verifik-enroll/editors/vue.d.ts';

type Props = InstanceType<GlobalComponents['verifik-enroll']>['$props'];

export const props: Props = { project: '65a1d3e0c0ffee0000000001', 'api-url': 'http://127.0.0.1:8787', theme: 'dark' };
// @ts-expect-error -- not one of the element's themes
export const wrongTheme: Props = { theme: 'blue' };
