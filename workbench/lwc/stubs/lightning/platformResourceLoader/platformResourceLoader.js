// EMULATION of lightning/platformResourceLoader for the workbench: a classic <script>/<link> load,
// once per URL, as Lightning does.
const loaded = new Map();

function load(url, create) {
  if (!loaded.has(url)) {
    loaded.set(
      url,
      new Promise((resolve, reject) => {
        const el = create();
        el.onload = () => resolve();
        el.onerror = () => reject(new Error(`Failed to load ${url}`));
        document.head.appendChild(el);
      }),
    );
  }
  return loaded.get(url);
}

export function loadScript(component, url) {
  return load(url, () => Object.assign(document.createElement('script'), { src: url }));
}

export function loadStyle(component, url) {
  return load(url, () => Object.assign(document.createElement('link'), { rel: 'stylesheet', href: url }));
}
