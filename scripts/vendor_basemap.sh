#!/usr/bin/env bash
# Rebuilds the dashboard's offline basemap from npm, pinned and checked:
#   src/veille/api/static/vendor/world-atlas/countries-110m.json  (+ LICENSE)
#     Natural Earth 1:110m Admin 0 countries (public domain) as TopoJSON, from the npm
#     package world-atlas (ISC licence for the packaging);
#   src/veille/api/static/vendor/topojson-client/topojson-client.min.js  (+ LICENSE)
#     decodes TopoJSON to GeoJSON in the browser (ISC).
# Run from the repository root: scripts/vendor_basemap.sh (needs npm and the registry).
set -euo pipefail

WORLD_ATLAS=2.0.2
TOPOJSON_CLIENT=3.1.0
SHA256_WORLD_ATLAS=032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97
SHA256_TOPOJSON_CLIENT=889fadb422f6236d0f8337a236ce6499f258b75e44b81733b13bd971067322bf

repo=$(pwd)
vendor="$repo/src/veille/api/static/vendor"
[ -d "$vendor" ] || { echo "run from the repository root" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent "world-atlas@$WORLD_ATLAS" "topojson-client@$TOPOJSON_CLIENT" >/dev/null
sha256sum -c - <<SUMS
$SHA256_WORLD_ATLAS  world-atlas-$WORLD_ATLAS.tgz
$SHA256_TOPOJSON_CLIENT  topojson-client-$TOPOJSON_CLIENT.tgz
SUMS
mkdir atlas client
tar xzf "world-atlas-$WORLD_ATLAS.tgz" -C atlas
tar xzf "topojson-client-$TOPOJSON_CLIENT.tgz" -C client

mkdir -p "$vendor/world-atlas" "$vendor/topojson-client"
cp atlas/package/countries-110m.json atlas/package/LICENSE "$vendor/world-atlas/"
cp client/package/dist/topojson-client.min.js client/package/LICENSE "$vendor/topojson-client/"
echo "vendored world-atlas $WORLD_ATLAS and topojson-client $TOPOJSON_CLIENT into $vendor"
