#pragma once

#include <cstddef>

// What steward reads of one YAML or JSON file. A file beyond a limit is not read: it becomes a
// finding naming the limit (syntax.too-deep, syntax.too-large), so hostile or generated input
// costs bounded time and memory. No real tracking plan comes close to any of them; docs/
// data-file-rules.md lists them.
namespace steward::config {

// Nesting levels (the document's top node is level 0). Guards the reader's stacks.
inline constexpr int kMaxNestingDepth = 128;

// Bytes of one file.
inline constexpr size_t kMaxFileBytes = size_t{64} << 20;  // 64 MiB

// Nodes (keys, values and items) of one file, alias expansions included: memory stays a small
// multiple of this whatever the file's shape.
inline constexpr size_t kMaxNodesPerFile = 1'000'000;

// Bytes of one scalar (a key or a value).
inline constexpr size_t kMaxScalarBytes = size_t{1} << 20;  // 1 MiB

// What anchors and aliases may add to a file, counted in nodes plus scalar bytes, beyond twice the
// file's size: nine lines of nested aliases ("billion laughs") would otherwise expand to a billion
// nodes.
inline constexpr size_t kAliasExpansionAllowance = 100'000;

}  // namespace steward::config
