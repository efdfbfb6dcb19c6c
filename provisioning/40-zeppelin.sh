#!/usr/bin/env bash
# Apache Zeppelin's official binary release (version pinned in versions.env), its SHA-512
# checked, unpacked under /opt, run on its own Java as a system service, with the lab interpreter
# group and the course notes installed.
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_user

release_dir="/opt/zeppelin-$ZEPPELIN_VERSION"
tarball="$(r "$PROVISION_CACHE/$ZEPPELIN_PACKAGE")"

# The published SHA-512: pinned in versions.env, else the .sha512 file Apache publishes beside the
# tarball ("<hex>  <file name>"). Never skipped.
expected_sha512() {
  if [ -n "$ZEPPELIN_SHA512" ]; then
    echo "$ZEPPELIN_SHA512"
    return 0
  fi
  local sums="$tarball.sha512"
  [ -s "$sums" ] || download "$ZEPPELIN_URL.sha512" "$sums" >&2   # stdout is the answer
  tr -d '\r' < "$sums" | awk 'NR == 1 { print tolower($1) }'
}

verify_tarball() {
  local expected actual
  expected="$(expected_sha512)"
  [[ "$expected" =~ ^[0-9a-f]{128}$ ]] \
    || die "cannot read a SHA-512 from $tarball.sha512 (got '${expected:0:40}...'): delete that file and run \`vagrant provision\` again. See troubleshooting.md#zeppelin-checksum."
  actual="$(sha512sum "$tarball" | cut -d' ' -f1)"
  if [ "$actual" != "$expected" ]; then
    rm -f "$tarball" "$tarball.sha512"
    die "checksum mismatch for $ZEPPELIN_PACKAGE: expected SHA-512 $expected, got $actual. The download is damaged or not the published release; it was deleted. Run \`vagrant provision\` to download it again; if it fails again, see troubleshooting.md#zeppelin-checksum."
  fi
  say "SHA-512 of $ZEPPELIN_PACKAGE verified"
}

if [ ! -x "$(r "$release_dir/bin/zeppelin.sh")" ]; then
  [ -f "$tarball" ] || download "$ZEPPELIN_URL" "$tarball"   # about 550 MB
  verify_tarball
  # Unpacked it takes about twice the tarball; a full disk would leave a half-written tree.
  mkdir -p "$(r /opt)"
  need_mb=$(( $(stat -c %s "$tarball") * 2 / 1048576 + 100 ))
  free_mb="$(df -Pm "$(r /opt)" | awk 'NR == 2 { print $4 }')"
  [ "$free_mb" -ge "$need_mb" ] \
    || die "only ${free_mb} MB free under /opt, unpacking Zeppelin needs about ${need_mb} MB. Free space in the VM (or give it a larger disk), then \`vagrant provision\`. See troubleshooting.md#vm-disk-full."
  unpack="$(mktemp -d "$(r /opt)/.zeppelin-unpack.XXXXXX")"
  tar -xzf "$tarball" -C "$unpack" --strip-components=1 \
    || { rm -rf "$unpack"; die "unpacking $tarball failed (see tar's message above; a full disk?). See troubleshooting.md#vm-disk-full; then \`vagrant provision\`."; }
  mv "$unpack" "$(r "$release_dir")"   # only a complete tree gets the final name
  sys chown -R "$LAB_USER:" "$(r "$release_dir")"
  rm -f "$tarball" "$tarball.sha512"   # half a gigabyte the VM's disk needs more
  say "unpacked Zeppelin $ZEPPELIN_VERSION into $release_dir"
fi

CHANGED=0
link="$(r "$ZEPPELIN_HOME")"
if [ "$(readlink "$link" 2>/dev/null)" != "zeppelin-$ZEPPELIN_VERSION" ]; then
  [ ! -e "$link" ] || [ -L "$link" ] || die "$ZEPPELIN_HOME exists and is not a link: move it away, then \`vagrant provision\`."
  ln -sfn "zeppelin-$ZEPPELIN_VERSION" "$link"
  say "$ZEPPELIN_HOME -> zeppelin-$ZEPPELIN_VERSION"
  CHANGED=1
fi

for helper in guest-address zeppelin-start; do
  copy_file "$PROVISIONING/files/$helper" "/usr/local/lib/lambda-lab/$helper" 755
done

# The lab group's interpreter process runs on Java 17 with Spark's module flags; interpreter.sh
# sources this file after reading -d interpreter/<group>, so the group is known here. Everything
# else (the server) keeps its own Java, unless a JAVA_HOME is already set (ZEPPELIN.md).
# the JVM flags the build keeps in one file each, as the lab script and `lab notebooks run` read them
built_flags() {
  local file="$LAB_REPO/lab-cli/target/classes/lambdalab/lab/$1"
  [ -f "$(r "$file")" ] || die "missing $file: the lab is not built; run provisioning/20-build.sh (or \`vagrant provision\`)."
  head -n 1 "$(r "$file")"
}
spark_flags="$(built_flags spark-jvm-flags.txt)"
notebook_flags="$(built_flags notebook-jvm-flags.txt)"
put_file "$release_dir/conf/zeppelin-env.sh" 644 "$LAB_USER" <<EOS
# Written by provisioning/40-zeppelin.sh; a rerun rewrites it.
if [ "\${INTERPRETER_DIR##*/}" = lab ]; then
  export JAVA_HOME=$LAB_JAVA_HOME
  export ZEPPELIN_INTP_JAVA_OPTS="$spark_flags"
  export ZEPPELIN_INTP_MEM="$notebook_flags"
  export SPARK_LOCAL_IP=127.0.0.1
else
  export JAVA_HOME="\${JAVA_HOME:-$ZEPPELIN_JAVA_HOME}"
fi
export ZEPPELIN_MEM="-Xms256m -Xmx1024m"
# The address interpreter processes register with and are called at. Their Thrift servers (and the
# server's event port) still bind every interface: 35-firewall.sh keeps those ports on loopback.
export ZEPPELIN_LOCAL_IP=127.0.0.1
EOS

# No login (anonymous, as Zeppelin ships): only the host's browser reaches it, through a forward
# bound to the host's 127.0.0.1. Allowed origins: that forward only, so no other web page the
# host's browser opens can drive the API.
put_file "$release_dir/conf/zeppelin-site.xml" 644 "$LAB_USER" <<EOS
<?xml version="1.0"?>
<!-- Written by provisioning/40-zeppelin.sh; a rerun rewrites it. The address comes from
     /usr/local/lib/lambda-lab/zeppelin-start (ZEPPELIN_ADDR). -->
<configuration>
  <property><name>zeppelin.server.port</name><value>8080</value></property>
  <property><name>zeppelin.server.allowed.origins</name><value>http://127.0.0.1:$ZEPPELIN_HOST_PORT,http://localhost:$ZEPPELIN_HOST_PORT</value></property>
  <!-- Thrift between the server and its interpreter processes: fixed ports, which the firewall
       (provisioning/35-firewall.sh) accepts on loopback only -->
  <property><name>zeppelin.server.rpc.portRange</name><value>$ZEPPELIN_EVENT_PORT:$ZEPPELIN_EVENT_PORT</value></property>
  <property><name>zeppelin.interpreter.rpc.portRange</name><value>$ZEPPELIN_INTERPRETER_PORTS</value></property>
</configuration>
EOS

# The lab interpreter group: its folder is named after the group and holds exactly what the build
# made: the interpreter's jar, the jars it runs on and its setting. A jar an earlier build made and
# this one does not (a version since changed) is removed: Zeppelin loads every jar of the folder.
shopt -s nullglob # an empty folder's * is no file
group_dir="$release_dir/interpreter/lab"
ensure_dir "$group_dir" "$LAB_USER"
built="$(built_group_dir)"
if [ ! -f "$built/interpreter-setting.json" ] || [ -z "$(built_interpreter_jar)" ]; then
  die "missing $LAB_REPO/lab-interpreter/target/interpreter/lab/ (its lab-interpreter jar and interpreter-setting.json): the interpreter group is not built; run provisioning/20-build.sh (or \`vagrant provision\`). See troubleshooting.md#zeppelin-interpreter-not-found."
fi
for file in "$built"/*; do
  copy_file "$file" "$group_dir/${file##*/}" 644 "$LAB_USER"
done
for file in "$(r "$group_dir")"/*; do
  if [ ! -e "$built/${file##*/}" ]; then
    rm -f "$file"
    say "removed $group_dir/${file##*/} (not part of the built group)"
    CHANGED=1
  fi
done

# The course notes, into Zeppelin's notebook folder "Lambda Lab". A note already there is kept:
# Zeppelin rewrites a note when it is edited, and a rerun must not throw a learner's work away.
notes_dir="$release_dir/notebook/Lambda Lab"
ensure_dir "$release_dir/notebook" "$LAB_USER"
ensure_dir "$notes_dir" "$LAB_USER"
notes=("$(r "$LAB_REPO")"/notebooks/*.zpln)
shopt -u nullglob
if [ ${#notes[@]} -eq 0 ]; then
  say "no notes in $LAB_REPO/notebooks/ yet: Zeppelin starts without the course notes"
fi
for note in "${notes[@]}"; do
  name="$(basename "$note")"
  if [ -e "$(r "$notes_dir/$name")" ]; then
    continue
  fi
  copy_file "$note" "$notes_dir/$name" 644 "$LAB_USER"
done

put_file /etc/systemd/system/zeppelin.service 644 <<EOS
# Written by provisioning/40-zeppelin.sh; a rerun rewrites it.
[Unit]
Description=Apache Zeppelin $ZEPPELIN_VERSION with the Lambda Lab notes
Documentation=file://$LAB_REPO/README.md
After=network-online.target lambda-lab.service lambda-lab-firewall.service
Wants=network-online.target
# never without the rules that keep its Thrift ports on loopback
Requires=lambda-lab-firewall.service
StartLimitIntervalSec=0

[Service]
Type=simple
User=$LAB_USER
Environment=ZEPPELIN_HOME=$ZEPPELIN_HOME
# the lab interpreter records exercise and check results in \$LAB_HOME/progress.tsv (./lab progress)
Environment=LAB_HOME=$LAB_HOME
WorkingDirectory=$ZEPPELIN_HOME
ExecStart=/usr/local/lib/lambda-lab/zeppelin-start
Restart=on-failure
RestartSec=15
TimeoutStopSec=2min
SuccessExitStatus=143

[Install]
WantedBy=multi-user.target
EOS
# A new interpreter setting or note is read only at start: any change restarts Zeppelin.
service_up zeppelin.service "$CHANGED"
