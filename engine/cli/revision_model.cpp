#include "cli/revision_model.h"

#include <iostream>

namespace steward::cli {

Revision revision_of(const std::string& rev, bool staged) {
  if (staged) return Revision::index();
  return rev.empty() ? Revision::work_tree() : Revision::commit(rev, rev);
}

std::unique_ptr<RevisionModel> load_revision_model(const Project& project, const Revision& revision,
                                                   bool require_data, config::ParseCache* cache) {
  auto loaded = std::make_unique<RevisionModel>();
  loaded->config = project.read_config(revision);
  git::Snapshot snapshot = project.read(revision, loaded->config);
  if (require_data) project.require_data(snapshot, loaded->config);
  loaded->loaded = model::load_snapshot(std::move(snapshot), cache);
  return loaded;
}

void print_findings(const Diagnostics& diagnostics, bool with_help) {
  for (const auto& d : diagnostics) {
    std::cerr << d.span.file() << ":" << d.span.line << ":" << d.span.column << ": "
              << to_string(d.severity) << "[" << d.rule << "]: " << d.message << "\n";
    if (with_help && !d.help->empty()) std::cerr << "  help: " << *d.help << "\n";
  }
}

bool has_errors(const Diagnostics& diagnostics) {
  for (const auto& d : diagnostics) {
    if (d.severity == Severity::error) return true;
  }
  return false;
}

}  // namespace steward::cli
