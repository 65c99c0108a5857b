// Per-slot tests of syscall_tm_priv, run by taskman itself (only taskman may
// call the slots): taskman_selftest, a build of taskman with
// TASKMAN_SELFTEST, runs them after starting init and before serving.
// Every slot gets bad pointers, bad fields and unknown pids, and must answer
// the documented errno without leaving anything behind.
#pragma once

// Prints "taskman: tm_priv self-test: N passed, N failed"; returns failures.
int tm_priv_selftest(int init_pid, int chid);
