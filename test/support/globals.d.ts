// Browser-side globals the tests reach through page.evaluate.
import type { GuardBridge } from '../../electron/contract';

declare global {
  interface Window {
    guard?: GuardBridge;
  }
}
