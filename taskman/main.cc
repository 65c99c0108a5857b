// taskman: QRV's process manager (procnto's role), an ordinary U-mode
// process: a static ET_EXEC in root slot 3 (0xC000_0000), which no other
// page table has, and the only process with QRV_FLG_PROC_TM_PRIV. It reaches
// kernel data only through syscall_tm_priv.
//
// It maps the boot image (its /proc/boot) into its own slot 3, where a
// child's loader can read it too, starts /proc/boot/init if the image has
// one, and serves sys/procmsg.h on its channel (server.cc). main() never
// returns: returning would run exit(), which ends taskman's own threads (the
// seed story's pitfall).
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/neutrino.h>

#include "kernel/abi/tm_priv.h"
#include "taskman/imagefs.h"
#include "taskman/server.h"
#if defined(TASKMAN_SELFTEST)
#include "taskman/tm_priv_selftest.h"
#endif

namespace {

// Where taskman sees its boot image: inside its own slot 3 (0xC000_0000 -
// 0xFFFF_FFFF), above its image, so that the loader sees it through the
// taskman view; up to 512 MiB.
constexpr uint64_t kBootImageVa = 0xE0000000ull;

// Globals, not locals: they must lie in taskman's image (slot 3), which the
// loader reads from the child (main's stack is elsewhere).
ImageFs g_fs;
taskman::Server g_server;

void* serve(void*) { g_server.serve(); }

}  // namespace

int main() {
  printf("taskman: the process manager, in U-mode at %p\n", reinterpret_cast<void*>(&main));
  struct qrv_tm_boot_image_map req = {kBootImageVa, 0, 0, 0};
  const int r = syscall_tm_priv_r(__KER_TM_BOOT_IMAGE_MAP, &req);
  bool have_image = false;
  if (r != 0) {
    printf("taskman: cannot map the boot image: error %d\n", -r);
  } else {
    const char* why = g_fs.open(reinterpret_cast<const void*>(req.va + req.offset), req.size);
    if (why != nullptr) {
      printf("taskman: boot image refused: %s\n", why);
    } else {
      have_image = true;
      printf("taskman: /proc/boot: %u entries, %lu bytes\n", g_fs.entry_count(), req.size);
      g_fs.list([](const char* name, uint32_t mode, uint32_t size) {
        printf("taskman:   %06o %8u /proc/boot/%s\n", mode, size, name);
      });
    }
  }
  const int chid = ChannelCreate_r(_NTO_CHF_UNBLOCK | _NTO_CHF_DISCONNECT);
  if (chid < 0) {
    printf("taskman: cannot create its channel: error %d\n", -chid);
    return 1;  // the kernel reports taskman's end and powers off
  }
  if (const int e = g_server.init(&g_fs, chid); e != 0) {
    printf("taskman: cannot serve its paths: %s\n", strerror(-e));
    return 1;
  }
  // init's notices wait on the channel until the server thread runs.
  // Without init nothing would ever run: taskman ends and the kernel powers off.
  CpioEntry init;
  if (g_fs.find("init", &init) == nullptr) {
    printf("taskman: no /proc/boot/init to start: shutting down\n");
    return have_image ? 0 : 1;  // an image without init is a choice; a broken one is not
  } else if (const int pid = g_server.spawn_boot_program("init"); pid < 0) {
    printf("taskman: cannot start /proc/boot/init: %s: shutting down\n", strerror(-pid));
    return 1;
  } else {
#if defined(TASKMAN_SELFTEST)
    tm_priv_selftest(pid, chid);
#endif
  }
  // Said before the server thread starts: init's first line needs its
  // answers, so this line always comes first (at 4 harts it could not).
  printf("taskman: serving channel %d\n", chid);
  pthread_t server;
  if (pthread_create(&server, nullptr, serve, nullptr) != 0) {
    printf("taskman: cannot start its server thread\n");
    return 1;
  }
  pthread_exit(nullptr);
}
