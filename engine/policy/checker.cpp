#include "policy/checker.h"

#include <algorithm>
#include <map>

#include "model/pattern.h"
#include "policy/language_types.h"
#include "policy/limits.h"
#include "source/diagnostic_factory.h"
#include "source/rule_ids.h"
#include "source/spelling.h"

namespace steward::policy {
namespace {

std::string code(std::string_view name) {
  return "`" + std::string(name) + "`";
}

std::string position(const Span& span) {
  return std::to_string(span.line) + ":" + std::to_string(span.column);
}

// "a string", "a list<event>", "an event": how messages name a value of a type.
std::string a(const Type& type) {
  std::string name = to_string(type);
  if (type.kind == Type::Kind::none) return "none";
  bool vowel = !name.empty() && std::string_view("aeiou").find(name[0]) != std::string_view::npos;
  return (vowel ? "an " : "a ") + name;
}

bool is_bool_like(const Type& t) {
  return t.kind == Type::Kind::boolean || t.is_any() || t.kind == Type::Kind::none;
}

bool is_list_like(const Type& t) {
  return t.kind == Type::Kind::list || t.is_any() || t.kind == Type::Kind::none;
}

// The common type of two expressions (list items, if branches): equal types stay, none gives
// way to the other, anything else is `any`.
Type unify(const Type& a, const Type& b) {
  if (a.kind == Type::Kind::none) return b;
  if (b.kind == Type::Kind::none) return a;
  if (a.kind != b.kind) {
    if (a.is_stringlike() && b.is_stringlike()) return Type::string();
    return Type::any();
  }
  if (a.kind == Type::Kind::list) return Type::list(unify(a.element_type(), b.element_type()));
  if (a.kind == Type::Kind::object && a.object != b.object) return Type::any();
  return a;
}

struct Variable {
  std::string name;
  int slot;
  Type type;
  Span span;
};

struct FunctionState {
  FunctionDecl* decl = nullptr;
  enum { unchecked, checking, checked } state = unchecked;
};

// Shared by the checkers of one pack: diagnostics, literal names to validate, user functions.
struct PackContext {
  const FunctionRegistry& builtins;
  std::map<std::string, FunctionState, std::less<>> functions;
  Diagnostics diagnostics;
  std::vector<NameUse> names;
  int nesting = 0;              // functions being checked inside one another
  int active_depth = 0;         // expression levels on the checker's stack, across functions
  bool depth_reported = false;  // one call-depth error per pack says enough

  void error(const char* rule, const Span& span, std::string message, std::string suggestion = {}) {
    diagnostics.push_back(make_diagnostic(rule, Severity::error, span, std::move(message), {},
                                          std::move(suggestion)));
  }
};

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  auto guess = closest_match(word, candidates);
  return guess ? "did you mean " + code(*guess) + "?" : "";
}

// Checks one rule or one function body: names, types, and the literals to validate later.
class Checker {
 public:
  explicit Checker(PackContext& pack) : pack_(pack) {}

  int slot_count() const { return max_slot_; }

  void check_rule(RuleDecl& rule) {
    for (auto& clause : rule.clauses) {
      switch (clause.kind) {
        case Clause::Kind::for_each: {
          Type list = check(*clause.expr);
          Type element = Type::any();
          if (list.kind == Type::Kind::list) {
            element = list.element_type();
          } else if (!is_list_like(list)) {
            error_type(clause.expr->span,
                       "`for` needs a list to go through, but this is " + a(list));
          }
          clause.slot = declare(clause.variable, clause.variable_span, element);
          break;
        }
        case Clause::Kind::let:
          clause.slot = declare(clause.variable, clause.variable_span, check(*clause.expr));
          break;
        case Clause::Kind::where:
          expect_condition(*clause.expr, "`where`");
          break;
        case Clause::Kind::when:
          expect_condition(*clause.expr, "`when`");
          break;
      }
    }
    for (auto& outcome : rule.outcomes)
      check_outcome(outcome);
    rule.slot_count = max_slot_;
    if (reach_ > kMaxEvaluationDepth) report_nesting(rule.id_span);
  }

  // Checks an unchecked function's body once, with a checker of its own, one level deeper in
  // `pack`'s nesting (a call checks its callee first; the pack then checks those never called).
  static void check_body(PackContext& pack, FunctionState& state) {
    state.state = FunctionState::checking;
    ++pack.nesting;
    Checker(pack).check_function(*state.decl);
    --pack.nesting;
    state.state = FunctionState::checked;
  }

  void check_function(FunctionDecl& function) {
    function.param_types.clear();
    for (const auto& param : function.params) {
      Type type = resolve_type(param.type);
      function.param_types.push_back(type);
      declare(param.name, param.span, type);
    }
    function.result = function.body ? check(*function.body) : Type::any();
    function.slot_count = max_slot_;
    function.call_depth = 1 + callee_depth_;
    function.nesting_depth = reach_;
    if (function.call_depth > kMaxFunctionCallDepth) report_call_depth(function.name_span);
    if (reach_ > kMaxEvaluationDepth) report_nesting(function.name_span);
  }

 private:
  // --- scope ---

  int declare(const std::string& name, const Span& span, Type type) {
    for (const auto& root : roots()) {
      if (root.name == name) {
        pack_.error(rule_id::kPolicyDuplicateName, span,
                    code(name) + " is a root of the language and cannot be redefined");
      }
    }
    if (const Variable* existing = lookup(name)) {
      pack_.error(rule_id::kPolicyDuplicateName, span,
                  code(name) + " is already defined at " + position(existing->span) +
                      "; pick another name");
    }
    int slot = next_slot_++;
    max_slot_ = std::max(max_slot_, next_slot_);
    scope_.push_back(Variable{name, slot, std::move(type), span});
    return slot;
  }

  void pop_variable() {
    scope_.pop_back();
    --next_slot_;
  }

  const Variable* lookup(std::string_view name) const {
    for (auto it = scope_.rbegin(); it != scope_.rend(); ++it) {
      if (it->name == name) return &*it;
    }
    return nullptr;
  }

  std::vector<std::string> visible_names() const {
    std::vector<std::string> names;
    for (const auto& root : roots())
      names.push_back(root.name);
    for (const auto& v : scope_)
      names.push_back(v.name);
    return names;
  }

  // --- types written in `func` parameters ---

  Type resolve_type(const TypeName& name) {
    static const std::map<std::string, Type, std::less<>> primitives = {
        {"any", Type::any()},       {"bool", Type::boolean()},      {"number", Type::number()},
        {"string", Type::string()}, {"category", Type::category()}, {"purpose", Type::purpose()},
        {"team", Type::team()}};
    if (name.name == "list") {
      if (!name.element) {
        pack_.error(rule_id::kPolicyUnknownType, name.span,
                    "`list` needs an element type, as in `list<event>`");
        return Type::list(Type::any());
      }
      return Type::list(resolve_type(*name.element));
    }
    if (auto it = primitives.find(name.name); it != primitives.end()) return it->second;
    if (const ObjectType* object = language_types().find(name.name)) {
      return Type::object_of(object);
    }
    std::vector<std::string> candidates;
    for (const auto& [primitive, type] : primitives)
      candidates.push_back(primitive);
    candidates.push_back("list");
    for (const ObjectType* object : language_types().all)
      candidates.push_back(object->name);
    pack_.error(rule_id::kPolicyUnknownType, name.span, "unknown type " + code(name.name),
                did_you_mean(name.name, candidates));
    return Type::any();
  }

  // --- outcomes ---

  void check_outcome(Outcome& outcome) {
    if (outcome.at) {
      Type at = check(*outcome.at);
      bool fine = at.kind == Type::Kind::object || at.is_stringlike() || at.is_any() ||
                  at.kind == Type::Kind::none;
      if (!fine) {
        error_type(outcome.at->span,
                   "`at` needs a model entity (an event, a property, ...) or a name read from "
                   "the model, but this is " +
                       a(at));
      }
    }
    if (outcome.message) check(*outcome.message);
    if (outcome.suggestion) check(*outcome.suggestion);
    if (outcome.team) {
      Expr& team = *outcome.team;
      // `require review by team-security`: a bare name that is no variable names a team.
      if (team.kind == ExprKind::name && lookup(team.text) == nullptr &&
          std::none_of(roots().begin(), roots().end(),
                       [&](const RootInfo& r) { return r.name == team.text; })) {
        team.kind = ExprKind::string_literal;
        team.resolved.type = Type::team();
        pack_.names.push_back(NameUse{NameUse::Kind::team, team.text, team.span});
        return;
      }
      Type type = check(team);
      expect_names(Type::team(), team);
      bool fine = type.is_stringlike() || type.is_any() || type.kind == Type::Kind::none ||
                  (type.kind == Type::Kind::object && type.object == language_types().team);
      if (!fine) {
        error_type(team.span, "`require review by` needs a team, but this is " + a(type));
      }
    }
  }

  // --- expressions ---

  void error_type(const Span& span, std::string message) {
    pack_.error(rule_id::kPolicyType, span, std::move(message));
  }

  void expect_condition(Expr& e, const std::string& what) {
    Type t = check(e);
    if (!is_bool_like(t)) {
      error_type(e.span, what + " needs a condition (true or false), but this is " + a(t));
    }
  }

  // A string literal (or a list of them) standing where a team, category or purpose is wanted is
  // remembered, to be checked against the model.
  void expect_names(const Type& wanted, const Expr& e) {
    NameUse::Kind kind;
    switch (wanted.kind) {
      case Type::Kind::team:
        kind = NameUse::Kind::team;
        break;
      case Type::Kind::category:
        kind = NameUse::Kind::category;
        break;
      case Type::Kind::purpose:
        kind = NameUse::Kind::purpose;
        break;
      case Type::Kind::list:
        expect_names(wanted.element_type(), e);
        return;
      default:
        return;
    }
    if (e.kind == ExprKind::string_literal) {
      pack_.names.push_back(NameUse{kind, e.text, e.span});
    } else if (e.kind == ExprKind::list) {
      for (const auto& item : e.operands) {
        if (item->kind == ExprKind::string_literal) {
          pack_.names.push_back(NameUse{kind, item->text, item->span});
        }
      }
    }
  }

  Type check(Expr& e) {
    // Function bodies are checked where first called, so this stack spans functions too.
    if (pack_.active_depth >= kMaxEvaluationDepth) {
      report_nesting(e.span);
      return Type::any();
    }
    ++pack_.active_depth;
    reach_ = std::max(reach_, ++depth_);
    Type t = infer(e);
    --depth_;
    --pack_.active_depth;
    e.resolved.type = t;
    return t;
  }

  Type infer(Expr& e) {
    switch (e.kind) {
      case ExprKind::none_literal:
        return Type::none();
      case ExprKind::bool_literal:
        return Type::boolean();
      case ExprKind::number_literal:
        return Type::number();
      case ExprKind::string_literal:
        return Type::string();
      case ExprKind::interpolation:
        for (auto& part : e.operands)
          check(*part);
        return Type::string();
      case ExprKind::list: {
        Type element = Type::none();
        for (auto& item : e.operands)
          element = unify(element, check(*item));
        return Type::list(element.kind == Type::Kind::none ? Type::any() : element);
      }
      case ExprKind::name:
        return infer_name(e);
      case ExprKind::field:
        return infer_field(e);
      case ExprKind::method_call:
        return infer_method(e);
      case ExprKind::call:
        return infer_call(e);
      case ExprKind::index: {
        Type list = check(*e.operands[0]);
        Type index = check(*e.operands[1]);
        if (index.kind != Type::Kind::number && !index.is_any()) {
          error_type(e.operands[1]->span, "a list index is a number, but this is " + a(index));
        }
        if (list.kind == Type::Kind::list) return list.element_type();
        if (!is_list_like(list))
          error_type(e.operands[0]->span, "only lists can be indexed, but this is " + a(list));
        return Type::any();
      }
      case ExprKind::not_op:
        expect_condition(*e.operands[0], "`not`");
        return Type::boolean();
      case ExprKind::binary:
        return infer_binary(e);
      case ExprKind::quantifier: {
        Type list = check(*e.operands[0]);
        Type element = Type::any();
        if (list.kind == Type::Kind::list) {
          element = list.element_type();
        } else if (!is_list_like(list)) {
          error_type(e.operands[0]->span,
                     std::string("`") + (e.quantifier == QuantifierKind::some ? "some" : "all") +
                         "` needs a list to go through, but this is " + a(list));
        }
        e.resolved.slot = declare(e.text, e.name_span, element);
        expect_condition(*e.operands[1], "the quantifier's body");
        pop_variable();
        return Type::boolean();
      }
      case ExprKind::conditional: {
        expect_condition(*e.operands[0], "`if`");
        return unify(check(*e.operands[1]), check(*e.operands[2]));
      }
    }
    return Type::any();
  }

  Type infer_name(Expr& e) {
    if (const Variable* v = lookup(e.text)) {
      e.resolved.slot = v->slot;
      return v->type;
    }
    for (const auto& root : roots()) {
      if (root.name == e.text) {
        e.resolved.root = static_cast<int>(root.root);
        return root.type;
      }
    }
    std::string hint = did_you_mean(e.text, visible_names());
    if (hint.empty() && !pack_.builtins.find(e.text).empty()) {
      hint = code(e.text) + " is a function: call it, as in " + code(e.text + "(...)");
    }
    pack_.error(rule_id::kPolicyUnknownName, e.span,
                "unknown name " + code(e.text) +
                    "; a path starts at a variable or at `head`, `base`, `changes` or `env`",
                hint);
    return Type::any();
  }

  Type infer_field(Expr& e) {
    Type base = check(*e.operands[0]);
    switch (base.kind) {
      case Type::Kind::any:
        return Type::any();  // resolved by name at run time
      case Type::Kind::none:
        return Type::none();
      case Type::Kind::object: {
        const ObjectType& object = *base.object;
        if (const FieldInfo* field = object.field(e.text)) {
          e.resolved.field = field;
          return field->type;
        }
        if (object.method(e.text) != nullptr) {
          pack_.error(rule_id::kPolicyUnknownField, e.name_span,
                      code(e.text) + " is a method of " + object.name +
                          "; call it: " + code(e.text + "(...)"));
          return Type::any();
        }
        pack_.error(rule_id::kPolicyUnknownField, e.name_span,
                    object.name + " has no field " + code(e.text),
                    did_you_mean(e.text, object.member_names()));
        return Type::any();
      }
      case Type::Kind::list: {
        std::string hint =
            "go through it with `for` or a quantifier (`some x in xs: x." + e.text + " == ...`)";
        if (e.text == "size" || e.text == "length" || e.text == "count") {
          hint = "use `count(...)`";
        }
        pack_.error(rule_id::kPolicyUnknownField, e.name_span,
                    a(base) + " has no field " + code(e.text) + "; " + hint);
        return Type::any();
      }
      default:
        pack_.error(rule_id::kPolicyUnknownField, e.name_span,
                    a(base) + " has no field " + code(e.text));
        return Type::any();
    }
  }

  // Checks call arguments against parameter types; returns false (after reporting) on mismatch.
  bool check_arguments(const std::string& what, const Span& where,
                       std::vector<ExprPtr>::iterator first, std::vector<ExprPtr>::iterator last,
                       const std::vector<Type>& types, const std::vector<Type>& params) {
    size_t given = static_cast<size_t>(last - first);
    if (given != params.size()) {
      pack_.error(rule_id::kPolicyArguments, where,
                  what + " takes " + std::to_string(params.size()) + " argument" +
                      (params.size() == 1 ? "" : "s") + ", but " + std::to_string(given) +
                      (given == 1 ? " is" : " are") + " given");
      return false;
    }
    bool ok = true;
    for (size_t i = 0; i < given; ++i) {
      Expr& arg = **(first + static_cast<std::ptrdiff_t>(i));
      if (!fits(types[i], params[i])) {
        error_type(arg.span, what + " wants " + a(params[i]) + " here, but this is " + a(types[i]));
        ok = false;
      } else {
        expect_names(params[i], arg);
      }
    }
    return ok;
  }

  Type infer_method(Expr& e) {
    Type base = check(*e.operands[0]);
    std::vector<Type> types;
    for (size_t i = 1; i < e.operands.size(); ++i)
      types.push_back(check(*e.operands[i]));
    if (base.is_any() || base.kind == Type::Kind::none) return Type::any();
    if (base.kind != Type::Kind::object) {
      std::string hint;
      if (!pack_.builtins.find(e.text).empty() || pack_.functions.count(e.text)) {
        hint = code(e.text) + " is a function: call it as " + code(e.text + "(x, ...)");
      }
      pack_.error(rule_id::kPolicyUnknownMethod, e.name_span,
                  a(base) + " has no method " + code(e.text), hint);
      return Type::any();
    }
    const ObjectType& object = *base.object;
    const MethodInfo* method = object.method(e.text);
    if (method == nullptr) {
      if (object.field(e.text) != nullptr) {
        pack_.error(
            rule_id::kPolicyUnknownMethod, e.name_span,
            code(e.text) + " is a field of " + object.name + ", not a method; drop the `(...)`");
      } else {
        pack_.error(rule_id::kPolicyUnknownMethod, e.name_span,
                    object.name + " has no method " + code(e.text),
                    did_you_mean(e.text, object.member_names()));
      }
      return Type::any();
    }
    e.resolved.method = method;
    check_arguments(object.name + "." + e.text, e.span, e.operands.begin() + 1, e.operands.end(),
                    types, method->params);
    return method->result;
  }

  Type infer_call(Expr& e) {
    std::vector<Type> types;
    for (auto& arg : e.operands)
      types.push_back(check(*arg));
    if (auto it = pack_.functions.find(e.text); it != pack_.functions.end()) {
      FunctionDecl* function = ensure_checked(it->second, e.name_span);
      if (function == nullptr) return Type::any();
      e.resolved.function = function;
      callee_depth_ = std::max(callee_depth_, function->call_depth);
      reach_ = std::max(reach_, depth_ + function->nesting_depth);
      check_arguments(code(e.text), e.span, e.operands.begin(), e.operands.end(), types,
                      function->param_types);
      return function->result;
    }
    auto overloads = pack_.builtins.find(e.text);
    if (overloads.empty()) {
      std::vector<std::string> candidates = pack_.builtins.names();
      for (const auto& [name, state] : pack_.functions)
        candidates.push_back(name);
      std::string hint = did_you_mean(e.text, candidates);
      if (hint.empty() && lookup(e.text)) hint = code(e.text) + " is a variable, not a function";
      pack_.error(rule_id::kPolicyUnknownFunction, e.name_span, "unknown function " + code(e.text),
                  hint);
      return Type::any();
    }
    for (const FunctionOverload* overload : overloads) {
      if (overload->params.size() != types.size()) continue;
      bool fit = true;
      for (size_t i = 0; i < types.size() && fit; ++i)
        fit = fits(types[i], overload->params[i]);
      if (!fit) continue;
      e.resolved.builtin = overload;
      for (size_t i = 0; i < types.size(); ++i)
        expect_names(overload->params[i], *e.operands[i]);
      return overload->result_of ? overload->result_of(types) : overload->result;
    }
    std::string given;
    for (size_t i = 0; i < types.size(); ++i)
      given += (i ? ", " : "") + to_string(types[i]);
    std::string wanted;
    for (const FunctionOverload* overload : overloads) {
      std::string params;
      for (size_t i = 0; i < overload->params.size(); ++i) {
        params += (i ? ", " : "") + to_string(overload->params[i]);
      }
      wanted += (wanted.empty() ? "" : " or ") + code(e.text + "(" + params + ")");
    }
    pack_.error(rule_id::kPolicyArguments, e.span,
                code(e.text) + " does not take (" + given + "); it takes " + wanted);
    return Type::any();
  }

  // Functions are checked on first call, so a caller sees its callee's result type.
  FunctionDecl* ensure_checked(FunctionState& state, const Span& call) {
    if (state.state == FunctionState::checking) {
      pack_.error(rule_id::kPolicyRecursion, call,
                  "function " + code(state.decl->name) +
                      " calls itself (directly or through other functions); the language has no "
                      "recursion, so that every rule ends");
      return nullptr;
    }
    if (state.state == FunctionState::unchecked) {
      // Checking a callee nests inside its caller's check: a chain of thousands of functions
      // must stop here, not on the stack.
      if (pack_.nesting >= kMaxFunctionCallDepth) {
        report_call_depth(call);
        return nullptr;
      }
      check_body(pack_, state);
    }
    return state.decl;
  }

  void report_nesting(const Span& where) {
    if (pack_.depth_reported) return;
    pack_.depth_reported = true;
    pack_.error(rule_id::kPolicyCallDepth, where,
                "expressions nest more than " + std::to_string(kMaxEvaluationDepth) +
                    " levels deep here, counting the bodies of the functions called (limit: "
                    "nesting through calls)",
                "call fewer functions from one another, or nest less in their bodies");
  }

  void report_call_depth(const Span& where) {
    if (pack_.depth_reported) return;
    pack_.depth_reported = true;
    pack_.error(rule_id::kPolicyCallDepth, where,
                "functions call one another more than " + std::to_string(kMaxFunctionCallDepth) +
                    " deep here (limit: function call depth)",
                "call fewer functions from one another: inline a function into its caller or "
                "compute the value once with `let`");
  }

  // Long: the typing rules of every binary operator, side by side so they stay consistent.
  Type infer_binary(Expr& e) {
    if (e.op == BinaryOp::and_op || e.op == BinaryOp::or_op) {
      for (auto& operand : e.operands) {
        expect_condition(*operand, code(to_string(e.op)));
      }
      return Type::boolean();
    }
    Expr& left = *e.operands[0];
    Expr& right = *e.operands[1];
    Type l = check(left);
    Type r = check(right);
    std::string op = code(to_string(e.op));
    switch (e.op) {
      case BinaryOp::eq:
      case BinaryOp::ne:
        if (!comparable(l, r)) {
          error_type(e.span, "cannot compare " + a(l) + " with " + a(r) + " using " + op);
        }
        expect_names(l, right);
        expect_names(r, left);
        break;
      case BinaryOp::lt:
      case BinaryOp::le:
      case BinaryOp::gt:
      case BinaryOp::ge: {
        auto orderable = [](const Type& t) {
          return t.kind == Type::Kind::number || t.is_stringlike() || t.is_any() ||
                 t.kind == Type::Kind::none;
        };
        bool same = (l.kind == Type::Kind::number) == (r.kind == Type::Kind::number) ||
                    l.is_any() || r.is_any() || l.kind == Type::Kind::none ||
                    r.kind == Type::Kind::none;
        if (!orderable(l) || !orderable(r) || !same) {
          error_type(e.span,
                     op + " orders numbers or strings, but these are " + a(l) + " and " + a(r));
        }
        break;
      }
      case BinaryOp::in:
      case BinaryOp::not_in:
        if (r.kind == Type::Kind::list) {
          if (!comparable(l, r.element_type())) {
            error_type(e.span, "cannot look for " + a(l) + " in " + a(r));
          }
          expect_names(r.element_type(), left);
          expect_names(l, right);
        } else if (r.is_stringlike()) {
          if (!l.is_stringlike() && !l.is_any() && l.kind != Type::Kind::none) {
            error_type(e.span, "cannot look for " + a(l) + " in a string");
          }
        } else if (!r.is_any() && r.kind != Type::Kind::none) {
          error_type(right.span,
                     op + " needs a list (or a string) on its right, but this is " + a(r));
        }
        break;
      case BinaryOp::matches:
      case BinaryOp::glob:
        if (!l.is_stringlike() && !l.is_any() && l.kind != Type::Kind::none) {
          error_type(left.span, op + " tests a string, but this is " + a(l));
        }
        if (!r.is_stringlike() && !r.is_any()) {
          error_type(right.span, op + " needs a pattern string on its right, but this is " + a(r));
        }
        if (e.op == BinaryOp::matches && right.kind == ExprKind::string_literal) {
          model::CompiledPattern compiled = model::compile_pattern(right.text);
          if (compiled.regex) {
            e.resolved.regex = std::move(compiled.regex);
          } else {
            pack_.error(rule_id::kPolicyRegex, right.span, compiled.problem);
          }
        }
        break;
      case BinaryOp::within: {
        auto category_like = [](const Type& t) {
          return t.kind == Type::Kind::category || t.kind == Type::Kind::string || t.is_any() ||
                 t.kind == Type::Kind::none;
        };
        if (!category_like(l)) {
          error_type(left.span, "`within` tests a PII category, but this is " + a(l));
        }
        bool right_ok =
            category_like(r) || (r.kind == Type::Kind::list && category_like(r.element_type()));
        if (!right_ok) {
          error_type(right.span,
                     "`within` needs a category or a list of categories on its right, but this "
                     "is " +
                         a(r));
        }
        expect_names(Type::category(), right);
        break;
      }
      default:
        break;
    }
    return Type::boolean();
  }

  PackContext& pack_;
  int callee_depth_ = 0;  // the deepest call_depth among the functions this body calls
  int depth_ = 0;         // expression levels of this body being checked now
  int reach_ = 0;         // the deepest level evaluation reaches, callees' bodies included
  std::vector<Variable> scope_;
  int next_slot_ = 0;
  int max_slot_ = 0;
};

}  // namespace

struct PackChecker {
  static CheckResult check(std::shared_ptr<RulePack> pack, const FunctionRegistry& functions) {
    PackContext context{functions, {}, {}, {}};
    for (auto& file : pack->mutable_files()) {
      for (auto& function : file->functions) {
        if (!functions.find(function->name).empty()) {
          context.error(rule_id::kPolicyDuplicateName, function->name_span,
                        "function " + code(function->name) +
                            " has the name of a built-in; pick another name");
        }
        context.functions[function->name].decl = function.get();
      }
    }
    for (auto& [name, state] : context.functions) {
      if (state.state == FunctionState::unchecked) Checker::check_body(context, state);
    }
    for (auto& file : pack->mutable_files()) {
      for (auto& rule : file->rules)
        Checker(context).check_rule(rule);
    }
    CheckResult result;
    if (!context.diagnostics.empty()) {
      result.diagnostics = std::move(context.diagnostics);
      return result;
    }
    auto checked = std::make_shared<CheckedPack>();
    for (auto& file : pack->mutable_files()) {
      for (auto& function : file->functions) {
        if (function->body) plan_quantifiers(*function->body, checked->joins_);
      }
      for (auto& rule : file->rules) {
        for (auto& clause : rule.clauses)
          plan_quantifiers(*clause.expr, checked->joins_);
        for (auto& outcome : rule.outcomes) {
          for (ExprPtr* part :
               {&outcome.at, &outcome.message, &outcome.suggestion, &outcome.team}) {
            if (*part) plan_quantifiers(**part, checked->joins_);
          }
        }
        checked->rules_.push_back(CheckedRule{&rule, plan_rule(rule)});
      }
    }
    checked->names_ = std::move(context.names);
    checked->pack_ = std::move(pack);
    result.pack = std::move(checked);
    return result;
  }
};

CheckResult check_pack(std::shared_ptr<RulePack> pack, const FunctionRegistry& functions) {
  return PackChecker::check(std::move(pack), functions);
}

Diagnostics check_names(const CheckedPack& pack, const model::Model& model) {
  Diagnostics out;
  auto report = [&](const char* rule, const NameUse& use, std::string message,
                    const std::vector<std::string>& candidates) {
    out.push_back(make_diagnostic(rule, Severity::error, use.span, std::move(message), {},
                                  did_you_mean(use.name, candidates)));
  };
  for (const NameUse& use : pack.name_uses()) {
    switch (use.kind) {
      case NameUse::Kind::team:
        if (model.find_team(use.name) == nullptr) {
          std::vector<std::string> teams;
          for (const auto& team : model.teams)
            teams.push_back(team.name);
          report(rule_id::kPolicyUnknownTeam, use,
                 "unknown team " + code(use.name) + "; teams are defined by `kind: team` files",
                 teams);
        }
        break;
      case NameUse::Kind::category:
        if (!model.taxonomy.has_category(use.name)) {
          // Ancestors are valid categories too ("user.contact"), so they are candidates.
          std::vector<std::string> categories;
          for (const auto& c : model.taxonomy.pii_categories) {
            for (size_t dot = c.name.find('.'); dot != std::string::npos;
                 dot = c.name.find('.', dot + 1)) {
              categories.push_back(c.name.substr(0, dot));
            }
            categories.push_back(c.name);
          }
          report(rule_id::kPolicyUnknownCategory, use,
                 "unknown PII category " + code(use.name) + " (not in the taxonomy)", categories);
        }
        break;
      case NameUse::Kind::purpose:
        if (!model.taxonomy.has_purpose(use.name)) {
          std::vector<std::string> purposes;
          for (const auto& p : model.taxonomy.consent_purposes)
            purposes.push_back(p.name);
          report(rule_id::kPolicyUnknownPurpose, use,
                 "unknown consent purpose " + code(use.name) + " (not in the taxonomy)", purposes);
        }
        break;
    }
  }
  return out;
}

}  // namespace steward::policy
