// Adds lock entries for optional platform builds the registry mirror lacks, so `npm ci` accepts the lock.
const fs = require('fs');
const file = process.argv[2];
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const pk = lock.packages;
const platform = (name) => {
  const n = name.split('/').pop();
  const os = ['darwin', 'win32', 'linux', 'android', 'freebsd', 'openharmony'].find((o) => n.includes(o));
  const cpu = ['arm64', 'x64', 'ia32', 'ppc64', 's390x', 'riscv64', 'loong64', 'arm'].find((c) => n.includes('-' + c));
  const libc = os === 'linux' ? (n.includes('musl') ? 'musl' : 'glibc') : undefined;
  return { os, cpu, libc };
};
const satisfiesExact = (v, spec) => v === spec.replace(/^[\^~=]/, '');
let added = 0;
for (const [loc, p] of Object.entries(pk)) {
  for (const [name, spec] of Object.entries(p.optionalDependencies || {})) {
    let base = loc, found = null;
    for (;;) {
      const cand = (base ? base + '/' : '') + 'node_modules/' + name;
      if (pk[cand]) { found = cand; break; }
      if (!base) break;
      const i = base.lastIndexOf('/node_modules/');
      base = i < 0 ? '' : base.slice(0, i);
    }
    if (found && satisfiesExact(pk[found].version, spec)) continue;
    if (found && !/^\d/.test(spec)) continue;
    const target = found ? `${loc}/node_modules/${name}` : `node_modules/${name}`;
    if (pk[target]) continue;
    const { os, cpu, libc } = platform(name);
    if (!os || !cpu) { console.error('cannot tell platform of', name); process.exit(1); }
    pk[target] = { version: spec.replace(/^[\^~=]/, ''), cpu: [cpu], ...(libc ? { libc: [libc] } : {}), optional: true, os: [os] };
    added++;
    console.log('added', target, spec);
  }
}
const sorted = {};
// The order npm itself writes (localeCompare in English, as @npmcli/arborist does): any
// other order makes the next `npm install` rewrite the lock (issue 12).
for (const k of Object.keys(pk).sort((a, b) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b, 'en')))) sorted[k] = pk[k];
lock.packages = sorted;
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log('added', added);
