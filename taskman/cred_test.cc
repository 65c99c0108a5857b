// POSIX's credential rules: what root may do, what everyone else may not.
#include "taskman/cred.h"

#include <gtest/gtest.h>

#include "kernel/abi/errno.h"
#include "libc/include/sys/procmsg.h"

namespace taskman {
namespace {

TEST(CredTest, RootSetsAllThreeIds) {
  Cred c;
  ASSERT_EQ(cred_set(&c, _PROC_SETCRED_UID, 100), 0);
  EXPECT_EQ(c.ruid, 100u);
  EXPECT_EQ(c.euid, 100u);
  EXPECT_EQ(c.suid, 100u);
  EXPECT_FALSE(cred_is_root(c));
  EXPECT_EQ(cred_set(&c, _PROC_SETCRED_UID, 0), -QRV_EPERM) << "root is gone for good";
  EXPECT_EQ(cred_set(&c, _PROC_SETCRED_EUID, 0), -QRV_EPERM);
  EXPECT_EQ(c.euid, 100u);
}

TEST(CredTest, SetEuidKeepsTheSavedIdToComeBack) {
  Cred c;
  ASSERT_EQ(cred_set(&c, _PROC_SETCRED_EUID, 100), 0);
  EXPECT_EQ(c.ruid, 0u);
  EXPECT_EQ(c.suid, 0u);
  EXPECT_FALSE(cred_is_root(c));
  EXPECT_EQ(cred_set(&c, _PROC_SETCRED_EUID, 200), -QRV_EPERM) << "neither the real nor the saved id";
  EXPECT_EQ(cred_set(&c, _PROC_SETCRED_UID, 200), -QRV_EPERM);
  EXPECT_EQ(cred_set(&c, _PROC_SETCRED_GID, 5), -QRV_EPERM) << "group changes need an effective root";
  ASSERT_EQ(cred_set(&c, _PROC_SETCRED_EUID, 0), 0) << "back to the saved id";
  EXPECT_TRUE(cred_is_root(c));
}

TEST(CredTest, NonRootSetuidMovesOnlyTheEffectiveId) {
  Cred c{10, 20, 30, 1, 2, 3};
  ASSERT_EQ(cred_set(&c, _PROC_SETCRED_UID, 30), 0);
  EXPECT_EQ(c.ruid, 10u);
  EXPECT_EQ(c.euid, 30u);
  EXPECT_EQ(c.suid, 30u);
  ASSERT_EQ(cred_set(&c, _PROC_SETCRED_UID, 10), 0);
  EXPECT_EQ(c.euid, 10u);
  ASSERT_EQ(cred_set(&c, _PROC_SETCRED_EGID, 3), 0);
  EXPECT_EQ(c.egid, 3u);
  EXPECT_EQ(c.rgid, 1u);
  EXPECT_EQ(cred_set(&c, _PROC_SETCRED_GID, 9), -QRV_EPERM);
}

TEST(CredTest, RootSetsGroupsAndBadRequestsAreRefused) {
  Cred c;
  ASSERT_EQ(cred_set(&c, _PROC_SETCRED_GID, 7), 0);
  EXPECT_EQ(c.rgid, 7u);
  EXPECT_EQ(c.egid, 7u);
  EXPECT_EQ(c.sgid, 7u);
  EXPECT_EQ(cred_set(&c, _PROC_SETCRED_UID, kNoId), -QRV_EINVAL);
  EXPECT_EQ(cred_set(&c, 4, 1), -QRV_EINVAL);
  EXPECT_EQ(cred_set(&c, 0xffffffffu, 1), -QRV_EINVAL);
  EXPECT_TRUE(cred_is_root(c)) << "a refused request changes nothing";
}

}  // namespace
}  // namespace taskman
