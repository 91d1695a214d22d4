#!/usr/bin/env bash
# Check a directory that `mvn deploy -DaltDeploymentRepository=id::file://DIR` staged to: the artifacts
# a release publishes are all there, with what Maven Central asks of them, and nothing else is.
# Usage: scripts/check-staged-repository.sh DIR
set -euo pipefail
stage="${1:?usage: $0 STAGING_DIRECTORY}"
root="$stage/dev/cfbuilds"
found_problems="$(mktemp)"
trap 'rm -f "$found_problems"' EXIT
problem() {
  echo "staged repository: $*" | tee -a "$found_problems" >&2
}

# Prints the newest file of an artifact ending in $2 (".pom", ".jar", "-sources.jar", "-javadoc.jar");
# a snapshot's files carry timestamps, which sort.
staged() {
  local file newest=""
  for file in "$root/$1"/*/*"$2"; do
    [[ -e "$file" ]] || continue
    if [[ "$2" == .jar && ("$file" == *-sources.jar || "$file" == *-javadoc.jar) ]]; then
      continue
    fi
    newest="$file"
  done
  [[ -n "$newest" ]] || { problem "$1 has no *$2"; return 1; }
  echo "$newest"
}

# What Central requires of a POM, in it or in its parent (cfbuilds-parent).
for element in "<url>" "<licenses>" "<developers>" "<scm>"; do
  for pom in "$(staged cfbuilds-parent .pom)" "$(staged cfbuilds-bom .pom)"; do
    grep -q "$element" "$pom" || problem "$(basename "$pom") lacks $element"
  done
done

declare -A module_name=(
  [cfbuilds-spec]=dev.cfbuilds.spec
  [cfbuilds-client-generated]=dev.cfbuilds.generated
  [cfbuilds-client]=dev.cfbuilds.client
  [cfbuilds-redis]=dev.cfbuilds.redis
  [cfbuilds-cli]=dev.cfbuilds.cli
)
for artifact in cfbuilds-spec cfbuilds-client-generated cfbuilds-client cfbuilds-redis cfbuilds-cli; do
  pom="$(staged "$artifact" .pom)" || continue
  for element in "<name>" "<description>" "<artifactId>cfbuilds-parent</artifactId>"; do
    grep -q "$element" "$pom" || problem "$(basename "$pom") lacks $element"
  done
  for suffix in -sources.jar -javadoc.jar; do
    staged "$artifact" "$suffix" >/dev/null || true
  done
  jar="$(staged "$artifact" .jar)" || continue
  described="$(jar --describe-module --file="$jar" 2>&1 | sed -n 's/^\([^ ]*\)@.* automatic$/\1/p')"
  [[ "$described" == "${module_name[$artifact]}" ]] \
    || problem "$(basename "$jar") is automatic module '$described', not '${module_name[$artifact]}'"
done

# The BOM pins the four library artifacts, and nothing that is not published.
bom="$(staged cfbuilds-bom .pom)"
for artifact in cfbuilds-spec cfbuilds-client-generated cfbuilds-client cfbuilds-redis; do
  grep -q "<artifactId>$artifact</artifactId>" "$bom" || problem "the BOM does not pin $artifact"
done
# The CLI's POM names no dependency but its tests': its jar holds them all.
cli_pom="$(staged cfbuilds-cli .pom)"
[[ "$(grep -c "<dependency>" "$cli_pom")" == "$(grep -c "<scope>test</scope>" "$cli_pom")" ]] \
  || problem "cfbuilds-cli's POM lists dependencies that its jar already holds"
# The CLI jar runs.
java -jar "$(staged cfbuilds-cli .jar)" --version >/dev/null || problem "the staged CLI jar does not run"

for artifact in cfbuilds-benchmarks cfbuilds-contract-tests; do
  [[ ! -e "$root/$artifact" ]] || problem "$artifact was staged; it is not published"
done
expected="cfbuilds-bom cfbuilds-cli cfbuilds-client cfbuilds-client-generated cfbuilds-parent cfbuilds-redis cfbuilds-spec"
actual="$(ls "$root" | sort | tr '\n' ' ' | sed 's/ $//')"
[[ "$actual" == "$expected" ]] || problem "staged $actual; expected $expected"

if [[ -s "$found_problems" ]]; then
  exit 1
fi
echo "staged repository: $(find "$root" -name '*.jar' | wc -l) jars and $(find "$root" -name '*.pom' | wc -l) POMs of $expected, complete"
