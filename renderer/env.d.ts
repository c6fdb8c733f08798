// The page's one door to main: the preload puts the contract's API on `window.parley`.
import type { ParleyApi } from '../shared/contract';

declare global {
  interface Window {
    parley: ParleyApi;
  }
}
