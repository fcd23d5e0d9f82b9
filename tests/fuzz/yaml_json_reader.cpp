// The YAML/JSON reader (engine/config) on arbitrary bytes, read once as a .yaml and once as a .json
// file: it must not crash, hang or throw; every diagnostic points into the file; every node read
// has a place in the file and stays within the nesting limit; the typed views of scalars are safe
// and their texts readable.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "config/document_reader.h"
#include "fuzz_input.h"

namespace {

using steward::config::Node;

void check_node(const Node& node, const std::string& path, int depth) {
  if (depth > steward::config::kMaxNestingDepth + 1) {
    std::fprintf(stderr, "fuzz check failed: a node %d levels deep was read\n", depth);
    std::abort();
  }
  if (!node.span.valid() || node.span.file() != path) {
    std::fprintf(stderr, "fuzz check failed: a node without a place in %s\n", path.c_str());
    std::abort();
  }
  // A scalar's text is a view into the file or the document's arena: reading every byte of it
  // lets the sanitizer catch a view into freed or foreign memory.
  volatile char last = 0;
  for (char c : node.text)
    last = c;
  (void)last;
  if (node.is_scalar()) {
    (void)node.as_bool();
    (void)node.as_number();
    (void)node.as_integer();
    (void)node.is_string();
  }
  for (const auto& item : node.items)
    check_node(item, path, depth + 1);
  for (const auto& entry : node.entries) {
    check_node(entry.key, path, depth + 1);
    check_node(entry.value, path, depth + 1);
  }
}

void read_as(const std::string& path, const uint8_t* data, size_t size) {
  auto source = steward::make_source(path, std::string(reinterpret_cast<const char*>(data), size));
  steward::config::ReadResult read = steward::config::read_documents(source);
  steward::fuzzing::check_diagnostics(read.diagnostics, {path});
  for (const auto& document : read.documents)
    check_node(document.root, path, 0);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  read_as("fuzz.yaml", data, size);
  read_as("fuzz.json", data, size);
  return 0;
}
