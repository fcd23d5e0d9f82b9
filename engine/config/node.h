#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "source/span.h"

namespace steward::config {

struct MapEntry;
class NodeArena;

// A node's place. Its file is held by the node's Document, not counted in every node: a parse of
// 20,000 files has millions of nodes, and each count is an atomic add and an atomic subtract.
// Converts to a Span, which holds its file itself, wherever a place is kept beyond the document.
struct NodeSpan {
  const SourceFile* source = nullptr;
  uint32_t line = 0;
  uint32_t column = 0;
  uint32_t end_line = 0;
  uint32_t end_column = 0;

  NodeSpan() = default;
  explicit NodeSpan(const Span& span)
      : source(span.source.get()),
        line(span.line),
        column(span.column),
        end_line(span.end_line),
        end_column(span.end_column) {}
  operator Span() const {  // NOLINT: implicit, so that a node's place is kept as any other
    return Span{SourceRef::share(source), line, column, end_line, end_column};
  }

  bool valid() const { return source != nullptr && line > 0; }
  const std::string& file() const {
    static const std::string none;
    return source ? source->path() : none;
  }
};

// The children of a node, in the memory of its document (NodeArena): read as a vector is.
template <class T>
class NodeList {
 public:
  NodeList() = default;
  NodeList(const T* first, size_t size) : first_(first), size_(static_cast<uint32_t>(size)) {}

  const T* begin() const { return first_; }
  const T* end() const { return first_ + size_; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const T& operator[](size_t i) const { return first_[i]; }
  const T& front() const { return first_[0]; }
  const T& back() const { return first_[size_ - 1]; }

 private:
  const T* first_ = nullptr;
  uint32_t size_ = 0;
};

// A YAML or JSON value with the span it was read from. steward's own type, so no stage after this
// one sees libyaml, and the reader behind it can be replaced. A node is a view: its text and its
// children live in its document's text and arena (Document::arena), and it is valid while they
// are. Copying one is cheap and shares its children.
class Node {
 public:
  enum class Kind : uint8_t { null, scalar, sequence, mapping };

  NodeSpan span;
  std::string_view text;  // a scalar's value (empty for null)
  // A list is a pointer and a 32-bit count: the members after it take the padding at its end
  // ([[no_unique_address]] lets them), 72 bytes a node instead of 80.
  [[no_unique_address]] NodeList<Node> items;        // a sequence's items
  [[no_unique_address]] NodeList<MapEntry> entries;  // a mapping's entries, in file order
  Kind kind = Kind::null;
  bool quoted = false;  // a quoted scalar is always a string ("1" is not a number)

  bool is_null() const { return kind == Kind::null; }
  bool is_scalar() const { return kind == Kind::scalar; }
  bool is_sequence() const { return kind == Kind::sequence; }
  bool is_mapping() const { return kind == Kind::mapping; }

  // The value under `key` of a mapping, or nullptr.
  const Node* find(std::string_view key) const;
  const MapEntry* find_entry(std::string_view key) const;

  // Typed views of a plain scalar (YAML 1.2 core schema); nullopt when it is not of that type.
  std::optional<bool> as_bool() const;
  std::optional<double> as_number() const;
  std::optional<long long> as_integer() const;
  bool is_string() const {
    return kind == Kind::scalar && (quoted || (!as_bool() && !as_number()));
  }

  // "mapping", "list", "string", "number", "boolean", "null": for messages about wrong types.
  std::string_view type_name() const;
};

struct MapEntry {
  Node key;
  Node value;
};

// An arena frees its blocks without running destructors.
static_assert(std::is_trivially_destructible_v<Node> && std::is_trivially_copyable_v<Node>);
static_assert(sizeof(Node) <= 72);

// One document of a file (a YAML file may hold several, separated by `---`).
struct Document {
  Document(Node root, SourceRef source, size_t index, std::shared_ptr<const NodeArena> arena)
      : root(root), source(std::move(source)), index(index), arena(std::move(arena)) {}

  Node root;
  SourceRef source;                        // holds the file that the nodes' spans name
  size_t index = 0;                        // 0-based position in its file
  std::shared_ptr<const NodeArena> arena;  // holds the nodes under root (null when it has none)
};

}  // namespace steward::config
