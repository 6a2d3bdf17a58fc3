import type { OaiBridge } from '../shared/bridge';

declare global {
  interface Window {
    oai: OaiBridge;
  }
}
