// One user fault per process, chosen by argv[0]: the kernel must kill the
// program with a report and go on. The kernel test checks each cause.
#include <stdint.h>
#include <string.h>

namespace {
// Recurses until the stack runs out (the depth bound is far beyond the
// 256 KiB stack, and keeps the compiler from calling it infinite).
__attribute__((noinline)) int recurse(volatile char* prev, uint64_t depth) {
  volatile char frame[1024];
  frame[0] = prev != nullptr ? prev[0] : 1;
  if (depth == 0) return frame[0];
  return recurse(frame, depth - 1) + frame[1];
}

uint64_t hide(uint64_t v) {
  asm("" : "+r"(v));  // keep the compiler from reasoning about the address
  return v;
}

uint32_t g_data[4] = {0x00000013, 0x00008067, 0, 0};  // "nop; ret" in a data page
}  // namespace

int main(int, char** argv) {
  const char* kind = argv[0];
  if (strcmp(kind, "fault_illegal") == 0) {
    asm volatile(".4byte 0xffffffff");
  } else if (strcmp(kind, "fault_misaligned") == 0) {
    uint32_t word[2] = {0, 0};
    volatile uint32_t* odd = reinterpret_cast<volatile uint32_t*>(hide(reinterpret_cast<uint64_t>(word) + 1));
    uint32_t out;
    asm volatile("amoadd.w %0, %1, (%2)" : "=r"(out) : "r"(1), "r"(odd) : "memory");
  } else if (strcmp(kind, "fault_stack") == 0) {
    recurse(nullptr, 1u << 30);
  } else if (strcmp(kind, "fault_exec_data") == 0) {
    reinterpret_cast<void (*)()>(hide(reinterpret_cast<uint64_t>(g_data)))();
  } else if (strcmp(kind, "fault_kernel_read") == 0) {
    return static_cast<int>(*reinterpret_cast<volatile uint64_t*>(hide(0xffffffc080200000ul)));
  } else if (strcmp(kind, "fault_taskman_read") == 0) {  // taskman's image lives there, in its page table only
    return static_cast<int>(*reinterpret_cast<volatile uint64_t*>(hide(0xc0000000ul)));
  }
  return 42;  // unknown kind: exits normally, which the kernel test rejects
}
