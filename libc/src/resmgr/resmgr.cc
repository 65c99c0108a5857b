// The resource-manager library's message layer (sys/resmgr.h): attachments,
// the receive loop, and the checks every message passes before a handler
// sees it. A handler may trust the sizes and terminators of its message and
// the access mode of its OCB; nothing a client sends can make the library
// read past what was received or use an OCB it does not hold.
#include "libc/src/resmgr/dispatch.h"

#include "kernel/abi/errno.h"
#include "libc/include/sys/procmsg.h"
#include "libc/src/common/entrypoint.h"
#include "libc/src/common/errno.h"
#include "libc/src/malloc/malloc_api.h"
#include "libc/src/neutrino/neutrino_api.h"
#include "libc/src/neutrino/taskman_link.h"
#include "libc/src/string/string_api.h"

namespace qrv::libc {
namespace {

constexpr uint32_t kAccessMode = 03;  // O_ACCMODE: O_RDONLY 0, O_WRONLY 1, O_RDWR 2
constexpr uint32_t kWriteOnly = 01;
constexpr uint32_t kReadWrite = 02;

constexpr uint32_t kAppend = 02000, kNonblock = 04000;  // O_APPEND, O_NONBLOCK

bool can_read(const iofunc_ocb_t* ocb) {
  const uint32_t m = ocb->ioflag & kAccessMode;
  return m == 0 || m == kReadWrite;
}
bool can_write(const iofunc_ocb_t* ocb) {
  const uint32_t m = ocb->ioflag & kAccessMode;
  return m == kWriteOnly || m == kReadWrite;
}

int parent_from_taskman(int32_t pid) {
  struct _proc_ids m = {{_PROC_GETIDS, 0, sizeof m}, pid, 0};
  struct _proc_ids_reply r = {};
  const long e = taskman_send(&m, sizeof m, &r, sizeof r);
  if (e < 0) return static_cast<int>(e);
  // Only a child being loaded takes its parent's descriptors (the loader
  // does it): later, a close-on-exec fd would be anyone's for the asking.
  return (r.flags & _PROC_IDS_LOADING) != 0 ? r.ppid : -QRV_EPERM;
}

Binding* find_binding(dispatch_t* d, int32_t scoid) {
  for (uint32_t i = 0; i < d->nbindings; ++i) {
    if (d->bindings[i].scoid == scoid) return &d->bindings[i];
  }
  return nullptr;
}

// The server's close_ocb, or the default.
void close_ocb(resmgr_context_t* ctp, const resmgr_io_funcs_t* io, iofunc_ocb_t* ocb) {
  if (io != nullptr && io->close_ocb != nullptr) {
    io->close_ocb(ctp, ocb);
  } else {
    iofunc_close_ocb_default(ctp, ocb);
  }
}

// Drops the binding of scoid, closing its OCB with the last one.
void unbind(resmgr_context_t* ctp, int32_t scoid) {
  dispatch_t* d = ctp->dpp;
  Binding* b = find_binding(d, scoid);
  if (b == nullptr) return;
  const Binding gone = *b;
  *b = d->bindings[--d->nbindings];
  if (--gone.ocb->refs == 0) close_ocb(ctp, gone.io, gone.ocb);
}

// Binds the sender's connection to ocb (replacing a stale binding of a
// connection id the kernel has reused). 0 or an errno.
int bind(resmgr_context_t* ctp, iofunc_ocb_t* ocb, const resmgr_io_funcs_t* io) {
  dispatch_t* d = ctp->dpp;
  unbind(ctp, ctp->info.scoid);
  if (d->nbindings == d->cap_bindings) {
    const uint32_t cap = d->cap_bindings == 0 ? 16 : 2 * d->cap_bindings;
    void* grown = realloc(d->bindings, cap * sizeof(Binding));
    if (grown == nullptr) return QRV_ENOMEM;
    d->bindings = static_cast<Binding*>(grown);
    d->cap_bindings = cap;
  }
  d->bindings[d->nbindings++] = Binding{ctp->info.scoid, ctp->info.pid, ctp->info.coid, ocb, io};
  ocb->refs++;
  return 0;
}

// Whether s[0..len) is a string of exactly len - 1 characters and its NUL.
bool terminated(const char* s, uint32_t len) { return len != 0 && s[len - 1] == '\0' && strlen(s) == len - 1; }

int do_connect(resmgr_context_t* ctp, const struct _io_connect* m) {
  dispatch_t* d = ctp->dpp;
  if (m->path_len > _IO_PATH_MAX || m->extra_len > _IO_PATH_MAX) return QRV_ENAMETOOLONG;
  if (m->hdr.size != sizeof *m + m->path_len + m->extra_len) return QRV_EINVAL;
  const char* path = reinterpret_cast<const char*>(m + 1);
  const char* extra = path + m->path_len;
  if (!terminated(path, m->path_len)) return QRV_EINVAL;
  if (m->extra_len != 0 && !terminated(extra, m->extra_len)) return QRV_EINVAL;
  if (m->handle >= kMaxAttachments || !d->attach[m->handle].used) return QRV_ENOENT;  // detached since
  const Attachment& a = d->attach[m->handle];
  const resmgr_connect_funcs_t* c = a.connect;
  switch (m->hdr.subtype) {
    case _IO_CONNECT_OPEN: {
      iofunc_ocb_t* ocb = nullptr;
      const int r = (c != nullptr && c->open != nullptr) ? c->open(ctp, m, path, a.handle, &ocb)
                                                         : iofunc_open_default(ctp, m, path, a.handle, &ocb);
      if (r != 0 || ocb == nullptr) return r != 0 ? r : QRV_EIO;
      ocb->ioflag = m->ioflag;
      ocb->refs = 0;
      if (const int e = bind(ctp, ocb, a.io); e != 0) {  // no memory: the open is undone
        close_ocb(ctp, a.io, ocb);
        return e;
      }
      return 0;
    }
    case _IO_CONNECT_UNLINK:
      return c != nullptr && c->unlink != nullptr ? c->unlink(ctp, m, path, a.handle) : QRV_ENOSYS;
    case _IO_CONNECT_MKDIR:
      return c != nullptr && c->mkdir != nullptr ? c->mkdir(ctp, m, path, a.handle) : QRV_ENOSYS;
    case _IO_CONNECT_RENAME:
      if (m->extra_len == 0) return QRV_EINVAL;
      return c != nullptr && c->rename != nullptr ? c->rename(ctp, m, path, extra, a.handle) : QRV_ENOSYS;
    default:
      return QRV_ENOSYS;
  }
}

int do_dup(resmgr_context_t* ctp, const struct _io_dup* m) {
  dispatch_t* d = ctp->dpp;
  const int32_t src_pid = m->src_pid == 0 ? ctp->info.pid : m->src_pid;
  Binding* src = nullptr;
  for (uint32_t i = 0; i < d->nbindings; ++i) {
    if (d->bindings[i].pid == src_pid && d->bindings[i].coid == m->src_coid) src = &d->bindings[i];
  }
  if (src == nullptr || src->scoid == ctp->info.scoid) return QRV_EBADF;
  if (src_pid != ctp->info.pid) {  // inheritance: only by a child of the holder
    const int parent = (d->parent_of != nullptr ? d->parent_of : parent_from_taskman)(ctp->info.pid);
    if (parent != src_pid) return QRV_EPERM;
  }
  const Binding copy = *src;  // bind() may move the array
  return bind(ctp, copy.ocb, copy.io);
}

// Runs an I/O handler at `offset` instead of the OCB's (pread, pwrite),
// leaving the OCB's where it was.
template <typename Handler>
int with_offset(iofunc_ocb_t* ocb, uint16_t xtype, uint64_t offset, Handler&& handler) {
  if (xtype != _IO_XTYPE_OFFSET) return handler();
  const uint64_t saved = ocb->offset;
  ocb->offset = offset;
  const int r = handler();
  ocb->offset = saved;
  return r;
}

// fcntl's F_GETFL and F_SETFL, on the OCB (shared by its dups, as POSIX says).
int flags_devctl(resmgr_context_t* ctp, const struct _io_devctl* m, iofunc_ocb_t* ocb) {
  static_assert(sizeof(struct _io_devctl_reply) <= sizeof ctp->scratch, "the reply fits the context");
  auto* r = reinterpret_cast<struct _io_devctl_reply*>(ctp->scratch);
  if (m->dcmd == _IO_DCMD_SETFLAGS) {
    uint32_t flags = 0;
    if (m->nbytes != sizeof flags || ctp->msg_len < sizeof *m + sizeof flags) return QRV_EINVAL;
    memcpy(&flags, m + 1, sizeof flags);
    constexpr uint32_t kSettable = kAppend | kNonblock;
    ocb->ioflag = (ocb->ioflag & ~kSettable) | (flags & kSettable);
  }
  *r = {static_cast<int32_t>(ocb->ioflag), 0};
  ctp->iov[0] = iov_t{r, sizeof *r};
  return _RESMGR_NPARTS(1);
}

// An I/O message on a bound connection. `size` was checked against the
// kernel's count; each type checks its own layout.
int do_io(resmgr_context_t* ctp, const struct _io_hdr* h) {
  Binding* b = find_binding(ctp->dpp, ctp->info.scoid);
  if (b == nullptr) return QRV_EBADF;
  iofunc_ocb_t* ocb = b->ocb;
  const resmgr_io_funcs_t* io = b->io;
  const auto sized = [&](size_t n) { return h->size == n && ctp->msg_len >= n; };
  switch (h->type) {
    case _IO_READ: {
      const auto* m = static_cast<const struct _io_read*>(ctp->msg);
      if (!sized(sizeof *m) || m->hdr.subtype > _IO_XTYPE_OFFSET) return QRV_EINVAL;
      if (!can_read(ocb)) return QRV_EBADF;
      if (io == nullptr || io->read == nullptr) return QRV_ENOSYS;
      return with_offset(ocb, m->hdr.subtype, m->offset, [&] { return io->read(ctp, m, ocb); });
    }
    case _IO_WRITE: {
      const auto* m = static_cast<const struct _io_write*>(ctp->msg);
      if (h->size < sizeof *m || ctp->msg_len < sizeof *m || m->nbytes != h->size - sizeof *m ||
          m->hdr.subtype > _IO_XTYPE_OFFSET) {
        return QRV_EINVAL;
      }
      if (!can_write(ocb)) return QRV_EBADF;
      if (io == nullptr || io->write == nullptr) return QRV_ENOSYS;
      if (m->hdr.subtype == 0 && (ocb->ioflag & kAppend) != 0 && ocb->attr != nullptr) ocb->offset = ocb->attr->size;
      return with_offset(ocb, m->hdr.subtype, m->offset, [&] { return io->write(ctp, m, ocb); });
    }
    case _IO_CLOSE:
      if (!sized(sizeof *h)) return QRV_EINVAL;
      unbind(ctp, ctp->info.scoid);
      return 0;
    case _IO_STAT:
      if (!sized(sizeof *h)) return QRV_EINVAL;
      return io != nullptr && io->stat != nullptr ? io->stat(ctp, h, ocb) : iofunc_stat_default(ctp, h, ocb);
    case _IO_LSEEK: {
      if (!sized(sizeof(struct _io_lseek))) return QRV_EINVAL;
      const auto* m = static_cast<const struct _io_lseek*>(ctp->msg);
      return io != nullptr && io->lseek != nullptr ? io->lseek(ctp, m, ocb) : iofunc_lseek_default(ctp, m, ocb);
    }
    case _IO_DEVCTL: {
      const auto* m = static_cast<const struct _io_devctl*>(ctp->msg);
      if (h->size < sizeof *m || ctp->msg_len < sizeof *m || m->nbytes != h->size - sizeof *m) return QRV_EINVAL;
      if (m->dcmd == _IO_DCMD_GETFLAGS || m->dcmd == _IO_DCMD_SETFLAGS) return flags_devctl(ctp, m, ocb);
      return io != nullptr && io->devctl != nullptr ? io->devctl(ctp, m, ocb) : QRV_ENOTTY;
    }
    default:
      return QRV_ENOSYS;
  }
}

void reply(resmgr_context_t* ctp, int r) {
  if (r == _RESMGR_NOREPLY) return;
  if (r > 0) {
    (void)MsgError_r(ctp->rcvid, r);
  } else if (r == 0) {
    (void)MsgReplyv_r(ctp->rcvid, ctp->status, nullptr, 0);
  } else {
    const long parts = -static_cast<long>(r) > _RESMGR_IOV_MAX ? _RESMGR_IOV_MAX : -static_cast<long>(r);
    (void)MsgReplyv_r(ctp->rcvid, ctp->status, ctp->iov, parts);
  }
}

}  // namespace

QRV_LIBC_FN(dispatch_t*, dispatch_create_channel, (int chid)) {
  void* mem = malloc(sizeof(dispatch_t));
  if (mem == nullptr) {
    set_errno(QRV_ENOMEM);
    return nullptr;
  }
  auto* d = static_cast<dispatch_t*>(mem);
  memset(d, 0, sizeof *d);  // every member's default is zero
  d->chid = chid;
  return d;
}

QRV_LIBC_FN(dispatch_t*, dispatch_create, ()) {
  const int chid = ChannelCreate_r(QRV_NTO_CHF_DISCONNECT | QRV_NTO_CHF_UNBLOCK);
  if (chid < 0) {
    set_errno(-chid);
    return nullptr;
  }
  dispatch_t* d = dispatch_create_channel(chid);
  if (d == nullptr) (void)ChannelDestroy_r(chid);
  return d;
}

QRV_LIBC_FN(int, dispatch_chid, (const dispatch_t* dpp)) { return dpp->chid; }

QRV_LIBC_FN(void, dispatch_set_parent_of, (dispatch_t* dpp, ParentOf parent_of)) { dpp->parent_of = parent_of; }

QRV_LIBC_FN(int, resmgr_attach,
            (dispatch_t* dpp, const char* path, unsigned flags, const resmgr_connect_funcs_t* connect_funcs,
             const resmgr_io_funcs_t* io_funcs, void* handle)) {
  uint32_t id = 0;
  while (id < kMaxAttachments && dpp->attach[id].used) ++id;
  if (id == kMaxAttachments) {
    set_errno(QRV_EAGAIN);
    return -1;
  }
  Attachment a;
  a.used = true;
  a.connect = connect_funcs;
  a.io = io_funcs;
  a.handle = handle;
  if (path != nullptr) {
    const size_t len = strlen(path) + 1;
    if (len > _PROC_PATH_MAX) {
      set_errno(QRV_ENAMETOOLONG);
      return -1;
    }
    struct _proc_path m = {{_PROC_PATH_ATTACH, 0, static_cast<uint32_t>(sizeof m + len)},
                           dpp->chid,
                           flags,
                           id,
                           static_cast<uint32_t>(len)};
    const iov_t parts[2] = {{&m, sizeof m}, {const_cast<char*>(path), len}};
    a.path = strdup(path);
    if (a.path == nullptr) {
      set_errno(QRV_ENOMEM);
      return -1;
    }
    const long r = taskman_sendv(parts, 2, nullptr, 0);
    if (r < 0) {
      free(a.path);
      set_errno(static_cast<int>(-r));
      return -1;
    }
    a.registered = true;
  }
  dpp->attach[id] = a;
  return static_cast<int>(id);
}

QRV_LIBC_FN(int, resmgr_detach, (dispatch_t* dpp, int id)) {
  if (id < 0 || static_cast<uint32_t>(id) >= kMaxAttachments || !dpp->attach[id].used) {
    set_errno(QRV_EINVAL);
    return -1;
  }
  Attachment& a = dpp->attach[id];
  long r = 0;
  if (a.registered) {
    const size_t len = strlen(a.path) + 1;
    struct _proc_path m = {{_PROC_PATH_DETACH, 0, static_cast<uint32_t>(sizeof m + len)}, 0, 0, 0,
                           static_cast<uint32_t>(len)};
    const iov_t parts[2] = {{&m, sizeof m}, {a.path, len}};
    r = taskman_sendv(parts, 2, nullptr, 0);
  }
  free(a.path);
  a = Attachment{};  // open OCBs keep their io table: it is the server's, not ours
  return static_cast<int>(from_kernel_result(r < 0 ? r : 0));
}

QRV_LIBC_FN(resmgr_context_t*, resmgr_context_alloc, (dispatch_t* dpp)) {
  void* mem = malloc(sizeof(resmgr_context_t) + kResmgrMsgMax);
  if (mem == nullptr) {
    set_errno(QRV_ENOMEM);
    return nullptr;
  }
  auto* ctp = static_cast<resmgr_context_t*>(mem);
  memset(ctp, 0, sizeof *ctp);
  ctp->dpp = dpp;
  ctp->msg = ctp + 1;
  return ctp;
}

QRV_LIBC_FN(int, resmgr_block, (resmgr_context_t* ctp)) {
  const int r = MsgReceive_r(ctp->dpp->chid, ctp->msg, kResmgrMsgMax, &ctp->info);
  if (r < 0) {
    set_errno(-r);
    return -1;
  }
  ctp->rcvid = r;
  ctp->msg_len = r == 0 ? sizeof(struct _pulse)
                        : (ctp->info.msglen < static_cast<int64_t>(kResmgrMsgMax) ? static_cast<size_t>(ctp->info.msglen)
                                                                                  : kResmgrMsgMax);
  return 0;
}

QRV_LIBC_FN(int, resmgr_handler, (resmgr_context_t* ctp)) {
  if (ctp->rcvid == 0) {
    const auto* p = static_cast<const struct _pulse*>(ctp->msg);
    if (p->code != QRV_PULSE_CODE_DISCONNECT) return -1;
    unbind(ctp, p->scoid);
    return 0;
  }
  const auto* h = static_cast<const struct _io_hdr*>(ctp->msg);
  if (ctp->msg_len < sizeof *h || h->type < _IO_BASE || h->type > _IO_MAX) return -1;
  ctp->status = 0;
  int r;
  if (static_cast<int64_t>(h->size) != ctp->info.srcmsglen) {
    r = QRV_EINVAL;  // the header must say what was sent
  } else if (h->type == _IO_CONNECT) {
    r = h->size < sizeof(struct _io_connect) || ctp->msg_len < h->size
            ? QRV_EINVAL
            : do_connect(ctp, static_cast<const struct _io_connect*>(ctp->msg));
  } else if (h->type == _IO_DUP) {
    r = h->size != sizeof(struct _io_dup) || ctp->msg_len < h->size
            ? QRV_EINVAL
            : do_dup(ctp, static_cast<const struct _io_dup*>(ctp->msg));
  } else {
    r = do_io(ctp, h);
  }
  reply(ctp, r);
  return 0;
}

QRV_LIBC_FN(int, resmgr_run, (dispatch_t* dpp)) {
  resmgr_context_t* ctp = resmgr_context_alloc(dpp);
  if (ctp == nullptr) return -1;
  for (;;) {
    if (resmgr_block(ctp) != 0) {
      if (get_errno() == QRV_EINTR) continue;
      free(ctp);
      return -1;
    }
    if (resmgr_handler(ctp) != 0 && ctp->rcvid > 0) (void)MsgError_r(ctp->rcvid, QRV_ENOSYS);
  }
}

QRV_LIBC_FN(long, resmgr_msgread, (resmgr_context_t* ctp, void* buf, size_t bytes, size_t offset)) {
  return from_kernel_result(MsgRead_r(ctp->rcvid, buf, bytes, offset));
}

QRV_LIBC_FN(iofunc_ocb_t*, resmgr_ocb_of, (resmgr_context_t * ctp, int coid)) {
  const dispatch_t* d = ctp->dpp;
  for (uint32_t i = 0; i < d->nbindings; ++i) {
    if (d->bindings[i].pid == ctp->info.pid && d->bindings[i].coid == coid) return d->bindings[i].ocb;
  }
  return nullptr;
}

uint32_t resmgr_bindings(const dispatch_t* dpp) { return dpp->nbindings; }

}  // namespace qrv::libc
