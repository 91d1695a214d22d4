#!/usr/bin/env bash
# Set the project version everywhere it is written: every pom.xml of the build (the BOM has no parent,
# so it carries its own), the example consumer's BOM import and the README's Maven sample.
# Usage: scripts/set-version.sh NEW_VERSION      e.g. 0.2.0, then 0.2.1-SNAPSHOT after the release
set -euo pipefail
cd "$(dirname "$0")/.."
new="${1:?usage: $0 NEW_VERSION}"
old="$(sed -n 's|^  <version>\(.*\)</version>$|\1|p' pom.xml)"
files=(pom.xml */pom.xml examples/consumer/pom.xml README.md)
grep -l -F "<version>$old</version>" "${files[@]}" | while read -r file; do
  sed -i "s|<version>${old//./\\.}</version>|<version>$new</version>|g" "$file"
  echo "$file: $old -> $new"
done
if grep -n -F "$old" "${files[@]}"; then
  echo "$old is still written above; change it by hand" >&2
  exit 1
fi
