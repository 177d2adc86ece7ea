/*
 * Broadcast frames written to connected sockets (server/collab/socketWrite.ts): one write() to
 * one socket, or one frame to many sockets in one io_uring submission.
 *
 * A frame written through net.Socket.write() goes through the stream machinery, a write request
 * object and libuv before the system call: ~1.5 µs of CPU per recipient on top of the write()
 * itself (50 loopback sockets, measured). The same bytes written here cost the system call
 * alone. Callers use it only on a socket with nothing queued, so the order of bytes is kept.
 */
#include <errno.h>
#include <linux/io_uring.h>
#include <node_api.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

/*
 * write(fd, bytes): how many bytes the kernel took (all, some, or none), or -errno if it took
 * none (EAGAIN when the socket's buffer is full, EPIPE when the peer has gone). Never throws for
 * the socket's state: the caller then hands the rest to the socket's own write().
 */
static napi_value write_bytes(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok) return NULL;
  int32_t fd = -1;
  napi_typedarray_type type;
  size_t length = 0;
  void* data = NULL;
  if (argc < 2 || napi_get_value_int32(env, argv[0], &fd) != napi_ok || fd < 0 ||
      napi_get_typedarray_info(env, argv[1], &type, &length, &data, NULL, NULL) != napi_ok || type != napi_uint8_array) {
    napi_throw_type_error(env, NULL, "write(fd, bytes): a descriptor and a Uint8Array");
    return NULL;
  }
  ssize_t written;
  do written = write(fd, data, length);
  while (written < 0 && errno == EINTR);
  napi_value result;
  if (napi_create_int32(env, written < 0 ? -errno : (int32_t)written, &result) != napi_ok) return NULL;
  return result;
}

/*
 * One broadcast frame to many sockets in one system call, through an io_uring. Written one
 * write() each, the kernel may hand the core to a woken recipient after any of them (at every
 * return to user space), and the rest of the room waits: at N=50 the server was switched out
 * involuntarily ~1.5 times per edit (~0.6 with this). Submitted together, the sends run back to
 * back in one io_uring_enter(). MSG_DONTWAIT: a send that would block completes with -EAGAIN at
 * once instead of waiting for room (the caller then queues the frame on the socket).
 */
/* One ring per thread (the addon may be loaded in workers too): only its thread submits to it. */
/* Set by refuseRing() (IO_URING=off): every thread goes without, as where the kernel refuses io_uring. */
static int ring_refused = 0;
static __thread int ring_fd = -2; /* -2: not set up yet; -1: unavailable */
static __thread int ring_errno; /* why it is unavailable: the errno of the call that failed (0: refused, or none) */
static __thread unsigned ring_entries;
static __thread unsigned *sq_tail, *sq_mask, *sq_array, *cq_head, *cq_tail, *cq_mask;
static __thread struct io_uring_sqe* sqes;
static __thread struct io_uring_cqe* cqes;

static int ring_setup(void) {
  struct io_uring_params p;
  memset(&p, 0, sizeof p);
  int fd = (int)syscall(__NR_io_uring_setup, 256, &p);
  if (fd < 0) {
    ring_errno = errno;
    return -1;
  }
  size_t sq_len = p.sq_off.array + p.sq_entries * sizeof(unsigned);
  size_t cq_len = p.cq_off.cqes + p.cq_entries * sizeof(struct io_uring_cqe);
  int single = (p.features & IORING_FEAT_SINGLE_MMAP) != 0;
  if (single && cq_len > sq_len) sq_len = cq_len;
  char* sq = mmap(NULL, sq_len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, fd, IORING_OFF_SQ_RING);
  if (sq == MAP_FAILED) goto fail;
  char* cq = single ? sq : mmap(NULL, cq_len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, fd, IORING_OFF_CQ_RING);
  if (cq == MAP_FAILED) goto fail;
  sqes = mmap(NULL, p.sq_entries * sizeof(struct io_uring_sqe), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, fd, IORING_OFF_SQES);
  if (sqes == MAP_FAILED) goto fail;
  sq_tail = (unsigned*)(sq + p.sq_off.tail);
  sq_mask = (unsigned*)(sq + p.sq_off.ring_mask);
  sq_array = (unsigned*)(sq + p.sq_off.array);
  cq_head = (unsigned*)(cq + p.cq_off.head);
  cq_tail = (unsigned*)(cq + p.cq_off.tail);
  cq_mask = (unsigned*)(cq + p.cq_off.ring_mask);
  cqes = (struct io_uring_cqe*)(cq + p.cq_off.cqes);
  ring_entries = p.sq_entries;
  return fd;
fail:
  ring_errno = errno;
  close(fd); /* the mappings, if any, are small and stay: this runs once */
  return -1;
}

/*
 * Sends `length` bytes at `data` to fds[0..n) (n <= ring_entries); results[i]: as write_bytes,
 * or -ECANCELED for a send that was never made (the ring failed and is given up).
 */
static int send_batch(const int32_t* fds, int32_t* results, unsigned n, const void* data, size_t length) {
  unsigned tail = *sq_tail; /* only this thread submits */
  for (unsigned i = 0; i < n; i++) {
    unsigned index = tail & *sq_mask;
    struct io_uring_sqe* sqe = &sqes[index];
    memset(sqe, 0, sizeof *sqe);
    sqe->opcode = IORING_OP_SEND;
    sqe->fd = fds[i];
    sqe->addr = (uint64_t)(uintptr_t)data;
    sqe->len = (uint32_t)length;
    sqe->msg_flags = MSG_DONTWAIT | MSG_NOSIGNAL;
    sqe->user_data = i;
    sq_array[index] = index;
    tail++;
  }
  __atomic_store_n(sq_tail, tail, __ATOMIC_RELEASE);
  for (unsigned i = 0; i < n; i++) results[i] = -ECANCELED; /* not sent, unless completed below */
  unsigned submitted = 0, completed = 0;
  while (completed < submitted || submitted < n) {
    int r = (int)syscall(__NR_io_uring_enter, ring_fd, n - submitted, n - completed, IORING_ENTER_GETEVENTS, NULL, 0);
    if (r < 0 && errno != EINTR) {
      /* Nothing of this call was taken. What was not submitted never will be: the ring goes
       * (closing it drops those entries), and the caller writes them another way. */
      int err = errno;
      if (completed >= submitted) {
        ring_errno = err;
        close(ring_fd);
        ring_fd = -1;
        return 0;
      }
      if (err != EAGAIN && err != EBUSY) return -err;
    }
    if (r > 0) submitted += (unsigned)r;
    unsigned head = *cq_head;
    unsigned ready = __atomic_load_n(cq_tail, __ATOMIC_ACQUIRE);
    for (; head != ready; head++) {
      struct io_uring_cqe* cqe = &cqes[head & *cq_mask];
      if (cqe->user_data < n) results[cqe->user_data] = cqe->res;
      completed++;
    }
    __atomic_store_n(cq_head, head, __ATOMIC_RELEASE);
  }
  return 0;
}

/*
 * writeEach(fds, bytes, results): sends `bytes` to every descriptor of `fds` (Int32Array) and
 * puts in `results` (Int32Array, as long) what write() would return for each: bytes taken, or
 * -errno (-ECANCELED: not sent). Returns false, having sent nothing, where no io_uring can be
 * had (then write each).
 */
static napi_value write_each(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok) return NULL;
  napi_typedarray_type types[3];
  size_t lengths[3] = {0, 0, 0};
  void* data[3] = {NULL, NULL, NULL};
  for (size_t i = 0; i < 3; i++) {
    if (i >= argc || napi_get_typedarray_info(env, argv[i], &types[i], &lengths[i], &data[i], NULL, NULL) != napi_ok) {
      napi_throw_type_error(env, NULL, "writeEach(fds, bytes, results): an Int32Array, a Uint8Array and an Int32Array");
      return NULL;
    }
  }
  if (types[0] != napi_int32_array || types[1] != napi_uint8_array || types[2] != napi_int32_array || lengths[2] < lengths[0]) {
    napi_throw_type_error(env, NULL, "writeEach(fds, bytes, results): an Int32Array, a Uint8Array and an Int32Array as long as the first");
    return NULL;
  }
  if (ring_fd == -2 && !ring_refused) ring_fd = ring_setup();
  int ok = !ring_refused && ring_fd >= 0;
  for (size_t at = 0; ok && at < lengths[0]; at += ring_entries) {
    unsigned n = (unsigned)(lengths[0] - at < ring_entries ? lengths[0] - at : ring_entries);
    if (ring_fd < 0) { /* given up during this call: the rest not sent */
      for (size_t i = at; i < at + n; i++) ((int32_t*)data[2])[i] = -ECANCELED;
      continue;
    }
    int err = send_batch((int32_t*)data[0] + at, (int32_t*)data[2] + at, n, data[1], lengths[1]);
    if (err < 0) {
      napi_throw_error(env, NULL, strerror(-err));
      return NULL;
    }
  }
  napi_value result;
  if (napi_get_boolean(env, ok, &result) != napi_ok) return NULL;
  return result;
}

/* ringError(): the errno that made this thread's ring unavailable (setting it up, or a submission), 0 if none. */
static napi_value ring_error(napi_env env, napi_callback_info info) {
  (void)info;
  napi_value result;
  if (napi_create_int32(env, ring_errno, &result) != napi_ok) return NULL;
  return result;
}

/* refuseRing(): from now on writeEach() sends nothing and returns false, in every thread. */
static napi_value refuse_ring(napi_env env, napi_callback_info info) {
  (void)env;
  (void)info;
  ring_refused = 1;
  return NULL;
}

NAPI_MODULE_INIT() {
  napi_value fn;
  if (napi_create_function(env, "write", NAPI_AUTO_LENGTH, write_bytes, NULL, &fn) != napi_ok) return NULL;
  if (napi_set_named_property(env, exports, "write", fn) != napi_ok) return NULL;
  if (napi_create_function(env, "writeEach", NAPI_AUTO_LENGTH, write_each, NULL, &fn) != napi_ok) return NULL;
  if (napi_set_named_property(env, exports, "writeEach", fn) != napi_ok) return NULL;
  if (napi_create_function(env, "refuseRing", NAPI_AUTO_LENGTH, refuse_ring, NULL, &fn) != napi_ok) return NULL;
  if (napi_set_named_property(env, exports, "refuseRing", fn) != napi_ok) return NULL;
  if (napi_create_function(env, "ringError", NAPI_AUTO_LENGTH, ring_error, NULL, &fn) != napi_ok) return NULL;
  if (napi_set_named_property(env, exports, "ringError", fn) != napi_ok) return NULL;
  return exports;
}
