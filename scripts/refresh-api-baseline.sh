#!/usr/bin/env bash
# Make the current build the Java API baseline: copy the cfbuilds-client, cfbuilds-client-generated and
# cfbuilds-redis jars of this working tree to api-baseline/, where the API gate (japicmp, in `mvn verify`) compares
# every later build with them. Run it in the commit that bumps the version for a release, or that
# deliberately breaks the API together with such a bump (RELEASING.md). Extra arguments go to Maven,
# e.g. -Dmaven.repo.local=…
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -q clean package -DskipTests -pl client-ext,redis -am "$@"
version="$(sed -n 's|^  <version>\(.*\)</version>$|\1|p' pom.xml)"
for module in client-ext:cfbuilds-client client-generated:cfbuilds-client-generated redis:cfbuilds-redis; do
  dir="${module%%:*}"
  artifact="${module##*:}"
  cp "$dir/target/$artifact-$version.jar" "api-baseline/$artifact.jar"
done
echo "$version" >api-baseline/VERSION
sha256sum api-baseline/*.jar
echo "api-baseline/ now holds the API of $version; commit it with the change that needs it."
