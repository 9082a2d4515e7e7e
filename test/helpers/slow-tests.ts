// Loaded before each test file of the projects that drive the bundle (jest.config.js): on CI's two busy cores one
// such test can take well over jest's default 5 s of real time. Speed is modelled by the runtime, never timed.
import { collectGarbage } from './gc';

jest.setTimeout(120_000);

// Each runtime is a tree of vm contexts, which V8 frees only in a full collection and otherwise leaves to pile up in
// the one jest process (gigabytes over the suite, every later test slower): collect after each file.
afterAll(() => collectGarbage());
