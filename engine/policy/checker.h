#pragma once

#include <memory>
#include <vector>

#include "model/model.h"
#include "policy/functions.h"
#include "policy/plan.h"
#include "policy/rule_pack.h"
#include "source/diagnostic.h"

namespace steward::policy {

// A literal the checker cannot judge alone: a team, PII category or consent purpose named in
// the pack, to be found in the model the pack runs over (check_names).
struct NameUse {
  enum class Kind { team, category, purpose };
  Kind kind;
  std::string name;
  Span span;
};

struct CheckedRule {
  const RuleDecl* rule = nullptr;
  RulePlan plan;
};

// A pack that passed the checker: every name resolved, every type consistent, every rule
// planned. Only a CheckedPack can be evaluated.
class CheckedPack {
 public:
  const RulePack& pack() const { return *pack_; }
  const std::vector<CheckedRule>& rules() const { return rules_; }
  const std::vector<QuantifierJoin>& quantifier_joins() const { return joins_; }
  const std::vector<NameUse>& name_uses() const { return names_; }

 private:
  friend struct PackChecker;
  std::shared_ptr<RulePack> pack_;
  std::vector<CheckedRule> rules_;
  std::vector<QuantifierJoin> joins_;
  std::vector<NameUse> names_;
};

struct CheckResult {
  std::shared_ptr<const CheckedPack> pack;  // null when there are diagnostics
  Diagnostics diagnostics;                  // policy.* errors with spans and did-you-mean

  bool ok() const { return pack != nullptr; }
};

// Resolves and type-checks every rule and function of `pack` against the language's types
// (language_types()) and `functions`. Takes the pack over: the checker annotates its tree.
// A pack with load diagnostics must not be checked.
CheckResult check_pack(std::shared_ptr<RulePack> pack, const FunctionRegistry& functions);

// Checks the teams, PII categories and consent purposes the pack names as literals against the
// model it is about to run over (teams of the model, its taxonomy), with did-you-mean.
Diagnostics check_names(const CheckedPack& pack, const model::Model& model);

}  // namespace steward::policy
