#pragma once

#include <memory>
#include <string>

#include "cli/project.h"
#include "config/steward_config.h"
#include "model/snapshot_loader.h"
#include "source/diagnostic.h"

namespace steward::cli {

// The repository at one revision as the commands that read a single revision see it (model,
// catalog, export, drift, coverage, scorecard, validate, sample, export json-schema): its
// steward.yaml and the model of its data files.
struct RevisionModel {
  config::StewardConfig config;
  model::LoadedModel loaded;
};

// `--staged` is the index, an empty `rev` the work tree, anything else a commit-ish.
Revision revision_of(const std::string& rev, bool staged = false);

// Reads and loads `revision`. With `require_data`, a revision with no data file is an InputError
// (a wrong -C or steward.yaml `paths:`), as for `steward check`; `steward model` and `scorecard`
// describe an empty repository instead. `cache` shares parses with other loads (may be null).
std::unique_ptr<RevisionModel> load_revision_model(const Project& project, const Revision& revision,
                                                   bool require_data,
                                                   config::ParseCache* cache = nullptr);

// The data files' findings on standard error, one line each, `file:line:col: severity[rule]:
// message`, and with `with_help` a `help:` line under those that have one.
void print_findings(const Diagnostics& diagnostics, bool with_help);
bool has_errors(const Diagnostics& diagnostics);

}  // namespace steward::cli
