#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "policy/types.h"
#include "source/diagnostic.h"
#include "source/span.h"

namespace re2 {
class RE2;
}

// steward's own syntax tree of a `.policy` file. The parser builds it (no ANTLR type leaves
// parser.cpp); the checker resolves names and types in place (the `Resolution` of each node), and
// the evaluator runs only trees the checker accepted.
namespace steward::policy {

struct FieldInfo;
struct MethodInfo;
struct FunctionOverload;
struct FunctionDecl;

enum class ExprKind {
  none_literal,
  bool_literal,
  number_literal,
  string_literal,  // text without interpolation (quoted or raw)
  interpolation,   // "a {x} b": operands are string literals and expressions, in order
  list,            // [a, b]
  name,            // a variable, a root (head, base, changes, env) or, after `by`, a team
  field,           // operands[0].text
  method_call,     // operands[0].text(operands[1..])
  call,            // text(operands...)
  index,           // operands[0][operands[1]]
  not_op,          // not operands[0]
  binary,          // operands[0] op operands[1]; `and`/`or` may have more operands (a chain)
  quantifier,      // some|all text in operands[0]: operands[1]
  conditional,     // if operands[0] then operands[1] else operands[2]
};

enum class BinaryOp { eq, ne, lt, le, gt, ge, in, not_in, matches, glob, within, and_op, or_op };
enum class QuantifierKind { some, all };

std::string_view to_string(BinaryOp op);

// What the checker found a node to mean. Empty until the pack is checked.
struct Resolution {
  Type type;
  int slot = -1;                              // name, quantifier: the variable's frame slot
  int root = -1;                              // name: a root (head, base, changes, env)
  int join = -1;                              // `some` served by a hash index (the plan's table)
  const FieldInfo* field = nullptr;           // field
  const MethodInfo* method = nullptr;         // method_call
  const FunctionOverload* builtin = nullptr;  // call of a native built-in
  const FunctionDecl* function = nullptr;     // call of a user-defined function
  std::shared_ptr<const re2::RE2> regex;      // `matches` with a literal pattern: compiled once
};

struct Expr {
  ExprKind kind = ExprKind::none_literal;
  Span span;       // the whole expression
  Span name_span;  // name, field, method_call, call, quantifier: the identifier alone
  bool bool_value = false;
  double number_value = 0;
  std::string text;  // string literal text, or the identifier of name/field/method/call/quantifier
  BinaryOp op = BinaryOp::eq;
  QuantifierKind quantifier = QuantifierKind::some;
  std::vector<std::unique_ptr<Expr>> operands;
  Resolution resolved;
};

using ExprPtr = std::unique_ptr<Expr>;

struct Clause {
  enum class Kind { for_each, where, let, when };
  Kind kind = Kind::where;
  Span span;
  std::string variable;  // for_each, let
  Span variable_span;
  ExprPtr expr;
  int slot = -1;  // for_each, let: filled by the checker
};

struct Outcome {
  enum class Kind { deny, warn, note, review };
  Kind kind = Kind::deny;
  Span span;
  ExprPtr at;          // optional: the model node the finding points to
  ExprPtr message;     // the finding's message; a review's reason (optional for reviews)
  ExprPtr suggestion;  // optional
  ExprPtr team;        // review only
};

struct RuleDecl {
  std::string id;  // "pii.destination-allowlist"
  Span id_span;
  Span span;
  std::optional<Severity> severity;  // unset means error
  Span severity_span;
  std::string title;
  std::string help;
  std::string url;  // the rule's own documentation page (absolute http(s) URL), optional
  std::vector<std::string> tags{};  // `tags ["security", "gdpr"]`: for reports (SARIF), optional
  std::vector<Clause> clauses;
  std::vector<Outcome> outcomes;
  int slot_count = 0;  // filled by the checker
};

// A parameter's declared type as written: `event`, `list<property>`.
struct TypeName {
  std::string name;
  Span span;
  std::unique_ptr<TypeName> element;
};

struct Parameter {
  std::string name;
  Span span;
  TypeName type;
};

// `func name(p: type, ...) = expr`. Parameters are typed so that the body is checked once, with
// every field and method resolved, like a rule.
struct FunctionDecl {
  std::string name;
  Span name_span;
  Span span;
  std::vector<Parameter> params;
  ExprPtr body;
  // Filled by the checker.
  std::vector<Type> param_types;
  Type result;
  int slot_count = 0;
  int call_depth = 0;     // 1 + the deepest call depth of the functions it calls (limits.h)
  int nesting_depth = 0;  // expression levels its evaluation reaches, callees' bodies included
};

// One `.policy` file.
struct PolicyFile {
  SourceRef source;
  std::string pack;  // from `pack NAME`
  Span pack_span;
  std::vector<RuleDecl> rules;
  std::vector<std::unique_ptr<FunctionDecl>> functions;  // stable addresses: calls point at them
};

}  // namespace steward::policy
