// EMULATION of lightning/platformResourceLoader, shared by the LWC Jest tests and the workbench: one load
// per URL, as Lightning does. The page does the loading (the workbench adds a <script>/<link>); without one
// (Jest) loading succeeds at once. Tests make a load fail with loadScript.mockRejectedValueOnce(error).
import { loadInHost, spy } from './host.js';

const loaded = new Map();

function load(kind, url) {
  if (!loaded.has(url)) loaded.set(url, loadInHost(kind, url));
  return loaded.get(url);
}

export const loadScript = spy((component, url) => load('script', url));
export const loadStyle = spy((component, url) => load('style', url));
