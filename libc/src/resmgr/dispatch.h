// The inside of a dispatch (sys/resmgr.h): the attachments a server made and
// the bindings of its clients' connections to OCBs. One connection (a client
// fd) holds at most one OCB; dup and spawn inheritance make several
// connections share one (its refs), as POSIX wants dup'd descriptors to
// share an offset.
#pragma once

#include <stdint.h>

#define QRV_LIBC_RESMGR_IMPL 1  // sys/resmgr.h: the types, not the C declarations
#include "libc/include/sys/resmgr.h"

namespace qrv::libc {

inline constexpr uint32_t kMaxAttachments = 16;
inline constexpr size_t kResmgrMsgMax = sizeof(struct _io_connect) + 2 * _IO_PATH_MAX + 64;

struct Attachment {
  bool used = false;
  bool registered = false;  // told taskman (detach tells it too)
  const resmgr_connect_funcs_t* connect = nullptr;
  const resmgr_io_funcs_t* io = nullptr;
  void* handle = nullptr;
  char* path = nullptr;  // malloc'd, when registered
};

struct Binding {
  int32_t scoid;
  int32_t pid;  // the client and its coid: what an _IO_DUP names
  int32_t coid;
  iofunc_ocb_t* ocb;
  const resmgr_io_funcs_t* io;  // of the attachment it was opened through
};

// The question an _IO_DUP from another process asks: whose child being
// loaded is pid? The parent's pid, or -errno (-EPERM once it runs). Ordinary servers ask taskman; taskman answers
// itself (it cannot send to itself).
using ParentOf = int (*)(int32_t pid);

}  // namespace qrv::libc

struct _dispatch {
  int chid = 0;
  qrv::libc::Attachment attach[qrv::libc::kMaxAttachments];
  qrv::libc::Binding* bindings = nullptr;
  uint32_t nbindings = 0;
  uint32_t cap_bindings = 0;
  qrv::libc::ParentOf parent_of = nullptr;
};

namespace qrv::libc {

dispatch_t* dispatch_create();
dispatch_t* dispatch_create_channel(int chid);
int dispatch_chid(const dispatch_t* dpp);
void dispatch_set_parent_of(dispatch_t* dpp, ParentOf parent_of);
int resmgr_attach(dispatch_t* dpp, const char* path, unsigned flags, const resmgr_connect_funcs_t* connect_funcs,
                  const resmgr_io_funcs_t* io_funcs, void* handle);
int resmgr_detach(dispatch_t* dpp, int id);
resmgr_context_t* resmgr_context_alloc(dispatch_t* dpp);
int resmgr_block(resmgr_context_t* ctp);
int resmgr_handler(resmgr_context_t* ctp);
int resmgr_run(dispatch_t* dpp);
long resmgr_msgread(resmgr_context_t* ctp, void* buf, size_t bytes, size_t offset);
iofunc_ocb_t* resmgr_ocb_of(resmgr_context_t* ctp, int coid);
int resmgr_dirent_add(void* buf, size_t cap, size_t* used, uint64_t ino, const char* name);
void iofunc_attr_init(iofunc_attr_t* attr, uint32_t mode);
int iofunc_open_default(resmgr_context_t* ctp, const struct _io_connect* msg, const char* path, void* handle,
                        iofunc_ocb_t** ocb);
int iofunc_stat_default(resmgr_context_t* ctp, const struct _io_hdr* msg, iofunc_ocb_t* ocb);
int iofunc_lseek_default(resmgr_context_t* ctp, const struct _io_lseek* msg, iofunc_ocb_t* ocb);
void iofunc_close_ocb_default(resmgr_context_t* ctp, iofunc_ocb_t* ocb);

// The connections bound now (tests and leak checks).
uint32_t resmgr_bindings(const dispatch_t* dpp);

}  // namespace qrv::libc
