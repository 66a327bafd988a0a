#!/usr/bin/env bash
# A one-node SLURM cluster on this machine, for the tests of `aae-run sweep --launcher slurm`.
#
#   scripts/local-slurm.sh start    installs slurmctld, slurmd, slurm-client and munge when missing (apt-get),
#                                   writes the configuration and starts munged, slurmctld and slurmd as plain
#                                   background processes
#   scripts/local-slurm.sh stop     stops exactly the processes `start` started, by the PIDs it saved
#   scripts/local-slurm.sh env      prints the line to export so that sbatch, squeue and scontrol use it
#
# Everything the cluster keeps (configuration, munge key and socket, state, logs, PIDs) is in .slurm-local/
# of the repository (or $AAE_SLURM_DIR), nothing in /etc; the commands find it through SLURM_CONF.
# The daemons listen on ports of their own (16817, 16818), so a real Slurm on this machine is left alone.
#
# The node has two partitions: `debug` (the default) and `high`, a higher PriorityTier: a job submitted to
# `high` preempts the jobs of `debug`, which Slurm requeues at once after a SIGTERM (PreemptMode=REQUEUE, no GraceTime).
# The scheduler runs every 2 s (Slurm's default is 60 s), so that a preemption happens within seconds.
# Environment: AAE_SLURM_CPUS (the node's CPUs, default 4), AAE_SLURM_MAX_ARRAY_SIZE (default 1001).
# Needs root, or sudo, for munged (run as user munge) and slurmd.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${AAE_SLURM_DIR:-$root/.slurm-local}"
conf="$dir/etc/slurm.conf"
node=aaelocal
packages="slurmctld slurmd slurm-client munge"

if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi

# Installs the Debian packages of the cluster, only when one is missing.
install_packages() {
  local missing=""
  for p in $packages; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
  if [ -n "$missing" ]; then
    echo "local-slurm: installing$missing"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
  fi
}

write_configuration() {
  local cpus="${AAE_SLURM_CPUS:-4}" memory
  memory=$(( $(awk '/MemTotal/ { print int($2 / 1024) }' /proc/meminfo) / 2 ))
  mkdir -p "$dir/etc" "$dir/state" "$dir/spool" "$dir/log"
  cat > "$conf" <<EOF
# Written by scripts/local-slurm.sh: a one-node cluster for aae-run's tests.
ClusterName=aae-local
SlurmctldHost=$(hostname -s)(127.0.0.1)
SlurmctldPort=16817
SlurmdPort=16818
SlurmUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/munge/munge.socket
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
SwitchType=switch/none
ReturnToService=2
SchedulerType=sched/backfill
SchedulerParameters=sched_interval=2,bf_interval=2
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SlurmdParameters=config_overrides
JobCompType=jobcomp/filetxt
JobCompLoc=$dir/log/jobcomp.txt
PreemptType=preempt/partition_prio
PreemptMode=REQUEUE
KillWait=10
MailProg=/bin/true
MinJobAge=600
MaxArraySize=${AAE_SLURM_MAX_ARRAY_SIZE:-1001}
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=debug Nodes=$node Default=YES MaxTime=INFINITE State=UP PriorityTier=1 PreemptMode=REQUEUE
PartitionName=high Nodes=$node MaxTime=INFINITE State=UP PriorityTier=10
EOF
}

# munged refuses to run as root: it runs as user munge, with its key and socket in $dir/munge.
start_munge() {
  mkdir -p "$dir/munge"
  if [ ! -f "$dir/munge/munge.key" ]; then
    dd if=/dev/urandom of="$dir/munge/munge.key" bs=1024 count=1 status=none
  fi
  $sudo chown -R munge:munge "$dir/munge"
  chmod 700 "$dir/munge"
  chmod 400 "$dir/munge/munge.key"
  $sudo setpriv --reuid=munge --regid=munge --init-groups /usr/sbin/munged --foreground --force --key-file="$dir/munge/munge.key" \
    --socket="$dir/munge/munge.socket" --pid-file="$dir/munge/munged.pid" \
    --seed-file="$dir/munge/munge.seed" --log-file="$dir/log/munged.log" >/dev/null 2>&1 &
  echo $! > "$dir/pids"
  for _ in $(seq 50); do [ -S "$dir/munge/munge.socket" ] && return; sleep 0.1; done
  echo "local-slurm: munged did not start; see $dir/log/munged.log" >&2
  exit 1
}

start() {
  if [ -f "$dir/pids" ]; then
    echo "local-slurm: already started (PIDs in $dir/pids); run '$0 stop' first" >&2
    exit 1
  fi
  install_packages
  write_configuration
  start_munge
  SLURM_CONF="$conf" $sudo /usr/sbin/slurmctld -D -f "$conf" >>"$dir/log/slurmctld.out" 2>&1 &
  echo $! >> "$dir/pids"
  SLURM_CONF="$conf" $sudo /usr/sbin/slurmd -D -f "$conf" -N "$node" >>"$dir/log/slurmd.out" 2>&1 &
  echo $! >> "$dir/pids"
  export SLURM_CONF="$conf"
  for _ in $(seq 60); do
    if timeout 5 sinfo -h -n "$node" -o %t 2>/dev/null | grep -q -E '^(idle|mix|alloc)'; then
      echo "local-slurm: one-node cluster up; export SLURM_CONF=$conf"
      return
    fi
    sleep 0.25
  done
  echo "local-slurm: the node did not come up in 15 s; see $dir/log/" >&2
  stop
  exit 1
}

# Stops the processes `start` saved, newest first, and waits until they are gone.
stop() {
  [ -f "$dir/pids" ] || { echo "local-slurm: not started"; return; }
  for pid in $(tac "$dir/pids"); do
    $sudo kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && { $sudo kill -9 "$pid" 2>/dev/null || true; }
  done
  rm -f "$dir/pids"
  echo "local-slurm: stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  env) echo "export SLURM_CONF=$conf" ;;
  *) echo "usage: $0 start|stop|env" >&2; exit 2 ;;
esac
