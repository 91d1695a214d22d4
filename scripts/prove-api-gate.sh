#!/usr/bin/env bash
# Show that the Java API gate fails on a removed public method and on a removed model class, in a copy
# of this working tree (the tree itself is not touched). That it passes as landed, every `mvn verify`
# shows. .ci/run runs this; about a minute on 2 cores. Extra arguments go to Maven (-Dmaven.repo.local=…).
#
# The plant goes backwards, so that it needs no knowledge of today's code: the copy's baseline is built
# with one public method more (CloudflareBuildsClient.plantedApiGateProbe()) and one public model class
# more (dev.cfbuilds.generated.model.PlantedApiGateProbe); the copy's own build lacks both, exactly as
# if someone had removed them.
set -euo pipefail
cd "$(dirname "$0")/.."

copy="$(mktemp -d)"
trap 'rm -rf "$copy"' EXIT
tar --exclude=./.git --exclude=./target --exclude='./*/target' --exclude='./*/node_modules' --exclude=./examples -cf - . \
  | tar -xf - -C "$copy"
cd "$copy"

client=client-ext/src/main/java/dev/cfbuilds/client/CloudflareBuildsClient.java
model=client-generated/src/main/java/dev/cfbuilds/generated/model/PlantedApiGateProbe.java
cp "$client" client.orig
sed -i '$ d' "$client" # the class's closing brace, the file's last line
printf '  /** Exists only in the planted baseline. */\n  public static void plantedApiGateProbe() {}\n}\n' >>"$client"
mkdir -p "$(dirname "$model")"
printf 'package dev.cfbuilds.generated.model;\n\n/** Exists only in the planted baseline. */\npublic final class PlantedApiGateProbe {}\n' >"$model"
scripts/refresh-api-baseline.sh "$@" >/dev/null

cp client.orig "$client"
rm "$model"
# --fail-never: the client's gate runs too after the generated module's gate has failed.
mvn -B --fail-never verify -DskipTests -Dspotless.check.skip=true -pl client-ext -am "$@" >verify.log 2>&1
status=0
for expected in \
  "The Java API of cfbuilds-client-generated breaks users of the released one in api-baseline/" \
  "REMOVED CLASS: PUBLIC(-) FINAL(-) dev.cfbuilds.generated.model.PlantedApiGateProbe" \
  "The Java API of cfbuilds-client breaks users of the released one in api-baseline/" \
  "REMOVED METHOD: PUBLIC(-) STATIC(-) void plantedApiGateProbe()" \
  "bump the version in the same commit" \
  "scripts/refresh-api-baseline.sh"; do
  if ! grep -qF -- "$expected" verify.log; then
    echo "api gate: after the planted removals the build does not say: $expected" >&2
    status=1
  fi
done
if ((status)); then
  grep -E "ERROR|FAILURE|japicmp" verify.log | head -60 >&2
  exit 1
fi
echo "api gate: the planted removals fail the build, which names them and how to accept a deliberate break:"
grep -F -e "---! REMOVED CLASS" -e "---! REMOVED METHOD" verify.log | sed 's/^\[ERROR\][[:space:]]*/  /'
