#!/usr/bin/env bash
# Runs every provisioning step in order (the Vagrantfile runs the same scripts one by one).
# In the VM: sudo /lab/provisioning/provision.sh   Each step is idempotent: a rerun changes nothing.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
for step in "$here"/[0-9][0-9]-*.sh; do
  echo "provision: == $(basename "$step")"
  bash "$step"
done
