#!/bin/sh
# Stand-in for qemu-system-riscv64 in qemu_runner_test: records its pid and arguments (files
# named by $FAKE_QEMU_PIDS and $FAKE_QEMU_ARGS), then runs the "-kernel" file as a shell
# script, in the same process, in place of a guest. The script prints, sleeps, hangs, reads
# its stdin (the serial input send steps type into) or exits.
if [ -n "$FAKE_QEMU_ARGS" ]; then printf '%s\n' "$@" > "$FAKE_QEMU_ARGS"; fi
if [ -n "$FAKE_QEMU_PIDS" ]; then echo $$ >> "$FAKE_QEMU_PIDS"; fi
kernel=""
while [ $# -gt 0 ]; do
  if [ "$1" = "-kernel" ] && [ $# -gt 1 ]; then kernel="$2"; fi
  shift
done
if [ -z "$kernel" ]; then
  echo "fake_qemu: no -kernel given" >&2
  exit 125
fi
exec /bin/sh "$kernel"
