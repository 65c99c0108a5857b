#!/bin/bash
# //:gdb end to end, non-interactively: the launcher starts QEMU halted, gdb
# (in batch mode) connects, stops at the kernel entry, then at kmain with its
# source line, taskman's symbols are loaded, and leaving gdb stops QEMU.
# Bounded by timeouts on both sides.
set -euo pipefail
launcher=$1
export QRV_GDB_PORT=$((20000 + RANDOM % 20000))
export QRV_GDB_CONSOLE=$TEST_TMPDIR/console.log
export QRV_GDB_TIMEOUT=60s
out=$TEST_TMPDIR/gdb.out
status=0
timeout 90 "$launcher" -batch -ex continue -ex 'print/x $pc' -ex continue -ex 'info line *$pc' -ex 'info line main' \
    >"$out" 2>&1 || status=$?
cat "$out"
fail() { echo "gdb_qemu_test: FAIL: $*"; exit 1; }
[[ $status -eq 0 ]] || fail "launcher exited with status $status"
grep -q "hit Breakpoint 1, 0x0000000080200000" "$out" || fail "no stop at the kernel entry"
grep -q '^\$1 = 0x80200000' "$out" || fail "pc is not the entry"
grep -q "hit Breakpoint 2, kmain (hart_id=" "$out" || fail "no stop at kmain"
grep -q 'Line [0-9]* of "kernel/init/main.cc"' "$out" || fail "no source line for kmain"
grep -q 'Line [0-9]* of "taskman/main.cc"' "$out" || fail "no taskman symbols (its main)"
grep -q "qemu_runner: FAIL: runner received signal 15" "$QRV_GDB_CONSOLE" ||
    fail "QEMU was not stopped when gdb left"
echo "gdb_qemu_test: PASS"
