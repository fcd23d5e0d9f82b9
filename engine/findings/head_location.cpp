#include "findings/head_location.h"

#include <string_view>
#include <unordered_map>

namespace steward::findings {
namespace {

// The span of the nearest property of `path` ("items.sku") that `event` still has, else the
// event's own span.
Span nearest_property(const model::Event& event, std::string_view path) {
  while (!path.empty()) {
    if (const model::Property* p = model::Model::find_property(event, path)) return p->span;
    const size_t dot = path.rfind('.');
    path = dot == std::string_view::npos ? std::string_view{} : path.substr(0, dot);
  }
  return event.span;
}

// "checkout_started.items.sku": the longest dotted prefix that names a head event, then the
// nearest property of the rest.
Span in_event(const model::Model& head, std::string_view subject) {
  std::string_view prefix = subject;
  while (true) {
    if (const model::Event* event = head.find_event(prefix)) {
      if (prefix.size() == subject.size()) return event->span;
      return nearest_property(*event, subject.substr(prefix.size() + 1));
    }
    const size_t dot = prefix.rfind('.');
    if (dot == std::string_view::npos) return {};
    prefix = prefix.substr(0, dot);
  }
}

Span named_entity(const model::Model& head, std::string_view name) {
  if (const auto* d = head.find_destination(name)) return d->span;
  if (const auto* s = head.find_source(name)) return s->span;
  if (const auto* t = head.find_transformation(name)) return t->span;
  if (const auto* t = head.find_team(name)) return t->span;
  return {};
}

Span from_subject(const model::Model& head, std::string_view subject) {
  if (subject.empty()) return {};
  const size_t arrow = subject.find(" -> ");
  if (arrow != std::string_view::npos) {
    Span destination = named_entity(head, subject.substr(arrow + 4));
    return destination.valid() ? destination : in_event(head, subject.substr(0, arrow));
  }
  Span event = in_event(head, subject);
  return event.valid() ? event : named_entity(head, subject);
}

// Head's files by path, built on the first base-only finding that needs it: a change that removes
// thousands of events must not scan every file once per finding.
class HeadFiles {
 public:
  explicit HeadFiles(const std::vector<SourceRef>& files) : files_(files) {}

  Span line_one_of(const std::string& path) {
    if (by_path_.empty()) {
      for (const auto& file : files_)
        if (file) by_path_.emplace(file->path(), file);
    }
    auto it = by_path_.find(path);
    return it == by_path_.end() ? Span{} : Span{it->second, 1, 1, 0, 0};
  }

 private:
  const std::vector<SourceRef>& files_;
  std::unordered_map<std::string_view, SourceRef> by_path_;
};

}  // namespace

void locate_in_head(Findings& findings, const model::Model& head,
                    const std::vector<SourceRef>& head_files) {
  HeadFiles files(head_files);
  for (auto& finding : findings) {
    Diagnostic& d = finding.diagnostic;
    if (d.span.valid() || !d.base_span.valid()) continue;
    Span nearest = from_subject(head, finding.subject);
    if (!nearest.valid()) nearest = files.line_one_of(d.base_span.file());
    if (nearest.valid()) d.span = std::move(nearest);
  }
}

}  // namespace steward::findings
