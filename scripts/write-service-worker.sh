#!/usr/bin/env bash
# DIST/sw.js from web/sw.js: the cache is named by a hash of every file beside
# the page, so any change is a new version that the page offers to reload. The
# worker fetches the page's files at install; fonts/ only when first needed.
# Called by build-wasm.sh after each build, and by the offline browser test on
# a changed copy of dist/ (a real second build's worker, not a faked version).
#   scripts/write-service-worker.sh DIST
set -euo pipefail
dist=${1:?usage: $0 DIST}
template="$(cd "$(dirname "$0")/.." && pwd)/web/sw.js"
files=$(cd "$dist" && find . -type f ! -name sw.js -printf '%P\n' | LC_ALL=C sort)
version=$(cd "$dist" && sha256sum $files | sha256sum | cut -c1-16)
list=$(printf '"%s", ' $(printf '%s\n' $files | grep -v '^fonts/'))
sed -e "s/__UD_BUILD_VERSION__/$version/" -e "s|__UD_BUILD_FILES__|[${list%, }]|" "$template" > "$dist/sw.js"
echo "$version"
