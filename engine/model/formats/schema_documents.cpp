#include "model/formats/schema_documents.h"

#include <algorithm>
#include <deque>

namespace steward::model::formats {

namespace {

// A JSON Pointer token with its escapes undone: ~1 is '/', ~0 is '~'.
std::string unescape_token(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  for (size_t i = 0; i < token.size(); ++i) {
    if (token[i] == '~' && i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1')) {
      out += token[i + 1] == '0' ? '~' : '/';
      ++i;
    } else {
      out += token[i];
    }
  }
  return out;
}

bool is_absolute_uri(std::string_view ref) {
  auto colon = ref.find(':');
  auto slash = ref.find('/');
  auto hash = ref.find('#');
  return colon != std::string_view::npos && colon > 0 &&
         (slash == std::string_view::npos || colon < slash) &&
         (hash == std::string_view::npos || colon < hash);
}

}  // namespace

const config::Node* resolve_pointer(const config::Node& root, std::string_view pointer,
                                    std::string& error, std::vector<std::string>& candidates) {
  if (pointer.empty()) return &root;
  if (pointer.front() != '/') {
    error = "'#" + std::string(pointer) + "' is a named anchor, which steward does not resolve";
    return nullptr;
  }
  const config::Node* node = &root;
  std::string walked;
  size_t start = 1;
  while (true) {
    size_t slash = pointer.find('/', start);
    std::string token = unescape_token(pointer.substr(
        start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
    const config::Node* next = nullptr;
    if (node->is_mapping()) {
      next = node->find(token);
      if (!next) {
        for (const auto& entry : node->entries)
          candidates.emplace_back(entry.key.text);
      }
    } else if (node->is_sequence()) {
      bool digits = !token.empty() && token.find_first_not_of("0123456789") == std::string::npos;
      size_t index = digits && token.size() < 10 ? std::stoul(token) : node->items.size();
      if (index < node->items.size()) next = &node->items[index];
    }
    if (!next) {
      error = "'" + token + "' is not found" + (walked.empty() ? "" : " under '" + walked + "'");
      return nullptr;
    }
    walked += "/" + token;
    node = next;
    if (slash == std::string_view::npos) return node;
    start = slash + 1;
  }
}

std::string join_relative(std::string_view from, std::string_view relative) {
  std::vector<std::string> parts;
  auto push_segments = [&](std::string_view path) {
    size_t start = 0;
    while (start <= path.size()) {
      size_t slash = path.find('/', start);
      std::string_view segment = path.substr(
          start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
      if (segment == "..") {
        if (parts.empty()) return false;
        parts.pop_back();
      } else if (!segment.empty() && segment != ".") {
        parts.emplace_back(segment);
      }
      if (slash == std::string_view::npos) break;
      start = slash + 1;
    }
    return true;
  };
  auto last_slash = from.rfind('/');
  if (last_slash != std::string_view::npos && !push_segments(from.substr(0, last_slash))) return {};
  if (!push_segments(relative)) return {};
  std::string out;
  for (const auto& part : parts)
    out += (out.empty() ? "" : "/") + part;
  return out;
}

std::string relative_path(std::string_view from, std::string_view to) {
  auto folder_end = from.rfind('/');
  std::string_view folder = folder_end == std::string_view::npos ? "" : from.substr(0, folder_end);
  // The longest common folder prefix, then one `..` per folder of `from` below it.
  size_t common = 0;
  for (size_t i = 0; i <= folder.size() && i < to.size(); ++i) {
    bool boundary = i == folder.size() || folder[i] == '/';
    if (boundary && to[i] == '/') common = i + 1;
    if (i == folder.size() || folder[i] != to[i]) break;
  }
  std::string out;
  std::string_view rest = folder.size() >= common ? folder.substr(common) : "";
  if (!rest.empty()) {
    out += "../";
    for (char c : rest) {
      if (c == '/') out += "../";
    }
  }
  out += to.substr(common);
  return out.starts_with("../") ? out : "./" + out;
}

void SchemaDocuments::add(const config::Document& document) {
  documents_.push_back(&document);
  by_path_.try_emplace(document.source ? document.source->path() : std::string(), &document);
}

RefResolution SchemaDocuments::resolve(const config::Document& from, std::string_view ref) const {
  RefResolution out;
  if (is_absolute_uri(ref)) {
    out.remote = true;
    out.error = "'" + std::string(ref) + "' is a remote schema, and steward reads offline";
    return out;
  }
  auto hash = ref.find('#');
  std::string_view file = ref.substr(0, hash);
  std::string_view pointer = hash == std::string_view::npos ? "" : ref.substr(hash + 1);
  const config::Document* document = &from;
  if (!file.empty()) {
    std::string path = join_relative(from.source ? from.source->path() : "", file);
    auto it = by_path_.find(path);
    if (it == by_path_.end()) {
      out.error = "no JSON Schema file '" + (path.empty() ? std::string(file) : path) +
                  "' is read (a sibling file must have `$schema` too)";
      // Candidates as the referring file would write them.
      const std::string from_path = from.source ? from.source->path() : "";
      for (const auto& [known, document_of] : by_path_) {
        if (known != from_path) out.candidates.push_back(relative_path(from_path, known));
      }
      std::sort(out.candidates.begin(), out.candidates.end());
      return out;
    }
    document = it->second;
  }
  const config::Node* node = resolve_pointer(document->root, pointer, out.error, out.candidates);
  if (node) out.target = {node, document};
  return out;
}

void SchemaDocuments::index_references() {
  for (const config::Document* document : documents_) {
    mark_references(document->root, *document, 0);
  }
}

void SchemaDocuments::mark_references(const config::Node& node, const config::Document& from,
                                      int depth) {
  if (depth > 256) return;  // the reader caps nesting well below this
  for (const auto& entry : node.entries) {
    if (entry.key.text == "$ref" && entry.value.is_scalar()) {
      std::string_view ref = entry.value.text;
      if (!ref.empty() && ref.front() != '#' && !is_absolute_uri(ref)) {
        RefResolution resolved = resolve(from, ref);
        if (resolved.target.document && resolved.target.document != &from) {
          referenced_.insert(resolved.target.document);
          refers_to_[&from].push_back({resolved.target.document, entry.value.span});
        }
      }
    }
    mark_references(entry.value, from, depth + 1);
  }
  for (const auto& item : node.items)
    mark_references(item, from, depth + 1);
}

SchemaDocuments::FileCycle SchemaDocuments::cycle_through(const config::Document& document) const {
  // Breadth first from each file `document` refers to, so the path found is a shortest one.
  FileCycle out;
  auto it = refers_to_.find(&document);
  if (it == refers_to_.end()) return out;
  for (const FileRef& first : it->second) {
    std::unordered_map<const config::Document*, const config::Document*> came_from;
    std::deque<const config::Document*> queue = {first.to};
    came_from[first.to] = &document;
    while (!queue.empty()) {
      const config::Document* at = queue.front();
      queue.pop_front();
      if (at == &document) {
        for (const config::Document* step = &document;;) {
          out.path.insert(out.path.begin(), step);
          step = came_from.at(step);
          if (step == &document) break;
        }
        out.path.insert(out.path.begin(), &document);
        out.first_ref = first.at;
        return out;
      }
      auto next = refers_to_.find(at);
      if (next == refers_to_.end()) continue;
      for (const FileRef& ref : next->second) {
        if (ref.to == &document) {
          came_from[&document] = at;  // back at the start: the cycle closes here
          queue.push_front(ref.to);
        } else if (came_from.try_emplace(ref.to, at).second) {
          queue.push_back(ref.to);
        }
      }
    }
  }
  return out;
}

}  // namespace steward::model::formats
