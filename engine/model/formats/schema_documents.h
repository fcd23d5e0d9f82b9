#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "config/node.h"

namespace steward::model::formats {

// A schema node and the document it was read from (relative `$ref`s resolve against its file).
struct SchemaNode {
  const config::Node* node = nullptr;
  const config::Document* document = nullptr;
};

// The outcome of resolving one `$ref`.
struct RefResolution {
  SchemaNode target;  // set when resolved
  bool remote =
      false;          // an absolute URI (http:, https:, iglu:): not fetched, steward reads offline
  std::string error;  // why it did not resolve, for the finding
  std::vector<std::string> candidates;  // names near the failing step, for a did-you-mean
};

// The JSON Schema documents of one revision, by file, so that `$ref` can point within a file
// (`#/definitions/address`, `#/$defs/address`) and to sibling files (`./address.json`,
// `address.json#/definitions/x`, `../common/address.json`).
class SchemaDocuments {
 public:
  void add(const config::Document& document);
  const std::vector<const config::Document*>& documents() const { return documents_; }

  RefResolution resolve(const config::Document& from, std::string_view ref) const;

  // Marks every document another document's `$ref` points into. A file others refer to holds
  // shared definitions, not an event of its own. Call once, after every add().
  void index_references();
  bool referenced(const config::Document& document) const {
    return referenced_.count(&document) != 0;
  }

  // The files `document` refers to again through `$ref`s, back to itself ("a.json -> b.json ->
  // a.json"), with the span of its first `$ref` on that cycle; an empty path when it is on none.
  struct FileCycle {
    std::vector<const config::Document*> path;
    Span first_ref;
  };
  FileCycle cycle_through(const config::Document& document) const;

 private:
  void mark_references(const config::Node& node, const config::Document& from, int depth);

  std::vector<const config::Document*> documents_;
  std::unordered_map<std::string, const config::Document*> by_path_;  // first document of a file
  std::unordered_set<const config::Document*> referenced_;
  struct FileRef {
    const config::Document* to = nullptr;
    Span at;  // the `$ref` value
  };
  std::unordered_map<const config::Document*, std::vector<FileRef>> refers_to_;
};

// The node a JSON Pointer fragment ("/definitions/address", "" for the root) names in `root`, or
// nullptr with `error` and `candidates` set.
const config::Node* resolve_pointer(const config::Node& root, std::string_view pointer,
                                    std::string& error, std::vector<std::string>& candidates);

// `relative` resolved against the folder of `from` ("a/b.json" + "../c.json" = "c.json"); empty
// when it climbs above the repository root.
std::string join_relative(std::string_view from, std::string_view relative);

// How the file `from` refers to the file `to` by a relative path: "../shared/address.json",
// "./address.json".
std::string relative_path(std::string_view from, std::string_view to);

}  // namespace steward::model::formats
