/*
 * A file mapped into memory for the update journal (server/storage/mappedJournal.ts).
 *
 * Appending a record to a mapped file is a copy into the page cache: no system call, where a
 * write() of ~120 bytes costs ~55 µs of CPU when the process has just woken for an edit. The
 * pages belong to the kernel, so what was copied survives a crash of this process just as a
 * written record does.
 */
#include <errno.h>
#include <fcntl.h>
#include <node_api.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

static void throw_errno(napi_env env, const char* what, int err) {
  char message[160];
  snprintf(message, sizeof message, "%s: %s", what, strerror(err));
  napi_throw_error(env, NULL, message);
}

static void unmap(napi_env env, void* data, void* hint) {
  (void)env;
  munmap(data, (size_t)hint);
}

/*
 * map(fd, length): the first `length` bytes of the open file `fd` as an ArrayBuffer, shared
 * with the file. Its blocks are allocated first (posix_fallocate), so a full disk fails here,
 * in words, instead of killing the process with SIGBUS at a later copy into a hole.
 * Unmapped when the ArrayBuffer is collected.
 */
static napi_value map(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok) return NULL;
  int32_t fd = -1;
  int64_t length = 0;
  if (argc < 2 || napi_get_value_int32(env, argv[0], &fd) != napi_ok ||
      napi_get_value_int64(env, argv[1], &length) != napi_ok || fd < 0 || length <= 0) {
    napi_throw_type_error(env, NULL, "map(fd, length): a descriptor and a positive length");
    return NULL;
  }
  int err = posix_fallocate(fd, 0, (off_t)length);
  if (err != 0) {
    throw_errno(env, "cannot allocate the mapped file", err);
    return NULL;
  }
  void* data = mmap(NULL, (size_t)length, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  if (data == MAP_FAILED) {
    throw_errno(env, "cannot map the file", errno);
    return NULL;
  }
  napi_value buffer;
  if (napi_create_external_arraybuffer(env, data, (size_t)length, unmap, (void*)(size_t)length, &buffer) != napi_ok) {
    munmap(data, (size_t)length);
    napi_throw_error(env, NULL, "cannot hand the mapped file to JavaScript");
    return NULL;
  }
  return buffer;
}

NAPI_MODULE_INIT() {
  napi_value fn;
  if (napi_create_function(env, "map", NAPI_AUTO_LENGTH, map, NULL, &fn) != napi_ok) return NULL;
  if (napi_set_named_property(env, exports, "map", fn) != napi_ok) return NULL;
  return exports;
}
