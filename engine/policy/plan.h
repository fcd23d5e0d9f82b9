#pragma once

#include <vector>

#include "policy/ast.h"

namespace steward::policy {

// How a checked rule runs: its clauses reordered so that every condition is tested as soon as
// the variables it reads are bound (a `where` on the outer loop variable does not wait for the
// inner loop), and loops over a collection that does not depend on the outer loops turned into
// hash-index lookups when a condition equates the loop variable with something outer:
//
//   for route in head.routes
//   for e in head.events
//   where e.name == route.event.name      -> one index of head.events by name, built once,
//                                            probed per route: routes + events, not their product
struct PlanStep {
  enum class Kind { filter, bind, loop, join };
  Kind kind = Kind::filter;
  const Expr* expr = nullptr;  // filter: the condition; bind: the value; loop, join: the list
  int slot = -1;               // bind, loop, join: the variable's frame slot
  // join: the elements whose `key` (computed from the element alone) equals `probe` (computed
  // from earlier variables); with `membership`, `probe` is a list and any of its elements may
  // match (`where y.name in x.events`).
  const Expr* key = nullptr;
  const Expr* probe = nullptr;
  bool membership = false;
  int index = -1;  // the rule's join index it uses
};

struct RulePlan {
  std::vector<PlanStep> steps;
  int index_count = 0;
};

// `some y in LIST: KEY == PROBE` where LIST reads no local variable: one index of LIST by KEY
// per evaluation answers every probe. Indexed by Resolution::join.
struct QuantifierJoin {
  const Expr* list = nullptr;
  const Expr* key = nullptr;      // reads only the quantifier's variable
  const Expr* probe = nullptr;    // does not read it
  std::vector<const Expr*> rest;  // other conjuncts of the body, tested on each match
  int slot = -1;
};

// Plans one checked rule.
RulePlan plan_rule(const RuleDecl& rule);

// Finds quantifiers that an index can serve anywhere in `expr` (rules and function bodies),
// appends them to `joins` and marks them (Resolution::join).
void plan_quantifiers(Expr& expr, std::vector<QuantifierJoin>& joins);

}  // namespace steward::policy
