// A server importing the package (SSR, Node, an edge runtime when run with --conditions=browser).
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { VERIFIK_COMPLETE, VerifikEnroll as VerifikEnrollClass } from 'verifik-enroll';
import { VerifikEnroll as VerifikEnrollDefining } from 'verifik-enroll/verifik-enroll.js';
import { VerifikEnroll } from 'verifik-enroll/react';

if (VERIFIK_COMPLETE !== 'verifik-complete') throw new Error(`VERIFIK_COMPLETE is ${VERIFIK_COMPLETE}`);
if (typeof VerifikEnrollClass !== 'function') throw new Error('no element class');
if (VerifikEnrollClass !== VerifikEnrollDefining) throw new Error('two copies of the element class');
const markup = renderToString(createElement(VerifikEnroll, { project: '65a1d3e0c0ffee0000000001', lang: 'es' }));
if (!markup.startsWith('<verifik-enroll')) throw new Error(`server markup: ${markup}`);
console.log(`ok ${markup}`);
