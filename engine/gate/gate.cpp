#include "gate/gate.h"

#include <utility>

#include "findings/pipeline.h"
#include "policy/evaluator.h"

namespace steward::gate {

namespace {

findings::ProcessOptions process_options(const GateInput& input) {
  findings::ProcessOptions process;
  process.config = input.config;
  process.today = input.env.today;
  process.known_rules = input.known_rules;
  return process;
}

// Base runs alone (no base of its own, no changes). nullopt: the packs cannot run on base, and
// `errors` says why.
std::optional<std::vector<std::string>> base_fingerprints(const GateInput& input,
                                                          Diagnostics& errors) {
  if (input.base_store) {
    if (auto cached = input.base_store->load()) return cached;
  }
  const model::LoadedModel& base = *input.base;
  auto evaluated = policy::evaluate(input.packs, {&base.model, nullptr, nullptr, input.env});
  if (!evaluated.ok()) {
    errors = std::move(evaluated.errors);
    return std::nullopt;
  }
  Diagnostics diagnostics = base.diagnostics;
  diagnostics.insert(diagnostics.end(), evaluated.findings.begin(), evaluated.findings.end());
  findings::ProcessOptions process = process_options(input);
  process.files = files_of(base);
  std::vector<std::string> fingerprints;
  for (const auto& f :
       findings::process_findings(findings::make_findings(std::move(diagnostics)), process)) {
    fingerprints.push_back(f.fingerprint);
  }
  if (input.base_store) input.base_store->save(fingerprints);
  return fingerprints;
}

}  // namespace

std::vector<SourceRef> files_of(const model::LoadedModel& loaded) {
  std::vector<SourceRef> files;
  files.reserve(loaded.parsed.size());
  for (const auto& parsed : loaded.parsed)
    files.push_back(parsed->source);
  return files;
}

GateResult run_gate(const GateInput& input) {
  GateResult result;
  findings::ProcessOptions process = process_options(input);
  const model::LoadedModel& head = *input.head;
  if (input.base) {
    process.base_fingerprints = base_fingerprints(input, result.pack_errors);
    if (!result.ok()) return result;
    result.changes = diff::compute_changes(input.base->model, head.model);
    process.head_model = &head.model;
  }
  auto evaluated =
      policy::evaluate(input.packs, {&head.model, input.base ? &input.base->model : nullptr,
                                     result.changes ? &*result.changes : nullptr, input.env});
  if (!evaluated.ok()) {
    result.pack_errors = std::move(evaluated.errors);
    return result;
  }
  Diagnostics diagnostics = head.diagnostics;
  diagnostics.insert(diagnostics.end(), evaluated.findings.begin(), evaluated.findings.end());
  result.reviews = std::move(evaluated.reviews);
  process.files = files_of(head);
  process.new_only = input.new_only;
  result.findings =
      findings::process_findings(findings::make_findings(std::move(diagnostics)), process);
  return result;
}

}  // namespace steward::gate
