#!/usr/bin/env bash
# The JDKs and tools from the distribution's packages: Java 17 for the lab, the Java that the
# pinned Zeppelin release runs on (versions.env), curl to download Zeppelin, socat for the UIs,
# nftables for the firewall that keeps Zeppelin's Thrift ports on loopback.
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

install_packages "$LAB_JDK_PACKAGE" "$ZEPPELIN_JDK_PACKAGE" ca-certificates curl socat nftables

if ! dry; then
  for jdk in "$LAB_JAVA_HOME" "$ZEPPELIN_JAVA_HOME"; do
    [ -x "$jdk/bin/java" ] || die "no Java at $jdk after installing the JDK packages: this box's JDK packages are laid out differently; set the *_JDK_DIR lines in provisioning/versions.env."
  done
fi
say "JDKs: lab $LAB_JAVA_HOME, Zeppelin $ZEPPELIN_JAVA_HOME"
