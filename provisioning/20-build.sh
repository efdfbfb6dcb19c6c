#!/usr/bin/env bash
# Builds the lab (./lab builds itself when stale, then writes the build's class archives with
# `lab prepare`) and the `lab` interpreter group's folder for Zeppelin (the zeppelin profile), as the
# user that runs them. Skipped when nothing changed.
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_user

repo="$(r "$LAB_REPO")"
[ -x "$repo/lab" ] || die "the lab's repository is not at $LAB_REPO: Vagrant mounts it there (config.vm.synced_folder). Run \`vagrant reload --provision\`, or set LAB_REPO."

# True when FILE is missing or a pom, source, template or JVM options file is newer (the same
# rule ./lab uses for its own build).
stale() {
  [ ! -f "$1" ] && return 0
  [ -n "$(find "$repo" -path "$repo/.lab" -prune -o -path '*/target' -prune -o -path "$repo/.git" -prune -o \
    \( -name pom.xml -o -path '*/src/main/*' -o -path '*/templates/*' -o -name jvm.options \) \
    -type f -newer "$1" -print -quit)" ]
}

if stale "$repo/lab-cli/target/lab-build.stamp"; then
  say "building the lab and preparing its first starts (the first build downloads Maven and the services' jars: several minutes)"
  as_user env JAVA_HOME="$LAB_JAVA_HOME" "$repo/lab" settings >/dev/null \
    || die "the lab's build failed (Maven's output is above). See troubleshooting.md#build-fails; then \`vagrant provision\`."
else
  say "the lab is built"
fi

# the group's folder is as old as the copy of the interpreter's jar the build puts there
jar="$(built_interpreter_jar)"
if stale "$jar"; then
  say "building the lab interpreter group for Zeppelin (a minute or less)"
  # shellcheck disable=SC2016 # $1 is expanded by the inner bash
  as_user env JAVA_HOME="$LAB_JAVA_HOME" bash -c 'cd "$1" && ./mvnw -B -q -Pzeppelin package -DskipTests -pl lab-interpreter -am' _ "$repo" \
    || die "building the lab interpreter group failed (Maven's output is above). See troubleshooting.md#build-fails; then \`vagrant provision\`."
else
  say "the lab interpreter group is built"
fi
