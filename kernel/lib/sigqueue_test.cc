// sigqueue: realtime instances queue in order up to QRV_SIGQUEUE_MAX,
// standard ones coalesce, reports go to their own target only.
#include "kernel/lib/sigqueue.h"

#include <gtest/gtest.h>

#include "kernel/abi/errno.h"

namespace {

qrv_siginfo info_of(int signo, int32_t pid, int32_t value) {
  qrv_siginfo i = {};
  i.signo = signo;
  i.code = QRV_SI_QUEUE;
  i.pid = pid;
  i.value.sival_int = value;
  return i;
}

TEST(SigQueueTest, RealtimeInstancesComeOutInOrder) {
  SigQueue q;
  for (int v = 0; v < 3; ++v) EXPECT_EQ(sigqueue_add(q, 0, info_of(QRV_SIGRTMIN, 7, v), v > 0), 0);
  qrv_siginfo got;
  EXPECT_TRUE(sigqueue_take(q, 0, QRV_SIGRTMIN, &got));
  EXPECT_EQ(got.value.sival_int, 0);
  EXPECT_EQ(got.pid, 7);
  EXPECT_TRUE(sigqueue_take(q, 0, QRV_SIGRTMIN, &got));
  EXPECT_EQ(got.value.sival_int, 1);
  EXPECT_FALSE(sigqueue_take(q, 0, QRV_SIGRTMIN, &got));
  EXPECT_EQ(got.value.sival_int, 2);
  EXPECT_EQ(q.used, 0u);
  EXPECT_EQ(q.realtime, 0u);
}

TEST(SigQueueTest, StandardSignalsCoalesceKeepingTheFirstReport) {
  SigQueue q;
  EXPECT_EQ(sigqueue_add(q, 0, info_of(QRV_SIGUSR1, 5, 1), false), 0);
  EXPECT_EQ(sigqueue_add(q, 0, info_of(QRV_SIGUSR1, 6, 2), true), 0);
  EXPECT_EQ(q.used, 1u);
  qrv_siginfo got;
  EXPECT_FALSE(sigqueue_take(q, 0, QRV_SIGUSR1, &got));
  EXPECT_EQ(got.pid, 5);
  EXPECT_EQ(got.value.sival_int, 1);
}

TEST(SigQueueTest, RealtimeQueueIsBounded) {
  SigQueue q;
  for (int i = 0; i < QRV_SIGQUEUE_MAX; ++i) {
    EXPECT_EQ(sigqueue_add(q, 0, info_of(QRV_SIGRTMIN + i % 3, 1, i), i > 0), 0);
  }
  EXPECT_EQ(sigqueue_add(q, 0, info_of(QRV_SIGRTMAX, 1, 99), false), -QRV_EAGAIN);
  // Standard signals still fit.
  EXPECT_EQ(sigqueue_add(q, 0, info_of(QRV_SIGUSR2, 1, 0), false), 0);
  qrv_siginfo got;
  (void)sigqueue_take(q, 0, QRV_SIGRTMIN, &got);
  EXPECT_EQ(sigqueue_add(q, 0, info_of(QRV_SIGRTMAX, 1, 99), false), 0);
}

TEST(SigQueueTest, ReportsStayWithTheirTarget) {
  SigQueue q;
  EXPECT_EQ(sigqueue_add(q, 3, info_of(QRV_SIGUSR1, 9, 30), false), 0);
  EXPECT_EQ(sigqueue_add(q, 0, info_of(QRV_SIGUSR1, 8, 0), false), 0);
  qrv_siginfo got;
  EXPECT_FALSE(sigqueue_take(q, 0, QRV_SIGUSR1, &got));
  EXPECT_EQ(got.pid, 8);
  sigqueue_drop_thread(q, 3);
  EXPECT_EQ(q.used, 0u);
  EXPECT_FALSE(sigqueue_take(q, 3, QRV_SIGUSR1, &got));  // none: a bare report
  EXPECT_EQ(got.signo, QRV_SIGUSR1);
  EXPECT_EQ(got.code, QRV_SI_USER);
  EXPECT_EQ(got.pid, 0);
}

TEST(SigQueueTest, DropTakesEveryTarget) {
  SigQueue q;
  EXPECT_EQ(sigqueue_add(q, 0, info_of(QRV_SIGRTMIN, 1, 0), false), 0);
  EXPECT_EQ(sigqueue_add(q, 2, info_of(QRV_SIGRTMIN, 1, 0), false), 0);
  EXPECT_EQ(sigqueue_add(q, 0, info_of(QRV_SIGUSR1, 1, 0), false), 0);
  sigqueue_drop(q, QRV_SIGRTMIN);
  EXPECT_EQ(q.used, 1u);
  EXPECT_EQ(q.realtime, 0u);
}

TEST(SigQueueTest, StandardReportsLeaveRealtimeItsRoom) {
  SigQueue q;
  for (uint32_t t = 1; t <= kSigQueueSlots; ++t) EXPECT_EQ(sigqueue_add(q, t, info_of(QRV_SIGUSR1, 1, 0), false), 0);
  EXPECT_EQ(q.used, kSigQueueSlots - QRV_SIGQUEUE_MAX);  // the rest are pending with bare reports
  for (int i = 0; i < QRV_SIGQUEUE_MAX; ++i) EXPECT_EQ(sigqueue_add(q, 0, info_of(QRV_SIGRTMIN, 1, i), i > 0), 0);
  EXPECT_EQ(q.used, kSigQueueSlots);
  EXPECT_EQ(sigqueue_add(q, 0, info_of(QRV_SIGRTMIN, 1, 0), true), -QRV_EAGAIN);
}

}  // namespace
