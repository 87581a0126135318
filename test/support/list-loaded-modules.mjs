// Preloaded with `node --import`: lists every module the process loads, for tests of what a command loads.
import {register} from 'node:module';

register('./loaded-modules-hooks.mjs', import.meta.url);
