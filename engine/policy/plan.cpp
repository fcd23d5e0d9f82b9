#include "policy/plan.h"

#include <algorithm>
#include <set>

namespace steward::policy {
namespace {

// The local variables (frame slots) an expression reads, not counting the variables of the
// quantifiers inside it. Slots of quantifiers are reused after their scope, so they are excluded
// by scope rather than by number.
void free_slots(const Expr& e, std::vector<int>& bound, std::set<int>& out) {
  if (e.kind == ExprKind::name && e.resolved.slot >= 0 &&
      std::find(bound.begin(), bound.end(), e.resolved.slot) == bound.end()) {
    out.insert(e.resolved.slot);
  }
  if (e.kind == ExprKind::quantifier) {
    free_slots(*e.operands[0], bound, out);
    bound.push_back(e.resolved.slot);
    free_slots(*e.operands[1], bound, out);
    bound.pop_back();
    return;
  }
  for (const auto& operand : e.operands)
    free_slots(*operand, bound, out);
}

std::set<int> free_slots(const Expr& e) {
  std::vector<int> bound;
  std::set<int> out;
  free_slots(e, bound, out);
  return out;
}

void split_conjuncts(const Expr& e, std::vector<const Expr*>& out) {
  if (e.kind == ExprKind::binary && e.op == BinaryOp::and_op) {
    for (const auto& operand : e.operands)
      split_conjuncts(*operand, out);
  } else {
    out.push_back(&e);
  }
}

bool subset(const std::set<int>& a, const std::set<int>& b) {
  return std::includes(b.begin(), b.end(), a.begin(), a.end());
}

struct Binder {
  const Clause* clause;
  std::vector<const Expr*> conditions;  // conjuncts to test right after this binder
};

struct JoinMatch {
  const Expr* key = nullptr;
  const Expr* probe = nullptr;
  bool membership = false;
};

// `KEY == PROBE` (either way round) or `KEY in PROBE` (PROBE a list), where KEY reads `slot` and
// otherwise only `allowed_with_key`, and PROBE does not read `slot`.
std::optional<JoinMatch> match_join(const Expr& condition, int slot,
                                    const std::set<int>& allowed_with_key) {
  if (condition.kind != ExprKind::binary) return std::nullopt;
  if (condition.op != BinaryOp::eq && condition.op != BinaryOp::in) return std::nullopt;
  const Expr& left = *condition.operands[0];
  const Expr& right = *condition.operands[1];
  std::set<int> l = free_slots(left);
  std::set<int> r = free_slots(right);
  std::set<int> key_allowed = allowed_with_key;
  key_allowed.insert(slot);
  auto is_key = [&](const std::set<int>& s) { return s.count(slot) && subset(s, key_allowed); };
  if (condition.op == BinaryOp::in) {
    if (right.resolved.type.kind != Type::Kind::list) return std::nullopt;
    if (is_key(l) && !r.count(slot)) return JoinMatch{&left, &right, true};
    return std::nullopt;
  }
  if (is_key(l) && !r.count(slot)) return JoinMatch{&left, &right, false};
  if (is_key(r) && !l.count(slot)) return JoinMatch{&right, &left, false};
  return std::nullopt;
}

}  // namespace

RulePlan plan_rule(const RuleDecl& rule) {
  std::vector<Binder> binders;
  std::vector<const Expr*> upfront;  // conditions that read no variable
  std::vector<const Expr*> conditions;
  std::vector<size_t> position;  // per condition: the binder after which it can run, or npos
  for (const auto& clause : rule.clauses) {
    if (clause.kind == Clause::Kind::for_each || clause.kind == Clause::Kind::let) {
      binders.push_back(Binder{&clause, {}});
      continue;
    }
    std::vector<const Expr*> parts;
    split_conjuncts(*clause.expr, parts);
    for (const Expr* part : parts) {
      std::set<int> reads = free_slots(*part);
      // The latest binder among those it reads; clauses before it bound everything else.
      size_t after = SIZE_MAX;
      for (size_t i = 0; i < binders.size(); ++i) {
        if (reads.count(binders[i].clause->slot)) after = i;
      }
      if (after == SIZE_MAX) {
        upfront.push_back(part);
      } else {
        binders[after].conditions.push_back(part);
      }
    }
  }

  // Slots bound before the first loop: a list reading only these is the same on every iteration.
  std::set<int> invariant;
  size_t first_loop = binders.size();
  for (size_t i = 0; i < binders.size(); ++i) {
    if (binders[i].clause->kind == Clause::Kind::for_each) {
      first_loop = i;
      break;
    }
    invariant.insert(binders[i].clause->slot);
  }

  RulePlan plan;
  for (const Expr* condition : upfront)
    plan.steps.push_back({PlanStep::Kind::filter, condition});
  for (size_t i = 0; i < binders.size(); ++i) {
    const Clause& clause = *binders[i].clause;
    std::vector<const Expr*> remaining = binders[i].conditions;
    PlanStep step;
    step.expr = clause.expr.get();
    step.slot = clause.slot;
    step.kind = clause.kind == Clause::Kind::let ? PlanStep::Kind::bind : PlanStep::Kind::loop;
    if (step.kind == PlanStep::Kind::loop && i > first_loop &&
        subset(free_slots(*clause.expr), invariant)) {
      for (auto it = remaining.begin(); it != remaining.end(); ++it) {
        if (auto match = match_join(**it, clause.slot, invariant)) {
          step.kind = PlanStep::Kind::join;
          step.key = match->key;
          step.probe = match->probe;
          step.membership = match->membership;
          step.index = plan.index_count++;
          remaining.erase(it);
          break;
        }
      }
    }
    plan.steps.push_back(step);
    for (const Expr* condition : remaining) {
      plan.steps.push_back({PlanStep::Kind::filter, condition});
    }
  }
  return plan;
}

void plan_quantifiers(Expr& expr, std::vector<QuantifierJoin>& joins) {
  for (auto& operand : expr.operands)
    plan_quantifiers(*operand, joins);
  if (expr.kind != ExprKind::quantifier || expr.quantifier != QuantifierKind::some) return;
  if (!free_slots(*expr.operands[0]).empty()) return;  // the list must be the same every time
  std::vector<const Expr*> parts;
  split_conjuncts(*expr.operands[1], parts);
  for (size_t i = 0; i < parts.size(); ++i) {
    auto match = match_join(*parts[i], expr.resolved.slot, {});
    if (!match || match->membership) continue;
    QuantifierJoin join;
    join.list = expr.operands[0].get();
    join.key = match->key;
    join.probe = match->probe;
    join.slot = expr.resolved.slot;
    for (size_t j = 0; j < parts.size(); ++j) {
      if (j != i) join.rest.push_back(parts[j]);
    }
    expr.resolved.join = static_cast<int>(joins.size());
    joins.push_back(std::move(join));
    return;
  }
}

}  // namespace steward::policy
