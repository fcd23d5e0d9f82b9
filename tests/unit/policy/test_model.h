#pragma once

// A small customer-data model built by hand for the policy tests, and helpers to run policy
// text over it.

#include <memory>
#include <string>

#include "diff/change_set.h"
#include "model/model.h"
#include "policy/checker.h"
#include "policy/evaluator.h"
#include "source/source_file.h"

namespace steward::policy::testing {

// Every entity points at its own line of a fake file "plan.yaml": the line numbers below.
//   checkout_started (line 10): cart_id (11, pii none), email (12, user.contact.email,
//     consent marketing), total (13, number, pii none), items (14, array) > sku (15)
//   order_completed (20): order_id (21), phone (22, user.contact.phone), ip (23, unclassified)
//   legacy_viewed (30): deprecated since 2026-01-10, sunset 2026-06-30, replaced_by
//     checkout_started; owner missing
//   destinations: google_ads (40, allow_pii user.contact.email.hashed, events checkout_started
//     and order_completed, transformations hash_email, region us),
//     warehouse (45, allow_pii user, all events, region eu)
//   transformation hash_email (50): writes email -> user.contact.email.hashed
//   teams: team-data (60), team-security (61); source web (70)
std::unique_ptr<model::Model> make_model(const std::string& revision = "head");

// The span "plan.yaml" line `line`, column 1.
Span line_span(const model::Model& model, uint32_t line);

// The pack text `text` (one file, "test.policy") loaded and checked with the built-ins.
CheckResult check_text(const std::string& text);

// Diagnostics as "L:C: rule: message [suggestion]" lines.
std::string describe(const Diagnostics& diagnostics);

// Findings as "rule severity L:C message" lines (base spans as "base L:C").
std::string describe_findings(const Diagnostics& findings);

struct Run {
  EvaluationResult result;
  std::string errors;  // check or evaluation errors, described
};

Run run_text(const std::string& text, const model::Model& head, const model::Model* base = nullptr,
             const diff::ChangeSet* changes = nullptr, Env env = {});

}  // namespace steward::policy::testing
