// Node's garbage collector for tests that create many runtimes (vm contexts are freed only by a full collection,
// which V8 otherwise puts off while the heap grows), without starting jest with --expose-gc.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose_gc');
/** Runs a full garbage collection now. */
export const collectGarbage = runInNewContext('gc') as () => void;
