// IntrusiveList: order, O(1) removal from any position, and the panics on
// double linking and on removing an unlinked node.
#include "kernel/sched/intrusive_list.h"

#include <gtest/gtest.h>

#include <vector>

namespace {

struct Item : ListNode<> {
  explicit Item(int v) : value_(v) {}
  int value_;
};

struct OtherTag {};
struct TwoLists : ListNode<>, ListNode<OtherTag> {
  int value_ = 0;
};

std::vector<int> values(const IntrusiveList<Item>& list) {
  std::vector<int> out;
  for (Item* i = list.front(); i != nullptr; i = list.next(*i)) {
    out.push_back(i->value_);
  }
  return out;
}

TEST(IntrusiveListTest, StartsEmpty) {
  IntrusiveList<Item> list;
  EXPECT_TRUE(list.empty());
  EXPECT_EQ(list.size(), 0u);
  EXPECT_EQ(list.front(), nullptr);
  EXPECT_EQ(list.back(), nullptr);
  EXPECT_EQ(list.pop_front(), nullptr);
}

TEST(IntrusiveListTest, PushBackAndFrontKeepOrder) {
  Item a(1), b(2), c(3), d(4);
  IntrusiveList<Item> list;
  list.push_back(b);
  list.push_back(c);
  list.push_front(a);
  list.push_back(d);
  EXPECT_EQ(values(list), (std::vector<int>{1, 2, 3, 4}));
  EXPECT_EQ(list.size(), 4u);
  EXPECT_EQ(list.front(), &a);
  EXPECT_EQ(list.back(), &d);
  EXPECT_TRUE(a.linked());
}

TEST(IntrusiveListTest, RemoveFromAnyPosition) {
  Item a(1), b(2), c(3), d(4);
  IntrusiveList<Item> list;
  for (Item* i : {&a, &b, &c, &d}) {
    list.push_back(*i);
  }
  list.remove(c);  // middle
  EXPECT_FALSE(c.linked());
  EXPECT_EQ(values(list), (std::vector<int>{1, 2, 4}));
  list.remove(a);  // head
  EXPECT_EQ(values(list), (std::vector<int>{2, 4}));
  list.remove(d);  // tail
  EXPECT_EQ(values(list), (std::vector<int>{2}));
  list.remove(b);  // last
  EXPECT_TRUE(list.empty());
  EXPECT_EQ(list.size(), 0u);
}

TEST(IntrusiveListTest, LinkBeforeAndPrevWalkBothWays) {
  Item a(1), b(2), c(3);
  IntrusiveList<Item> list;
  list.push_back(a);
  list.push_back(c);
  list.link_before(c, b);
  EXPECT_EQ(values(list), (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(list.size(), 3u);
  EXPECT_EQ(list.prev(c), &b);
  EXPECT_EQ(list.prev(b), &a);
  EXPECT_EQ(list.prev(a), nullptr);
}

TEST(IntrusiveListTest, PopFrontUnlinks) {
  Item a(1), b(2);
  IntrusiveList<Item> list;
  list.push_back(a);
  list.push_back(b);
  EXPECT_EQ(list.pop_front(), &a);
  EXPECT_FALSE(a.linked());
  EXPECT_EQ(list.pop_front(), &b);
  EXPECT_EQ(list.pop_front(), nullptr);
  // An unlinked node can be linked again.
  list.push_front(a);
  EXPECT_EQ(values(list), (std::vector<int>{1}));
}

TEST(IntrusiveListTest, TagsLetAnObjectSitOnTwoLists) {
  TwoLists x;
  IntrusiveList<TwoLists> first;
  IntrusiveList<TwoLists, OtherTag> second;
  first.push_back(x);
  second.push_back(x);
  EXPECT_EQ(first.front(), &x);
  EXPECT_EQ(second.front(), &x);
  first.remove(x);
  EXPECT_TRUE(first.empty());
  EXPECT_EQ(second.front(), &x);
}

TEST(IntrusiveListTest, CopiesAreUnlinkedAndAssignmentKeepsLinks) {
  Item a(1), b(2);
  IntrusiveList<Item> list;
  list.push_back(a);
  list.push_back(b);
  Item copy = a;
  EXPECT_FALSE(copy.linked());
  EXPECT_EQ(copy.value_, 1);
  a = Item(7);  // a keeps its place; only its value changes
  EXPECT_TRUE(a.linked());
  EXPECT_EQ(values(list), (std::vector<int>{7, 2}));
  list.push_back(copy);  // the copy is an independent node
  EXPECT_EQ(values(list), (std::vector<int>{7, 2, 1}));
}

using IntrusiveListDeathTest = ::testing::Test;

TEST_F(IntrusiveListDeathTest, LinkingALinkedNodePanics) {
  Item a(1);
  IntrusiveList<Item> list;
  list.push_back(a);
  EXPECT_DEATH(list.push_back(a), "already linked");
  EXPECT_DEATH(list.push_front(a), "already linked");
  IntrusiveList<Item> other;
  EXPECT_DEATH(other.push_back(a), "already linked");
}

TEST_F(IntrusiveListDeathTest, RemovingAnUnlinkedNodePanics) {
  Item a(1), b(2);
  IntrusiveList<Item> list;
  EXPECT_DEATH(list.remove(a), "remove of unlinked node");
  list.push_back(b);
  EXPECT_DEATH(list.remove(a), "remove of unlinked node");
  IntrusiveList<Item> empty;
  EXPECT_DEATH(empty.remove(b), "empty list");
}

}  // namespace
