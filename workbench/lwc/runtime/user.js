// EMULATION of the running user for the workbench's pages: `agent.html?agent=2` runs as sample user "2",
// a page can also name its user with <html data-workbench-user="admin">; the default is agent "1".
// The server maps the key to a sample user (workbench/data/sample-data.json).
export function workbenchUserKey() {
  if (typeof location === 'undefined') return '1';
  const fromUrl = new URLSearchParams(location.search).get('agent');
  const fromPage =
    typeof document === 'undefined' ? undefined : document.documentElement.dataset.workbenchUser;
  return fromUrl || fromPage || '1';
}
