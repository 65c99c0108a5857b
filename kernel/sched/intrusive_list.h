// Intrusive doubly-linked list: the node lives inside the listed object, so
// linking never allocates. O(1) push_back/push_front/remove/pop_front.
// Invariant: a node is on at most one list per tag; linking a linked node or
// unlinking an unlinked one is a kernel bug and panics (checked always: one compare).
#pragma once

#include <cstddef>

#include "kernel/lib/panic.h"

// Default tag for objects that sit on a single kind of list.
struct DefaultListTag {};

// Embedded link. An object that must sit on two lists at once derives from
// ListNode<TagA> and ListNode<TagB>. Unlinked means next_ == nullptr.
// Links are identity, not value: copying an object gives an unlinked node,
// and assigning to a linked object leaves it where it is.
template <typename Tag = DefaultListTag>
struct ListNode {
  constexpr ListNode() = default;
  constexpr ListNode(const ListNode&) {}
  constexpr ListNode& operator=(const ListNode&) { return *this; }

  ListNode* prev_ = nullptr;
  ListNode* next_ = nullptr;

  constexpr bool linked() const { return next_ != nullptr; }
};

// A circular list around a sentinel head. T must derive from ListNode<Tag>.
// Not copyable or movable: nodes point at the sentinel.
template <typename T, typename Tag = DefaultListTag>
class IntrusiveList {
 public:
  using Node = ListNode<Tag>;

  constexpr IntrusiveList() { head_.prev_ = head_.next_ = &head_; }
  IntrusiveList(const IntrusiveList&) = delete;
  IntrusiveList& operator=(const IntrusiveList&) = delete;

  constexpr bool empty() const { return head_.next_ == &head_; }
  constexpr size_t size() const { return size_; }

  T* front() const { return empty() ? nullptr : owner(head_.next_); }
  T* back() const { return empty() ? nullptr : owner(head_.prev_); }

  void push_back(T& item) { insert_before(&head_, node_of(item)); }
  void push_front(T& item) { insert_before(head_.next_, node_of(item)); }

  // Unlinks item, which must be on this list (O(1): the list is not searched).
  void remove(T& item) {
    Node* n = node_of(item);
    if (!n->linked()) {
      kpanic("intrusive_list: remove of unlinked node %p", static_cast<void*>(n));
    }
    if (size_ == 0) {
      kpanic("intrusive_list: remove of node %p from an empty list", static_cast<void*>(n));
    }
    n->prev_->next_ = n->next_;
    n->next_->prev_ = n->prev_;
    n->prev_ = n->next_ = nullptr;
    --size_;
  }

  // Unlinks and returns the first item, or nullptr if the list is empty.
  T* pop_front() {
    T* item = front();
    if (item != nullptr) {
      remove(*item);
    }
    return item;
  }

  // Links `item` just before `pos`, which must be on this list.
  void link_before(T& pos, T& item) { insert_before(node_of(pos), node_of(item)); }

  // The item before `item` on this list, or nullptr at the front.
  T* prev(const T& item) const {
    const Node* n = static_cast<const Node*>(&item);
    return n->prev_ == &head_ ? nullptr : owner(n->prev_);
  }

  // The item after `item` on this list, or nullptr at the end.
  T* next(const T& item) const {
    const Node* n = static_cast<const Node*>(&item);
    return n->next_ == &head_ ? nullptr : owner(n->next_);
  }

 private:
  static Node* node_of(T& item) { return static_cast<Node*>(&item); }
  static T* owner(Node* n) { return static_cast<T*>(n); }

  void insert_before(Node* at, Node* n) {
    if (n->linked()) {
      kpanic("intrusive_list: node %p is already linked", static_cast<void*>(n));
    }
    n->next_ = at;
    n->prev_ = at->prev_;
    at->prev_->next_ = n;
    at->prev_ = n;
    ++size_;
  }

  Node head_;
  size_t size_ = 0;
};
