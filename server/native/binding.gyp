{
  "targets": [
    {
      "target_name": "mapped_file",
      "sources": ["mapped_file.c"],
      "cflags": ["-Wall", "-Wextra", "-O2"]
    }
  ]
}
