// taskman: QRV's process manager (procnto's role), an ordinary U-mode
// process: a static ET_EXEC in root slot 3 (0xC000_0000), which no other
// page table has, and the only process with QRV_FLG_PROC_TM_PRIV. It reaches
// kernel data only through syscall_tm_priv.
//
// Today it maps the boot image (its /proc/boot), lists it, and serves its
// well-known channel; the message types (spawn, wait, ...) come with the
// rest of the process-manager work, and until then every message is
// answered ENOSYS. main() never returns: returning would run exit(), which
// ends taskman's own threads (the seed story's pitfall).
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/neutrino.h>

#include "kernel/abi/tm_priv.h"
#include "taskman/imagefs.h"

namespace {

// Where taskman sees its boot image: the user half, away from its own image
// (root slot 3) and from the stacks.
constexpr uint64_t kBootImageVa = 0x0000001000000000ull;

int g_chid = -1;

// taskman's message loop: pulses are kernel notices (none are sent to it
// yet); every message gets ENOSYS until its type is built.
void* serve(void*) {
  for (;;) {
    union {
      struct _pulse pulse;
      uint8_t bytes[256];
    } msg;
    const int rcvid = MsgReceive_r(g_chid, &msg, sizeof msg, nullptr);
    if (rcvid > 0) MsgError_r(rcvid, ENOSYS);
  }
  return nullptr;
}

}  // namespace

int main() {
  printf("taskman: the process manager, in U-mode at %p\n", reinterpret_cast<void*>(&main));
  struct qrv_tm_boot_image_map req = {kBootImageVa, 0, 0, 0};
  const int r = syscall_tm_priv_r(__KER_TM_BOOT_IMAGE_MAP, &req);
  if (r != 0) {
    printf("taskman: cannot map the boot image: error %d\n", -r);
  } else {
    ImageFs fs;
    const char* why = fs.open(reinterpret_cast<const void*>(req.va + req.offset), req.size);
    if (why != nullptr) {
      printf("taskman: boot image refused: %s\n", why);
    } else {
      printf("taskman: /proc/boot: %u entries, %lu bytes\n", fs.entry_count(), req.size);
      fs.list([](const char* name, uint32_t mode, uint32_t size) {
        printf("taskman:   %06o %8u /proc/boot/%s\n", mode, size, name);
      });
    }
  }
  g_chid = ChannelCreate_r(_NTO_CHF_UNBLOCK | _NTO_CHF_DISCONNECT);
  pthread_t server;
  if (g_chid < 0 || pthread_create(&server, nullptr, serve, nullptr) != 0) {
    printf("taskman: cannot serve (channel %d)\n", g_chid);
    return 1;  // the kernel reports taskman's end and powers off
  }
  printf("taskman: serving channel %d\n", g_chid);
  pthread_exit(nullptr);
}
