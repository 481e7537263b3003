#!/usr/bin/env bash
# Make sure a Docker engine answers: start Debian's dockerd in the background when none does.
set -euo pipefail
if docker version >/dev/null 2>&1; then
    exit 0
fi
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
command -v dockerd >/dev/null 2>&1 || { echo "start_docker: dockerd not installed (apt-get install docker.io)" >&2; exit 1; }
echo "start_docker: starting dockerd (log: /tmp/flipbench-dockerd.log)"
as_root bash -c 'nohup dockerd >/tmp/flipbench-dockerd.log 2>&1 &'
for _ in $(seq 1 60); do
    docker version >/dev/null 2>&1 && exit 0
    sleep 1
done
echo "start_docker: dockerd did not answer within 60 s; last log lines:" >&2
tail -5 /tmp/flipbench-dockerd.log >&2
exit 1
