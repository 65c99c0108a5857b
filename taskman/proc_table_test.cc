// tTMprocess policy on the host: slots by pid, inheritance, waitpid's
// choices, reparenting, setpgid and setsid as POSIX says.
#include "taskman/proc_table.h"

#include <errno.h>
#include <signal.h>
#include <sys/wait.h>
#include <gtest/gtest.h>

#include <memory>

namespace taskman {
namespace {

class ProcTableTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tTMprocess* tm = t_->add(kTaskmanPid, nullptr);
    ASSERT_NE(tm, nullptr);
    tm->state = TmState::kRunning;
  }
  tTMprocess* spawn(int32_t pid, int32_t parent) {
    tTMprocess* p = t_->add(pid, t_->find(parent));
    EXPECT_NE(p, nullptr);
    if (p != nullptr) p->state = TmState::kRunning;
    return p;
  }
  std::unique_ptr<ProcTable> t_ = std::make_unique<ProcTable>();
};

TEST_F(ProcTableTest, ChildrenInheritGroupSessionUmaskCredentials) {
  tTMprocess* init = spawn(2, kTaskmanPid);
  EXPECT_EQ(init->ppid, kTaskmanPid);
  EXPECT_EQ(init->pgid, kTaskmanPid);
  EXPECT_TRUE(cred_is_root(init->cred)) << "init runs as root";
  init->umask = 077;
  init->cred = Cred{5, 6, 7, 8, 9, 10};
  tTMprocess* c = spawn(3, 2);
  EXPECT_EQ(c->ppid, 2);
  EXPECT_EQ(c->umask, 077u);
  EXPECT_EQ(c->cred.ruid, 5u);
  EXPECT_EQ(c->cred.euid, 6u);
  EXPECT_EQ(c->cred.sgid, 10u);
  EXPECT_EQ(t_->add(3, init), nullptr) << "a pid is used once";
  EXPECT_EQ(t_->add(0, init), nullptr);
  EXPECT_EQ(t_->find(4), nullptr);
}

TEST_F(ProcTableTest, ChildrenShareTheCwdUntilOneChanges) {
  tTMprocess* init = spawn(2, kTaskmanPid);
  EXPECT_STREQ(ProcTable::cwd(*init), "/");
  ASSERT_EQ(t_->set_cwd(init, "/proc/boot"), 0);
  tTMprocess* a = spawn(3, 2);
  tTMprocess* b = spawn(4, 2);
  EXPECT_STREQ(ProcTable::cwd(*a), "/proc/boot");
  EXPECT_EQ(a->cwd, init->cwd);  // one copy
  EXPECT_EQ(init->cwd->refs, 3u);
  ASSERT_EQ(t_->set_cwd(b, "/dev"), 0);
  EXPECT_STREQ(ProcTable::cwd(*b), "/dev");
  EXPECT_STREQ(ProcTable::cwd(*init), "/proc/boot");
  EXPECT_EQ(init->cwd->refs, 2u);
  t_->remove(init);  // the child keeps it
  EXPECT_STREQ(ProcTable::cwd(*a), "/proc/boot");
  EXPECT_EQ(a->cwd->refs, 1u);
  t_->remove(a);
  t_->remove(b);  // (the sanitizer build sees any leak or double free)
}

TEST_F(ProcTableTest, SlotsCollideAndFillUp) {
  // pids kTmProcessMax apart share a home slot.
  spawn(2, kTaskmanPid);
  spawn(2 + kTmProcessMax, kTaskmanPid);
  EXPECT_EQ(t_->find(2 + kTmProcessMax)->pid, static_cast<int32_t>(2 + kTmProcessMax));
  EXPECT_EQ(t_->find(2)->pid, 2);
  int32_t pid = 1000;
  while (t_->has_room()) spawn(pid++, kTaskmanPid);
  EXPECT_EQ(t_->add(pid, t_->find(kTaskmanPid)), nullptr);
  t_->remove(t_->find(2));
  EXPECT_TRUE(t_->has_room());
  EXPECT_NE(t_->find(2 + kTmProcessMax), nullptr) << "removing one pid keeps its neighbour findable";
}

TEST_F(ProcTableTest, WaitMatchesPidAnyGroupAndOwnGroup) {
  spawn(2, kTaskmanPid);
  tTMprocess* a = spawn(3, 2);
  tTMprocess* b = spawn(4, 2);
  b->pgid = 9;
  spawn(5, kTaskmanPid);  // not 2's
  bool has = false;
  EXPECT_EQ(t_->match_wait(2, wait_for_pid(-1), kWaitExited, &has), nullptr);
  EXPECT_TRUE(has) << "children exist: wait (not ECHILD)";
  EXPECT_EQ(t_->match_wait(2, wait_for_pid(5), kWaitExited, &has), nullptr);
  EXPECT_FALSE(has) << "5 is not 2's child: ECHILD";
  b->state = TmState::kZombie;
  EXPECT_EQ(t_->match_wait(2, wait_for_pid(-1), kWaitExited, &has), b);
  EXPECT_EQ(t_->match_wait(2, wait_for_pid(0), kWaitExited, &has), nullptr) << "b left 2's group";
  EXPECT_EQ(t_->match_wait(2, wait_for_pid(-9), kWaitExited, &has), b);
  EXPECT_EQ(t_->match_wait(2, wait_for_pid(3), kWaitExited, &has), nullptr);
  EXPECT_TRUE(has);
  a->state = TmState::kZombie;
  EXPECT_EQ(t_->match_wait(2, wait_for_pid(0), kWaitExited, &has), a);
}

TEST_F(ProcTableTest, StopsAndContinuesAreNewsOnlyForWaitsThatAskForThem) {
  spawn(2, kTaskmanPid);
  tTMprocess* a = spawn(3, 2);
  bool has = false;
  a->jc_status = wait_status_stopped(20);
  EXPECT_EQ(t_->match_wait(2, wait_for_pid(-1), kWaitExited, &has), nullptr) << "a plain waitpid: stops are not news";
  EXPECT_TRUE(has);
  EXPECT_EQ(t_->match_wait(2, wait_for_pid(-1), kWaitExited | kWaitStopped, &has), a) << "WUNTRACED";
  EXPECT_EQ(t_->match_wait(2, wait_for_pid(-1), kWaitContinued, &has), nullptr) << "a stop is not a continue";
  a->jc_status = kWaitStatusContinued;
  EXPECT_EQ(t_->match_wait(2, wait_for_pid(-1), kWaitStopped, &has), nullptr);
  EXPECT_EQ(t_->match_wait(2, wait_for_pid(3), kWaitContinued, &has), a) << "WCONTINUED";
  a->state = TmState::kZombie;
  EXPECT_EQ(t_->match_wait(2, wait_for_pid(3), kWaitContinued, &has), nullptr) << "a zombie's old news is gone";
  EXPECT_EQ(t_->match_wait(2, wait_for_pid(3), kWaitExited, &has), a);
}

// A login-like session: init (2) starts a shell (3) as a session leader,
// which puts a job (4, with a child 5) in its own group.
TEST_F(ProcTableTest, AGroupIsOrphanedWhenNoMemberHasAParentElsewhereInItsSession) {
  spawn(2, kTaskmanPid);
  tTMprocess* sh = spawn(3, 2);
  ASSERT_EQ(t_->setsid(3), 3);
  EXPECT_TRUE(t_->group_orphaned(3)) << "a session leader's group: its parent is in another session";
  tTMprocess* job = spawn(4, 3);
  spawn(5, 4);
  ASSERT_EQ(t_->setpgid(3, 4, 4), 0);
  ASSERT_EQ(t_->setpgid(4, 5, 4), 0);
  EXPECT_FALSE(t_->group_orphaned(4)) << "the shell, in the same session but another group, links the job";
  sh->state = TmState::kZombie;  // the shell ends: its children go to taskman
  EXPECT_EQ(t_->reparent_children(3), 1u);
  EXPECT_TRUE(t_->group_orphaned(4)) << "5's parent 4 is in the group; 4's is taskman";
  job->state = TmState::kZombie;
  t_->reparent_children(4);
  EXPECT_TRUE(t_->group_orphaned(4));
  t_->find(5)->state = TmState::kZombie;
  EXPECT_FALSE(t_->group_orphaned(4)) << "no live member: nothing to orphan";
  EXPECT_FALSE(t_->group_orphaned(99)) << "no such group";
}

TEST_F(ProcTableTest, AParentInTheSameGroupIsNoLink) {
  spawn(2, kTaskmanPid);
  spawn(3, 2);
  spawn(4, 3);
  ASSERT_EQ(t_->setsid(3), 3);
  spawn(6, 3);
  ASSERT_EQ(t_->setpgid(6, 6, 0), 0);
  EXPECT_FALSE(t_->group_orphaned(6));
  tTMprocess* other = spawn(7, 2);  // another session's process cannot link group 6
  ASSERT_NE(other, nullptr);
  EXPECT_FALSE(t_->group_orphaned(6));
}

TEST_F(ProcTableTest, GroupsAroundAProcessAreItsOwnAndItsChildrensOnce) {
  spawn(2, kTaskmanPid);
  spawn(3, 2);
  spawn(4, 3);
  spawn(5, 3);
  spawn(6, 3);
  ASSERT_EQ(t_->setpgid(3, 5, 5), 0);
  int32_t groups[8];
  ASSERT_EQ(t_->groups_around(3, groups, 8), 2u);
  EXPECT_EQ(groups[0], t_->find(3)->pgid);
  EXPECT_EQ(groups[1], 5);
  EXPECT_EQ(t_->groups_around(3, groups, 1), 1u) << "bounded by max";
  EXPECT_EQ(t_->groups_around(99, groups, 8), 0u);
}

TEST_F(ProcTableTest, GroupsLinkedByAProcessAreWhatItsEndCanOrphan) {
  spawn(2, kTaskmanPid);
  spawn(3, 2);
  ASSERT_EQ(t_->setsid(3), 3);
  spawn(4, 3);  // in 3's group: no link of it
  spawn(5, 3);
  ASSERT_EQ(t_->setpgid(3, 5, 5), 0);
  spawn(6, 5);  // in 5's group
  spawn(7, 5);
  ASSERT_EQ(t_->setpgid(5, 7, 7), 0);
  int32_t groups[8];
  ASSERT_EQ(t_->groups_linked_by(3, groups, 8), 1u) << "3 links its child 5's group, not its own (a session leader's)";
  EXPECT_EQ(groups[0], 5);
  ASSERT_EQ(t_->groups_linked_by(5, groups, 8), 2u) << "5 links its own group (through 3) and 7's";
  EXPECT_EQ(groups[0], 5);
  EXPECT_EQ(groups[1], 7);
  EXPECT_EQ(t_->groups_linked_by(4, groups, 8), 0u) << "4's parent is in its group";
  EXPECT_EQ(t_->groups_linked_by(6, groups, 8), 0u);
  EXPECT_EQ(t_->groups_linked_by(99, groups, 8), 0u);
}

TEST(WaitStatus, EncodingsAreTheOnesSysWaitDecodes) {
  EXPECT_TRUE(WIFSTOPPED(wait_status_stopped(SIGTSTP)));
  EXPECT_EQ(WSTOPSIG(wait_status_stopped(SIGTSTP)), SIGTSTP);
  EXPECT_FALSE(WIFEXITED(wait_status_stopped(SIGTSTP)));
  EXPECT_FALSE(WIFSIGNALED(wait_status_stopped(SIGTSTP)));
  EXPECT_TRUE(WIFCONTINUED(kWaitStatusContinued));
  EXPECT_FALSE(WIFEXITED(kWaitStatusContinued));
  EXPECT_FALSE(WIFSIGNALED(kWaitStatusContinued));
  EXPECT_FALSE(WIFSTOPPED(kWaitStatusContinued));
  EXPECT_EQ(kWaitExited, static_cast<uint32_t>(WEXITED));
  EXPECT_EQ(kWaitStopped, static_cast<uint32_t>(WUNTRACED));
  EXPECT_EQ(kWaitContinued, static_cast<uint32_t>(WCONTINUED));
}

TEST_F(ProcTableTest, OrphansGoToTaskman) {
  spawn(2, kTaskmanPid);
  spawn(3, 2);
  spawn(4, 2);
  spawn(5, 3);
  EXPECT_EQ(t_->reparent_children(2), 2u);
  EXPECT_EQ(t_->find(3)->ppid, kTaskmanPid);
  EXPECT_EQ(t_->find(5)->ppid, 3) << "grandchildren keep their parent";
}

TEST_F(ProcTableTest, SetpgidAsPosixSays) {
  spawn(2, kTaskmanPid);
  spawn(3, 2);
  spawn(4, 3);
  EXPECT_EQ(t_->setpgid(3, 0, 0), 0) << "a process may lead a group of its own";
  EXPECT_EQ(t_->find(3)->pgid, 3);
  EXPECT_EQ(t_->setpgid(3, 4, 3), 0) << "and put its child in it";
  EXPECT_EQ(t_->find(4)->pgid, 3);
  EXPECT_EQ(t_->setpgid(2, 4, 0), -ESRCH) << "not 2's child";
  EXPECT_EQ(t_->setpgid(3, 4, 77), -EPERM) << "no such group in the session";
  EXPECT_EQ(t_->setpgid(3, 0, -1), -EINVAL);
  EXPECT_EQ(t_->setpgid(3, 99, 0), -ESRCH);
}

TEST_F(ProcTableTest, AZombieKeepsItsGroupUntilReaped) {
  spawn(2, kTaskmanPid);
  spawn(3, 2);  // a pipeline's first program, leading its group
  spawn(4, 2);  // the next one, to join that group
  ASSERT_EQ(t_->setpgid(2, 3, 0), 0);
  t_->find(3)->state = TmState::kZombie;  // it has already ended
  EXPECT_TRUE(t_->group_exists(3, t_->find(2)->sid));
  EXPECT_EQ(t_->setpgid(2, 4, 3), 0) << "the group still exists: its zombie is in it";
  EXPECT_EQ(t_->find(4)->pgid, 3);
}

TEST_F(ProcTableTest, SetsidMakesALeaderOnce) {
  spawn(2, kTaskmanPid);
  spawn(3, 2);
  EXPECT_EQ(t_->setsid(3), 3);
  EXPECT_EQ(t_->find(3)->sid, 3);
  EXPECT_EQ(t_->find(3)->pgid, 3);
  EXPECT_EQ(t_->setsid(3), -EPERM) << "a group leader cannot";
  EXPECT_EQ(t_->setpgid(3, 0, 0), -EPERM) << "a session leader keeps its group";
  spawn(4, 3);
  EXPECT_EQ(t_->find(4)->sid, 3) << "its children are in its session";
}

TEST_F(ProcTableTest, WaitidKindsIncludeGroupOne) {
  tTMprocess* init = spawn(2, kTaskmanPid);  // in taskman's group 1
  tTMprocess* c = spawn(3, 2);
  c->state = TmState::kZombie;
  bool has = false;
  EXPECT_EQ(t_->match_wait(2, WaitFor{kWaitPgid, 1}, kWaitExited, &has), c) << "group 1, which waitpid cannot name";
  EXPECT_EQ(t_->match_wait(2, WaitFor{kWaitPgid, 0}, kWaitExited, &has), c) << "the waiter's own group";
  EXPECT_EQ(t_->match_wait(2, WaitFor{kWaitPid, 3}, kWaitExited, &has), c);
  EXPECT_EQ(t_->match_wait(2, WaitFor{7, 3}, kWaitExited, &has), nullptr) << "an unknown idtype matches nothing";
  EXPECT_FALSE(has);
  (void)init;
}

TEST(WaitStatusTest, EncodingsMatchSysWait) {
  EXPECT_EQ(wait_status_exited(3), 0x300);
  EXPECT_EQ(wait_status_exited(256 + 7), 0x700) << "only the low 8 bits";
  EXPECT_EQ(wait_status_signaled(11), 11);
}

}  // namespace
}  // namespace taskman
