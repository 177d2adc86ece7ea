/*
 * One write() of a broadcast frame to a connected socket (server/collab/socketWrite.ts).
 *
 * A frame written through net.Socket.write() goes through the stream machinery, a write request
 * object and libuv before the system call: ~1.5 µs of CPU per recipient on top of the write()
 * itself (50 loopback sockets, measured). The same bytes written here cost the system call
 * alone. Callers use it only on a socket with nothing queued, so the order of bytes is kept.
 */
#include <errno.h>
#include <node_api.h>
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

NAPI_MODULE_INIT() {
  napi_value fn;
  if (napi_create_function(env, "write", NAPI_AUTO_LENGTH, write_bytes, NULL, &fn) != napi_ok) return NULL;
  if (napi_set_named_property(env, exports, "write", fn) != napi_ok) return NULL;
  return exports;
}
