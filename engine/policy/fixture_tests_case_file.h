#pragma once

#include <filesystem>
#include <string>

#include "git/snapshot.h"
#include "policy/policy_input.h"
#include "source/diagnostic.h"

// What a fixture case may say besides its data, and the data all cases of a pack share.
namespace steward::policy {

// `tests/<case>/case.yaml`:
//
//   env:
//     today: 2026-01-15
//     actor: alice
//     labels: [security-reviewed]
//     environment: production
//
// Each key given replaces the runner's value for this case. `display` names the file in
// messages. Problems (syntax, unknown keys with a did-you-mean, wrong types) are returned as
// `policy.fixture` diagnostics with their place; `env` is then left as it was.
Diagnostics read_case_file(const std::filesystem::path& file, const std::string& display, Env& env);

// Adds the files of `shared` (the pack's tests/_shared/) that `side` does not hold itself, so a
// case's own file replaces the shared file of the same path.
void add_shared_files(const git::Snapshot& shared, git::Snapshot& side);

}  // namespace steward::policy
