#!/usr/bin/env bash
# Static checks of the VM's files that need tools the test suite cannot count on:
# the shell linter over every provisioning script, and `vagrant validate` on the Vagrantfile.
# A missing tool is a failure (exit 1), never a silent pass. Install them (Debian/Ubuntu):
#   sudo apt-get install -y shellcheck vagrant
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
exit "$status"
