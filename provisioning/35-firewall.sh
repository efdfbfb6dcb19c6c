#!/usr/bin/env bash
# Zeppelin's Thrift ports on loopback only. The server's event port and every interpreter process's
# port bind all interfaces whatever ZEPPELIN_LOCAL_IP says (Zeppelin 0.11: new TServerSocket(port)),
# and an interpreter process runs whatever code it is sent: reachable from a network added to the
# VM, it would run anyone's code. The ports are fixed in conf/zeppelin-site.xml (40-zeppelin.sh);
# an nftables table of the lab's own accepts them on `lo` and drops them on every other interface.
# It leaves every other rule of the VM alone.
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ports="$ZEPPELIN_EVENT_PORT, ${ZEPPELIN_INTERPRETER_PORTS/:/-}"   # nft writes a range from-to
CHANGED=0
# The first two lines make a rerun replace the table in one transaction (create if missing, delete, add).
put_file /etc/lambda-lab/zeppelin-ports.nft 644 <<EOS
# Written by provisioning/35-firewall.sh; a rerun rewrites it. Loaded by lambda-lab-firewall.service.
table inet lambda_lab_zeppelin
delete table inet lambda_lab_zeppelin
table inet lambda_lab_zeppelin {
  chain input {
    type filter hook input priority 0; policy accept;
    iifname "lo" tcp dport { $ports } accept
    tcp dport { $ports } drop
  }
}
EOS

put_file /etc/systemd/system/lambda-lab-firewall.service 644 <<EOS
# Written by provisioning/35-firewall.sh; a rerun rewrites it.
[Unit]
Description=Lambda Lab: Zeppelin's Thrift ports ($ports) on loopback only (nftables)
# troubleshooting.md#zeppelin-thrift-ports
Documentation=file://$LAB_REPO/troubleshooting.md
Before=zeppelin.service

[Service]
Type=oneshot
RemainAfterExit=yes
ExecStart=/usr/sbin/nft -f /etc/lambda-lab/zeppelin-ports.nft
ExecStop=/usr/sbin/nft delete table inet lambda_lab_zeppelin

[Install]
WantedBy=multi-user.target
EOS
service_up lambda-lab-firewall.service "$CHANGED"
say "Zeppelin's Thrift ports $ports: accepted on lo only"
