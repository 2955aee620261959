#!/usr/bin/env bash
# The npm package as a user gets it: packs the built tree (npm run build first), installs the
# tarball into a scratch project, imports it in Node by name, runs its CLI, and bundles it with
# Vite for the browser. Prints the tarball's size. Exits non-zero at the first failure.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
scratch="$(mktemp -d "${TMPDIR:-/tmp}/gradlab-pack-XXXXXX")"
trap 'rm -rf "$scratch"' EXIT

cd "$root"
[ -f dist/src/index.js ] || { echo "check-pack: dist/src/index.js is missing: run npm run build first" >&2; exit 1; }
tarball="$(npm pack --silent --pack-destination "$scratch" | tail -n 1)"
bytes=$(stat -c %s "$scratch/$tarball")
files=$(tar -tzf "$scratch/$tarball" | wc -l)
echo "check-pack: $tarball: $((bytes / 1024)) KiB packed, $files files"
if tar -tzf "$scratch/$tarball" | grep -E '^package/(test|bench|fuzz|assembly|web|scripts|src)/|\.map$'; then
  echo "check-pack: the tarball holds files a user does not need (above)" >&2
  exit 1
fi

mkdir -p "$scratch/app/src"
cd "$scratch/app"
cat > package.json <<'JSON'
{ "name": "gradlab-pack-check", "version": "0.0.0", "private": true, "type": "module" }
JSON
timeout 600 npm install --no-audit --no-fund --prefer-offline --loglevel=error "$scratch/$tarball" >/dev/null

# Node: import by name, train a step, export ONNX bytes.
cat > node-check.mjs <<'JS'
import { TwoLayerNet, createRng, crossEntropyLoss, tensor, toOnnx } from 'gradlab';
const net = new TwoLayerNet(4, 5, 3, { rng: createRng(1) });
const { loss } = net.gradient(tensor([[0.1, 0.2, 0.3, 0.4]]), [2]);
const ce = crossEntropyLoss([[1, 2, 3]], [2]);
const onnx = toOnnx(net, { input: { kind: 'none' } });
if (!(loss > 0) || Math.abs(ce - 0.40760596444438) > 1e-12 || !(onnx.length > 100)) {
  console.error('check-pack: the installed package gave wrong results', { loss, ce, onnx: onnx.length });
  process.exit(1);
}
console.log(`check-pack: node imports gradlab: loss ${loss.toFixed(4)}, ONNX ${onnx.length} bytes`);
JS
timeout 120 node node-check.mjs
timeout 120 npx --no-install gradlab --help >/dev/null
echo "check-pack: the installed gradlab command runs (gradlab --help)"

# Browser: Vite bundles an entry that imports gradlab (the repository's Vite, the user's package).
cat > index.html <<'HTML'
<!doctype html><html><body><pre id="out"></pre><script type="module" src="./src/main.js"></script></body></html>
HTML
cat > src/main.js <<'JS'
import { TwoLayerNet, createRng, tensor } from 'gradlab';
const net = new TwoLayerNet(4, 5, 3, { rng: createRng(1) });
document.getElementById('out').textContent = String(net.predict(tensor([[1, 2, 3, 4]])).toArray());
JS
timeout 300 node "$root/node_modules/vite/bin/vite.js" build --logLevel error --outDir dist >/dev/null
bundle=$(ls dist/assets/*.js | head -n 1)
if grep -q '"node:' "$bundle"; then
  echo "check-pack: the browser bundle imports node: modules" >&2
  exit 1
fi
echo "check-pack: vite bundled gradlab for the browser: $(basename "$bundle") $(( $(stat -c %s "$bundle") / 1024 )) KiB"
