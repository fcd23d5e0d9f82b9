// tcmalloc's decommit setting for a stage (freed_memory.h says why). Linked with tcmalloc only.

#include "cli/freed_memory.h"

#include <gperftools/malloc_extension.h>

namespace steward::cli {

namespace {

constexpr const char* kDecommit = "tcmalloc.aggressive_memory_decommit";

}  // namespace

FreedMemoryReturned::FreedMemoryReturned() {
  MallocExtension::instance()->GetNumericProperty(kDecommit, &before_);
  MallocExtension::instance()->SetNumericProperty(kDecommit, 1);
}

// As it was: off, unless TCMALLOC_AGGRESSIVE_DECOMMIT turned it on for the whole run.
FreedMemoryReturned::~FreedMemoryReturned() {
  MallocExtension::instance()->SetNumericProperty(kDecommit, before_);
}

}  // namespace steward::cli
