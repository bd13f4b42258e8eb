// Lightning Web Security's engine as the workbench's pages load it (/assets/locker-sandbox.js, bundled from
// node_modules by workbench/build.ts). The library enables no feature gate by itself; an org runs with the
// gates of its release, which @locker/shared lists for a faithful run (among them the namespaced
// BroadcastChannel names): register them before the first sandbox exists.
import { LWS_DEFAULT_GATER_FEATURES, registerGaterEnabledFeatures } from '@locker/shared';

registerGaterEnabledFeatures(LWS_DEFAULT_GATER_FEATURES);

export { evaluateInSandbox, wrapDependency } from '@locker/sandbox';
