#!/usr/bin/env bash
# The lab's services (Kafka, Cassandra, HDFS) as a system service: started at boot, restarted on
# failure, run as LAB_USER by `lab up --foreground` (the mode made for systemd), stopped by `lab down`.
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_user

# `lab` anywhere in the VM, on the instance the service runs (not the repository's .lab/).
put_file /usr/local/bin/lab 755 <<EOS
#!/bin/sh
# Written by provisioning/30-lab-service.sh: the repository's ./lab on the VM's lab instance.
export LAB_HOME="\${LAB_HOME:-$LAB_HOME}"
export JAVA_HOME="\${JAVA_HOME:-$LAB_JAVA_HOME}"
exec $LAB_REPO/lab "\$@"
EOS

# Login shells (vagrant ssh) see the same instance and Java when they run ./lab or ./mvnw.
put_file /etc/profile.d/lambda-lab.sh 644 <<EOS
# Written by provisioning/30-lab-service.sh.
export LAB_HOME=$LAB_HOME
export JAVA_HOME=$LAB_JAVA_HOME
EOS

# The lab's data lives off the synced folder: Cassandra and Kafka need a real Linux file system.
ensure_dir "$LAB_HOME" "$LAB_USER"

CHANGED=0
# The synced folder is mounted by Vagrant after boot, so the start waits for it (up to 10 minutes)
# instead of failing; Restart= retries without a limit after that.
put_file /etc/systemd/system/lambda-lab.service 644 <<EOS
# Written by provisioning/30-lab-service.sh; a rerun rewrites it.
[Unit]
Description=Lambda Lab services: Kafka, Cassandra, HDFS (lab up --foreground)
Documentation=file://$LAB_REPO/README.md
After=network.target
StartLimitIntervalSec=0

[Service]
Type=simple
User=$LAB_USER
Environment=LAB_HOME=$LAB_HOME
Environment=JAVA_HOME=$LAB_JAVA_HOME
WorkingDirectory=$LAB_HOME
ExecStartPre=/usr/bin/timeout 600 /bin/sh -c 'until [ -x $LAB_REPO/lab ]; do sleep 2; done'
ExecStart=$LAB_REPO/lab up --foreground
ExecStop=$LAB_REPO/lab down
Restart=on-failure
RestartSec=15
TimeoutStartSec=15min
TimeoutStopSec=5min
SuccessExitStatus=143

[Install]
WantedBy=multi-user.target
EOS
service_up lambda-lab.service "$CHANGED"
