// Sanitizer settings for this test binary (unused in builds without sanitizers).
//
// libgit2 1.5 leaks a priority queue when a merge-base walk reaches a parent that a shallow clone
// cut off (paint_down_to_common returns the error without freeing it); the shallow-clone tests
// provoke exactly that. The suppression names git_merge_base, so any other leak still fails. It
// needs the full allocation stack: libgit2 is built without frame pointers, so the fast unwinder
// stops inside it and never reaches git_merge_base.

extern "C" const char* __asan_default_options() {
  return "fast_unwind_on_malloc=0";
}

extern "C" const char* __lsan_default_suppressions() {
  return "leak:git_merge_base\n";
}

extern "C" const char* __lsan_default_options() {
  return "print_suppressions=0";
}
