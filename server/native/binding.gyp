{
  "targets": [
    {
      "target_name": "mapped_file",
      "sources": ["mapped_file.c"],
      "cflags": ["-Wall", "-Wextra", "-O2"]
    },
    {
      "target_name": "socket_write",
      "sources": ["socket_write.c"],
      "cflags": ["-Wall", "-Wextra", "-O2"]
    }
  ]
}
