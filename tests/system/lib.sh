# shellcheck shell=bash
# Shared by tests/system/run and tests/system/build-rootfs. Sourced, not run; as root.
set -euo pipefail

# systemd-nspawn keeps a directory of its own under /run/systemd/nspawn, and refuses to
# remove it again (at exit, or when a container reboots) unless it is on a tmpfs, as /run
# is on a host booted by systemd. Where /run is on disk (this machine's PID 1 is not
# systemd), a tmpfs is mounted there for as long as the suite runs. Prints whether it mounted
# one (1) or found it in place (0).
nspawn_runtime_mount() {
  mkdir -p /run/systemd/nspawn
  if [ "$(stat -f -c %T /run/systemd/nspawn)" = tmpfs ]; then
    echo 0
  else
    mount -t tmpfs -o mode=0755,size=16m cineverse-system-test /run/systemd/nspawn
    echo 1
  fi
}
nspawn_runtime_unmount() {  # nspawn_runtime_unmount <what nspawn_runtime_mount printed>
  [ "$1" = 1 ] || return 0
  umount /run/systemd/nspawn 2>/dev/null || umount -l /run/systemd/nspawn || true
}
