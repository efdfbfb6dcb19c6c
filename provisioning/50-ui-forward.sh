#!/usr/bin/env bash
# The HDFS web UIs and the notes' Spark UI for the host's browser. The lab binds every port to 127.0.0.1 (also in the VM),
# and Vagrant's forwards arrive on the VM's own address: a small service relays the UI ports
# from that address to 127.0.0.1 (the data ports stay unreachable from outside the VM).
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_user

CHANGED=0
for helper in guest-address ui-forward; do
  copy_file "$PROVISIONING/files/$helper" "/usr/local/lib/lambda-lab/$helper" 755
done
# 9870: NameNode UI, 9864: DataNode UI (the NameNode's pages link to it as 127.0.0.1:9864), 4040: the
# Spark UI of Zeppelin's lab interpreter (while it runs; a second session would take 4041, not relayed).
put_file /etc/systemd/system/lambda-lab-ui-forward.service 644 <<EOS
# Written by provisioning/50-ui-forward.sh; a rerun rewrites it.
[Unit]
Description=Lambda Lab: HDFS and Spark web UIs relayed to the VM's address for Vagrant's forwards
After=network-online.target
Wants=network-online.target
StartLimitIntervalSec=0

[Service]
Type=simple
User=$LAB_USER
ExecStart=/usr/local/lib/lambda-lab/ui-forward 9870 9864 4040
Restart=always
RestartSec=10

[Install]
WantedBy=multi-user.target
EOS
service_up lambda-lab-ui-forward.service "$CHANGED"
