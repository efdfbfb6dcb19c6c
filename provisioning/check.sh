#!/usr/bin/env bash
# Static checks of the VM's files that need tools the test suite cannot count on:
# the shell linter over every provisioning script, `vagrant validate` on the Vagrantfile, and
# nftables' own check of the firewall rules 35-firewall.sh writes (`nft -c`: run this as root).
# A missing tool is a failure (exit 1), never a silent pass. Install them (Debian/Ubuntu):
#   sudo apt-get install -y shellcheck vagrant nftables
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
status=0

if command -v shellcheck >/dev/null; then
  if shellcheck "$here"/*.sh "$here"/files/*; then
    echo "check: shellcheck clean ($(shellcheck --version | sed -n 's/^version: //p'))"
  else
    echo "check: FAILED: shellcheck found problems (above)"; status=1
  fi
else
  echo "check: FAILED: shellcheck is not installed (sudo apt-get install -y shellcheck)"; status=1
fi

if command -v vagrant >/dev/null; then
  # validate writes .vagrant/ beside the Vagrantfile; it needs no box, provider or network.
  if (cd "$here/.." && vagrant validate); then
    echo "check: vagrant validate passed ($(vagrant --version))"
  else
    echo "check: FAILED: vagrant validate (above)"; status=1
  fi
else
  echo "check: FAILED: vagrant is not installed (sudo apt-get install -y vagrant)"; status=1
fi
if command -v nft >/dev/null; then
  # the rules as the script writes them (dry mode, a root of its own), checked without loading them
  scratch="$(mktemp -d)"
  if PROVISION_ROOT="$scratch" PROVISION_DRY=1 bash "$here/35-firewall.sh" >/dev/null \
      && nft -c -f "$scratch/etc/lambda-lab/zeppelin-ports.nft"; then
    echo "check: nft accepts the firewall rules ($(nft --version))"
  else
    echo "check: FAILED: the firewall rules (above; nft -c needs root)"; status=1
  fi
  rm -rf "$scratch"
else
  echo "check: FAILED: nft is not installed (sudo apt-get install -y nftables)"; status=1
fi
exit "$status"
