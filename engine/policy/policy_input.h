#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diff/change_set.h"
#include "model/model.h"

namespace steward::policy {

// The CLI's inputs that rules may read through the `env` root.
struct Env {
  std::string actor;                // who made the change (GITHUB_ACTOR, GITLAB_USER_LOGIN)
  std::vector<std::string> labels;  // labels of the pull request
  std::string environment;          // the target environment: production, staging, ...
  std::string today;                // YYYY-MM-DD; the CLI passes the date so that tests can fix it
  std::optional<double> coverage_minimum;  // steward.yaml `coverage: {minimum: N%}`, in percent
};

// What a pack is evaluated over. Only `head` is required: without a base revision, `base` is none
// and `changes` is empty. Everything must outlive the evaluation.
struct PolicyInput {
  const model::Model* head = nullptr;
  const model::Model* base = nullptr;
  const diff::ChangeSet* changes = nullptr;
  Env env;
};

}  // namespace steward::policy
