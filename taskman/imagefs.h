// The boot image as taskman's /proc/boot: the CPIO archive the kernel
// mapped read-only into taskman, read with the bounds-checked reader of
// kernel/lib/cpio (the archive is untrusted input to taskman too).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "kernel/lib/cpio.h"

class ImageFs {
 public:
  // nullptr, or why the archive was refused.
  const char* open(const void* data, size_t size) {
    CpioOr<Cpio> c = Cpio::open(data, size);
    if (!c.ok()) return cpio_status_name(c.status);
    cpio_ = c.value;
    open_ = true;
    return nullptr;
  }

  // The regular file `name` (normalized, as list() gives it), or nullptr.
  const CpioEntry* find(const char* name, CpioEntry* out) const {
    if (!open_) return nullptr;
    CpioOr<CpioEntry> e = cpio_.find(name);
    if (!e.ok()) return nullptr;
    *out = e.value;
    return out;
  }

  uint32_t entry_count() const { return open_ ? cpio_.entry_count() : 0; }

  // The index'th entry in archive order and its name as list() gives it;
  // false past the last.
  bool at(uint32_t index, CpioEntry* out, const char** name) const {
    if (!open_) return false;
    uint32_t i = 0;
    bool found = false;
    (void)cpio_.for_each([&](const CpioEntry& e) {
      if (i++ != index) return true;
      *out = e;
      size_t len = e.name_len;
      *name = e.name;
      Cpio::normalize(name, &len);
      found = true;
      return false;
    });
    return found;
  }

  // visit(name, mode, size) for every entry, its name without "./" or "/".
  template <typename Visit>
  void list(Visit&& visit) const {
    if (!open_) return;
    (void)cpio_.for_each([&](const CpioEntry& e) {
      const char* name = e.name;
      size_t len = e.name_len;
      Cpio::normalize(&name, &len);
      visit(name, e.mode, e.size);
      return true;
    });
  }

 private:
  Cpio cpio_;
  bool open_ = false;
};
