// The demo account on the built-in simulator: its slice of the contract and its service.
export { createDemoApi, demoOf } from './api';
export { DEMO_TIME_SCALE, DemoService } from './service';
