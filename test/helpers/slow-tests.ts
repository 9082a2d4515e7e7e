// Loaded before each test file of the projects that drive the bundle (jest.config.js): on CI's two busy cores one
// such test can take well over jest's default 5 s of real time. Speed is modelled by the runtime, never timed.
jest.setTimeout(120_000);
