# shellcheck shell=bash disable=SC2034
# (SC2034: the variables set here are used by the scripts that source this file.)
# Shared by the provisioning scripts (sourced, never run). Two rules make the scripts testable
# without a VM (lab-cli's lambdalab.lab.provisioning.ProvisioningTest):
#  - every path is written as the VM sees it (/opt/zeppelin) and turned into a real one with `r`,
#    which puts PROVISION_ROOT in front (default /);
#  - every command that changes the system (apt-get, systemctl, chown, runuser) goes through `sys`.
#    With PROVISION_DRY=1 `sys` only records the command, and `remember` notes its effect, so that
#    the queries below (is the package installed, the unit enabled?) see it on the next run.
set -euo pipefail

PROVISIONING="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=versions.env
. "$PROVISIONING/versions.env"

PROVISION_ROOT="${PROVISION_ROOT:-/}"
PROVISION_DRY="${PROVISION_DRY:-0}"
LAB_REPO="${LAB_REPO:-/lab}"                       # the repository: Vagrant's synced folder
LAB_USER="${LAB_USER:-vagrant}"                    # runs the lab and Zeppelin
LAB_HOME="${LAB_HOME:-/var/lib/lambda-lab}"        # the lab's data, off the synced folder
PROVISION_CACHE="${PROVISION_CACHE:-/var/cache/lambda-lab}"  # downloads, kept for reruns
ZEPPELIN_HOST_PORT="${ZEPPELIN_HOST_PORT:-8080}"   # the host side of the forward (browser origin)
ZEPPELIN_HOME=/opt/zeppelin
# Zeppelin's Thrift ports, fixed so that the firewall (35-firewall.sh) can keep them on loopback: the
# server's event port (zeppelin.server.rpc.portRange) and the interpreter processes' ports
# (zeppelin.interpreter.rpc.portRange, one per running process). Both bind every interface.
ZEPPELIN_EVENT_PORT=12320
ZEPPELIN_INTERPRETER_PORTS=12321:12340
export DEBIAN_FRONTEND=noninteractive

say() { echo "provision: $*"; }
die() { echo "provision: ERROR: $*" >&2; exit 1; }

# The real path of a path in the VM.
r() { printf '%s%s' "${PROVISION_ROOT%/}" "$1"; }

dry() { [ "$PROVISION_DRY" = 1 ]; }
DRY_LOG="$(r /var/lib/lambda-lab-provision/dry-run.log)"
DRY_STATE="$(r /var/lib/lambda-lab-provision/dry-state)"

# Runs a system-changing command, or records it in dry mode.
sys() {
  if dry; then
    mkdir -p "$(dirname "$DRY_LOG")"
    echo "$*" >> "$DRY_LOG"
  else
    "$@"
  fi
}

# Dry mode: notes the effect of a recorded command ("package jq", "enabled x.service").
remember() {
  if dry && ! remembered "$1"; then
    mkdir -p "$(dirname "$DRY_STATE")"
    echo "$1" >> "$DRY_STATE"
  fi
}
remembered() { grep -qxF "$1" "$DRY_STATE" 2>/dev/null; }

# The Debian architecture, part of the JDK directories' names (amd64, arm64).
ARCH="$(dpkg --print-architecture 2>/dev/null || echo amd64)"
LAB_JAVA_HOME="/usr/lib/jvm/${LAB_JDK_DIR}-${ARCH}"
ZEPPELIN_JAVA_HOME="/usr/lib/jvm/${ZEPPELIN_JDK_DIR}-${ARCH}"

has_package() {
  if dry; then
    remembered "package $1"
  else
    [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = installed ]
  fi
}

# Installs the packages not installed yet; nothing (not even apt-get update) when all are.
install_packages() {
  local missing=() package
  for package in "$@"; do
    has_package "$package" || missing+=("$package")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    say "already installed: $*"
    return 0
  fi
  say "installing ${missing[*]}"
  sys apt-get update -q \
    || die "apt-get update failed: the VM cannot reach the distribution's package mirror (offline, proxy, DNS?). Fix the network, then run \`vagrant provision\` again. See troubleshooting.md#provision-offline."
  sys apt-get install -y -q --no-install-recommends "${missing[@]}" \
    || die "apt-get install ${missing[*]} failed (see apt's message above). Offline: see troubleshooting.md#provision-offline; disk full: troubleshooting.md#vm-disk-full."
  for package in "${missing[@]}"; do remember "package $package"; done
}

user_home() { getent passwd "$LAB_USER" | cut -d: -f6; }

require_user() {
  getent passwd "$LAB_USER" >/dev/null \
    || die "user '$LAB_USER' does not exist in the VM: set LAB_USER to the account that should run the lab."
}

# Runs a command as LAB_USER with that user's HOME (Maven's repository lives there).
as_user() { sys runuser -u "$LAB_USER" -- env HOME="$(user_home)" "$@"; }

# put_file FILE MODE [OWNER] < content: writes FILE only when its content or mode differ, so a
# rerun touches nothing; sets CHANGED=1 when it wrote (the caller restarts what reads the file).
CHANGED=0
put_file() {
  local file=$1 mode=$2 owner=${3:-} path tmp
  path="$(r "$file")"
  mkdir -p "$(dirname "$path")"
  tmp="$(mktemp "$path.XXXXXX")"
  cat > "$tmp"
  if installed_as "$tmp" "$path" "$mode"; then
    rm -f "$tmp"
    return 0
  fi
  chmod "$mode" "$tmp"
  mv -f "$tmp" "$path"
  say "wrote $file"
  CHANGED=1
  if [ -n "$owner" ]; then sys chown "$owner:" "$path"; fi
}

# installed_as CONTENT PATH MODE: PATH (a real path) exists with CONTENT's bytes and MODE.
installed_as() { [ -f "$2" ] && cmp -s "$1" "$2" && [ "$(stat -c %a "$2")" = "$3" ]; }

# copy_file SOURCE FILE MODE [OWNER]: SOURCE is a real path, FILE a path in the VM. An unchanged
# file is compared where it is, not first copied to a temporary file (the group's jars: 240 MB).
copy_file() {
  installed_as "$1" "$(r "$2")" "$3" && return 0
  put_file "$2" "$3" "${4:-}" < "$1"
}

# The interpreter group's folder as the build (-Pzeppelin) makes it (a real path), and the
# interpreter's own jar in it (empty when not built).
built_group_dir() { r "$LAB_REPO/lab-interpreter/target/interpreter/lab"; }
built_interpreter_jar() { compgen -G "$(built_group_dir)/lab-interpreter-*.jar" | head -n 1 || true; }

# ensure_dir DIR [OWNER]: creates DIR (and hands it to OWNER) once.
ensure_dir() {
  local path
  path="$(r "$1")"
  if [ ! -d "$path" ]; then
    mkdir -p "$path"
    if [ -n "${2:-}" ]; then sys chown "$2:" "$path"; fi
  fi
}

unit_enabled() {
  if dry; then remembered "enabled $1"; else systemctl is-enabled --quiet "$1"; fi
}
unit_active() {
  if dry; then remembered "active $1"; else systemctl is-active --quiet "$1"; fi
}

# service_up UNIT CHANGED: the unit starts at boot and runs now; CHANGED=1 (its unit file or
# configuration was rewritten) reloads systemd and restarts it when it was running.
service_up() {
  local unit=$1 changed=$2
  if [ "$changed" = 1 ]; then sys systemctl daemon-reload; fi
  if ! unit_enabled "$unit"; then
    sys systemctl enable "$unit"
    remember "enabled $unit"
  fi
  if ! unit_active "$unit"; then
    sys systemctl start "$unit"
    remember "active $unit"
  elif [ "$changed" = 1 ]; then
    sys systemctl restart "$unit"
  fi
}

# download URL FILE: fails with what to do when the VM is offline or the address is wrong.
download() {
  local url=$1 file=$2
  say "downloading $url"
  mkdir -p "$(dirname "$file")"
  if ! curl -fsSL --retry 3 --connect-timeout 20 -o "$file.part" "$url"; then
    rm -f "$file.part"
    die "could not download $url (see curl's message above). The VM needs internet access for this step: check the host's network and proxy, then run \`vagrant provision\` again. Offline: download the file on the host and copy it into the VM as $(basename "$file") under $PROVISION_CACHE. See troubleshooting.md#provision-offline."
  fi
  mv -f "$file.part" "$file"
}
