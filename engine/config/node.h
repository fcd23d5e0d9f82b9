#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "source/span.h"

namespace steward::config {

struct MapEntry;

// A YAML or JSON value with the span it was read from. steward's own type, so no stage after this
// one sees yaml-cpp, and the reader behind it can be replaced.
class Node {
 public:
  enum class Kind { null, scalar, sequence, mapping };

  Kind kind = Kind::null;
  Span span;
  std::string text;               // a scalar's value (also set for null: "~", "null" or "")
  bool quoted = false;            // a quoted scalar is always a string ("1" is not a number)
  std::vector<Node> items;        // a sequence's items
  std::vector<MapEntry> entries;  // a mapping's entries, in file order

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

// One document of a file (a YAML file may hold several, separated by `---`).
struct Document {
  Node root;
  SourceRef source;
  size_t index = 0;  // 0-based position in its file
};

}  // namespace steward::config
