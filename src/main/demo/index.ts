// The embedded demo provider: a real HTTP server implementing the OAI provider
// API v1 with deterministic, realistic data for the "MeetingOne Phoenix" account.
export { startDemoProvider, type DemoProvider, type DemoProviderOptions, type DemoRequestRecord } from './server';
export { FaultInjector, type FaultAction, type FaultRule } from './faults';
export { DEMO_ACCOUNT, DEMO_ACCOUNT_NUMBER, DEMO_PASSWORD, DEMO_USERNAME } from './catalog';
export { SEED_ROOMS } from './rooms';
export { SEED_PERIOD } from './seed-scenario';
