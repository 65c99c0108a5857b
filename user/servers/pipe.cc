// pipe: the pipe manager behind pipe() (QNX's `pipe`), serving /dev/pipe.
// Each open of /dev/pipe makes a new pipe and is its read end; an open that
// names the caller's read end (the connect message's extra, as libc's
// pipe() sends it) is that pipe's write end. Reads and writes block by
// keeping the client's rcvid and answering later, so the one thread never
// waits on a client:
//   - a read takes what is there (at most what was asked), waits while the
//     pipe is empty and has a writer, and is at end of file once none;
//   - a write of at most PIPE_BUF bytes goes in at once or not at all
//     (atomic); a longer one goes in as room appears, in order;
//   - a write with no reader left fails with EPIPE and the writer thread
//     gets SIGPIPE; O_NONBLOCK makes a wait EAGAIN instead;
//   - a client unblocked by a signal gets EINTR (or what it moved already).
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/neutrino.h>
#include <sys/resmgr.h>
#include <sys/stat.h>

namespace {

constexpr size_t kPipeBuf = 4096;    // PIPE_BUF (limits.h)
constexpr size_t kCapacity = 16384;  // bytes a pipe holds
constexpr size_t kMaxWaiters = 256;  // blocked reads and writes at once (EAGAIN beyond)
constexpr size_t kWriteData = sizeof(struct _io_write);  // where a write's data starts

struct Pipe {
  iofunc_attr_t attr;  // size: bytes held now
  uint32_t readers;    // open OCBs of each end
  uint32_t writers;
  bool paired;  // its write end was made (only once)
  size_t head;  // the next byte to read
  size_t len;
  unsigned char buf[kCapacity];
};

struct PipeOcb {
  iofunc_ocb_t ocb;
  Pipe* pipe;
  bool reader;
};

struct Waiter {
  int rcvid;  // 0: free
  PipeOcb* ocb;
  uint64_t want;
  uint64_t done;  // writes: bytes taken so far
  int32_t pid, tid;
  bool reader;
  uint64_t seq;  // arrival order
};

Waiter g_waiters[kMaxWaiters];
uint64_t g_seq = 0;
iofunc_attr_t g_dev_pipe;

PipeOcb* as_pipe(iofunc_ocb_t* ocb) { return reinterpret_cast<PipeOcb*>(ocb); }

// Replies to a read with up to n bytes and takes them out of the pipe.
void reply_read(int rcvid, Pipe* p, uint64_t n) {
  if (n > p->len) n = p->len;
  const size_t first = n < kCapacity - p->head ? static_cast<size_t>(n) : kCapacity - p->head;
  const iov_t parts[2] = {{p->buf + p->head, first}, {p->buf, static_cast<size_t>(n) - first}};
  (void)MsgReplyv(rcvid, static_cast<long>(n), parts, 2);
  p->head = (p->head + n) % kCapacity;
  p->len -= n;
  p->attr.size = p->len;
}

// Moves what it can of writer w's data into the pipe (an atomic write all
// or nothing). Returns false if the client is gone (w must be dropped).
bool take(Pipe* p, Waiter* w) {
  const uint64_t left = w->want - w->done;
  const size_t room = kCapacity - p->len;
  if (left == 0 || room == 0 || (w->want <= kPipeBuf && room < left)) return true;
  const size_t n = left < room ? static_cast<size_t>(left) : room;
  const size_t tail = (p->head + p->len) % kCapacity;
  const size_t first = n < kCapacity - tail ? n : kCapacity - tail;
  const iov_t parts[2] = {{p->buf + tail, first}, {p->buf, n - first}};
  const long got = MsgReadv(w->rcvid, parts, 2, kWriteData + w->done);
  if (got != static_cast<long>(n)) return false;
  p->len += n;
  p->attr.size = p->len;
  w->done += n;
  return true;
}

Waiter* oldest(Pipe* p, bool reader) {
  Waiter* best = nullptr;
  for (Waiter& w : g_waiters) {
    if (w.rcvid != 0 && w.reader == reader && w.ocb->pipe == p && (best == nullptr || w.seq < best->seq)) best = &w;
  }
  return best;
}

// Whether the client of rcvid still waits: one killed while blocked leaves
// its waiter behind (its OCB may live on in a child), and must not be
// handed data.
bool alive(int rcvid) {
  struct _msg_info info;
  return MsgInfo(rcvid, &info) == 0;
}

void sigpipe(int32_t pid, int32_t tid) { (void)SignalKill(0, pid, tid, SIGPIPE, 0, 0); }

// Answers every waiter of p that can be answered now, in arrival order.
void settle(Pipe* p) {
  for (bool moved = true; moved;) {
    moved = false;
    if (Waiter* r = oldest(p, true); r != nullptr && (p->len > 0 || p->writers == 0)) {
      if (!alive(r->rcvid)) {
        // dropped: the data stays for the next reader
      } else if (p->len > 0) {
        reply_read(r->rcvid, p, r->want);
      } else {
        (void)MsgReply(r->rcvid, 0, nullptr, 0);  // end of file
      }
      r->rcvid = 0;
      moved = true;
    }
    if (Waiter* w = oldest(p, false); w != nullptr) {
      if (p->readers == 0) {
        if (w->done == 0) sigpipe(w->pid, w->tid);
        w->done != 0 ? (void)MsgReply(w->rcvid, static_cast<long>(w->done), nullptr, 0)
                     : (void)MsgError(w->rcvid, EPIPE);
        w->rcvid = 0;
        moved = true;
      } else {
        const uint64_t before = w->done;
        if (!take(p, w)) {
          (void)MsgError(w->rcvid, EFAULT);
          w->rcvid = 0;
          moved = true;
        } else if (w->done == w->want) {
          (void)MsgReply(w->rcvid, static_cast<long>(w->want), nullptr, 0);
          w->rcvid = 0;
          moved = true;
        } else {
          moved = moved || w->done != before;
        }
      }
    }
  }
}

int wait_for(resmgr_context_t* ctp, PipeOcb* o, uint64_t want, uint64_t done, bool reader) {
  for (Waiter& w : g_waiters) {
    if (w.rcvid != 0) continue;
    w = Waiter{ctp->rcvid, o, want, done, ctp->info.pid, ctp->info.tid, reader, g_seq++};
    return _RESMGR_NOREPLY;
  }
  return EAGAIN;
}

int pipe_open(resmgr_context_t* ctp, const struct _io_connect* msg, const char* path, void* handle,
              iofunc_ocb_t** ocb) {
  if (path[0] != '\0') return ENOENT;
  const uint32_t access = msg->ioflag & O_ACCMODE;
  auto* o = static_cast<PipeOcb*>(calloc(1, sizeof(PipeOcb)));
  if (o == nullptr) return ENOMEM;
  if (access == _IO_FLAG_NOACCESS) {  // stat("/dev/pipe"): the node, no pipe
    o->ocb.attr = static_cast<iofunc_attr_t*>(handle);
    *ocb = &o->ocb;
    return 0;
  }
  if (msg->extra_len != 0) {  // the write end of the caller's pipe
    const char* peer = path + msg->path_len;
    char* end = nullptr;
    const long coid = strtol(peer, &end, 10);
    iofunc_ocb_t* r = *end == '\0' && coid >= 0 && coid < 64 ? resmgr_ocb_of(ctp, static_cast<int>(coid)) : nullptr;
    if (r == nullptr || !as_pipe(r)->reader || as_pipe(r)->pipe->paired || access != O_WRONLY) {
      free(o);
      return EINVAL;
    }
    o->pipe = as_pipe(r)->pipe;
    o->pipe->paired = true;
    o->pipe->writers++;
  } else {  // a new pipe, and its read end
    if (access != O_RDONLY) {
      free(o);
      return EINVAL;
    }
    o->pipe = static_cast<Pipe*>(calloc(1, sizeof(Pipe)));
    if (o->pipe == nullptr) {
      free(o);
      return ENOMEM;
    }
    iofunc_attr_init(&o->pipe->attr, S_IFIFO | 0600);
    o->pipe->readers = 1;
    o->reader = true;
  }
  o->ocb.attr = &o->pipe->attr;
  *ocb = &o->ocb;
  return 0;
}

int pipe_read(resmgr_context_t* ctp, const struct _io_read* msg, iofunc_ocb_t* ocb) {
  PipeOcb* o = as_pipe(ocb);
  Pipe* p = o->pipe;
  if (msg->hdr.subtype != 0) return ESPIPE;  // pread
  if (msg->nbytes == 0) return 0;
  if (p->len > 0 && oldest(p, true) == nullptr) {
    reply_read(ctp->rcvid, p, msg->nbytes);
    settle(p);  // room for the writers waiting
    return _RESMGR_NOREPLY;
  }
  if (p->writers == 0 && p->len == 0) return 0;  // end of file
  if ((ocb->ioflag & O_NONBLOCK) != 0 && p->len == 0) return EAGAIN;
  const int r = wait_for(ctp, o, msg->nbytes, 0, true);
  if (r == _RESMGR_NOREPLY) settle(p);  // behind earlier readers, who may be answered now
  return r;
}

int pipe_write(resmgr_context_t* ctp, const struct _io_write* msg, iofunc_ocb_t* ocb) {
  PipeOcb* o = as_pipe(ocb);
  Pipe* p = o->pipe;
  if (msg->hdr.subtype != 0) return ESPIPE;  // pwrite
  if (p->readers == 0) {
    sigpipe(ctp->info.pid, ctp->info.tid);
    return EPIPE;
  }
  if (msg->nbytes == 0) return 0;
  Waiter w = {ctp->rcvid, o, msg->nbytes, 0, ctp->info.pid, ctp->info.tid, false, 0};
  if (oldest(p, false) == nullptr && !take(p, &w)) return EFAULT;  // in order: only with no one before
  if (w.done != 0) settle(p);  // readers waiting for data
  if (w.done == w.want) {
    ctp->status = static_cast<long>(w.done);
    return 0;
  }
  if ((ocb->ioflag & O_NONBLOCK) != 0) {
    if (w.done == 0) return EAGAIN;
    ctp->status = static_cast<long>(w.done);  // a partial write (only past PIPE_BUF)
    return 0;
  }
  return wait_for(ctp, o, w.want, w.done, false);
}

int pipe_lseek(resmgr_context_t*, const struct _io_lseek*, iofunc_ocb_t*) { return ESPIPE; }

void pipe_close(resmgr_context_t*, iofunc_ocb_t* ocb) {
  PipeOcb* o = as_pipe(ocb);
  Pipe* p = o->pipe;
  if (p == nullptr) {  // the /dev/pipe node itself
    free(o);
    return;
  }
  for (Waiter& w : g_waiters) {  // its own waits end with it
    if (w.rcvid != 0 && w.ocb == o) {
      (void)MsgError(w.rcvid, EBADF);
      w.rcvid = 0;
    }
  }
  (o->reader ? p->readers : p->writers)--;
  settle(p);  // end of file for readers, EPIPE for writers
  free(o);
  if (p->readers == 0 && p->writers == 0) free(p);
}

// A blocked client hit by a signal: EINTR, or the bytes it moved already.
void unblock(int rcvid) {
  for (Waiter& w : g_waiters) {
    if (w.rcvid != rcvid) continue;
    w.done != 0 ? (void)MsgReply(rcvid, static_cast<long>(w.done), nullptr, 0) : (void)MsgError(rcvid, EINTR);
    w.rcvid = 0;
  }
}

}  // namespace

int main() {
  static const resmgr_connect_funcs_t connect = {pipe_open, nullptr, nullptr, nullptr};
  static const resmgr_io_funcs_t io = {pipe_read, pipe_write, nullptr, pipe_lseek, nullptr, pipe_close};
  dispatch_t* d = dispatch_create();
  if (d == nullptr) {
    printf("pipe: no channel: %s\n", strerror(errno));
    return 1;
  }
  iofunc_attr_init(&g_dev_pipe, S_IFIFO | 0666);
  if (resmgr_attach(d, "/dev/pipe", 0, &connect, &io, &g_dev_pipe) < 0) {
    printf("pipe: cannot attach /dev/pipe: %s\n", strerror(errno));
    return 1;
  }
  resmgr_context_t* ctp = resmgr_context_alloc(d);
  if (ctp == nullptr) return 1;
  for (;;) {
    if (resmgr_block(ctp) != 0) {
      if (errno == EINTR) continue;
      printf("pipe: receive failed: %s\n", strerror(errno));
      return 1;
    }
    if (resmgr_handler(ctp) == 0) continue;
    if (ctp->rcvid == 0) {
      const auto* pulse = static_cast<const struct _pulse*>(ctp->msg);
      if (pulse->code == _PULSE_CODE_UNBLOCK) unblock(pulse->value.sival_int);
    } else {
      (void)MsgError(ctp->rcvid, ENOSYS);
    }
  }
}
