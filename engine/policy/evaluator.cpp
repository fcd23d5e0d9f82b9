#include "policy/evaluator.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <deque>
#include <iterator>
#include <span>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "model/pattern.h"
#include "policy/language_types.h"
#include "policy/limits.h"
#include "policy/model_view.h"
#include "policy/patterns.h"
#include "source/diagnostic_factory.h"
#include "source/rule_ids.h"
#include "source/text_hash.h"

namespace steward::policy {
namespace {

// A failure while running a rule; the rule stops and the error is reported at `span`.
struct RuleFailure {
  Span span;
  std::string message;
};

// The lists a join looks up, indexed by key once per evaluation.
struct JoinIndex {
  Value list;
  std::unordered_map<Value, std::vector<uint32_t>, ValueHash, ValueEqual> by_key;
};

// Everything one evaluation shares between threads (read-only once built).
struct Universe {
  ModelView head;
  ModelView base;
  bool has_base = false;
  diff::ChangeSet no_changes;
  const diff::ChangeSet* changes = nullptr;
  const Env* env = nullptr;
  // Where `trace` writes; null when tracing is off (`steward check`).
  const std::function<void(const Span&, const std::string&)>* trace = nullptr;
  bool fingerprints_only = false;  // EvaluateOptions::fingerprints_only
  Value roots[4];
};

// `count` values on the stack when they are `Inline` or fewer, else on the heap: a rule's or a
// called function's variables, and a call's arguments. A call of one of the pack's functions is
// made for each of a large plan's hundreds of thousands of properties; it allocates nothing.
template <size_t Inline>
class SmallValues {
 public:
  explicit SmallValues(size_t count) : count_(count) {
    if (count > Inline) heap_.resize(count);
  }
  Value& operator[](size_t i) { return count_ > Inline ? heap_[i] : inline_[i]; }
  std::span<const Value> span() const {
    return count_ > Inline ? std::span<const Value>(heap_)
                           : std::span<const Value>(inline_.data(), count_);
  }

 private:
  size_t count_;
  std::array<Value, Inline> inline_;
  std::vector<Value> heap_;
};

using Frame = SmallValues<8>;      // variables, by slot
using Arguments = SmallValues<4>;  // a call's arguments, in order

// What one rule found while it runs. Its findings grow in a deque, block by block: a large plan's
// busiest rule has tens of thousands, and a vector grown by doubling held up to twice their size,
// three times while it moved them, as the peak of a check was reached (head's and base's rules run
// at once). evaluate_packs moves them into the result block by block, freeing each as it goes.
struct RuleResult {
  std::deque<Diagnostic> findings;
  std::vector<ReviewRequest> reviews;
  Diagnostics errors;
  std::vector<RuleTime> rule_times;
};

// Runs the rules of one pack on one thread.
class Interpreter {
 public:
  Interpreter(const Universe& universe, const CheckedPack& pack)
      : universe_(universe), pack_(pack), quantifier_indexes_(pack.quantifier_joins().size()) {}

  // The value of a function without parameters; a run-time failure is an EvaluationError.
  Value call_function(const FunctionDecl& function) {
    Frame frame(function.slot_count);
    try {
      return eval(*function.body, frame);
    } catch (const RuleFailure& failure) {
      throw EvaluationError(failure.message);
    }
  }

  // Runs one rule; its findings and reviews are appended to `out`.
  void run(const CheckedRule& checked, RuleResult& out) {
    rule_ = checked.rule;
    plan_ = &checked.plan;
    help_ = rule_->help;  // one copy, shared by the rule's findings
    rule_indexes_.clear();
    rule_indexes_.resize(plan_->index_count);
    Frame frame(rule_->slot_count);
    size_t findings_before = out.findings.size();
    size_t reviews_before = out.reviews.size();
    out_ = &out;
    seen_.clear();
    seen_findings_ = FindingSet(16, FindingHash{&out.findings}, FindingEqual{&out.findings});
    try {
      step(0, frame);
    } catch (const RuleFailure& failure) {
      fail(out, findings_before, reviews_before, failure.span, failure.message);
    } catch (const std::exception& error) {
      // Anything else (a string past its limit, memory) still fails only this rule.
      fail(out, findings_before, reviews_before, rule_->id_span, error.what());
    }
  }

 private:
  // A failed rule reports nothing but the failure: partial results would mislead.
  void fail(RuleResult& out, size_t findings_before, size_t reviews_before, const Span& span,
            const std::string& message) {
    out.findings.resize(findings_before);
    out.reviews.resize(reviews_before);
    out.errors.push_back(make_diagnostic(rule_id::kPolicyRuntime, Severity::error, span,
                                         "rule `" + rule_->id + "` failed: " + message));
  }

  // --- the plan ---

  void step(size_t i, Frame& frame) {
    if (i == plan_->steps.size()) {
      emit(frame);
      return;
    }
    const PlanStep& s = plan_->steps[i];
    switch (s.kind) {
      case PlanStep::Kind::filter:
        if (eval(*s.expr, frame).truthy()) step(i + 1, frame);
        return;
      case PlanStep::Kind::bind:
        frame[s.slot] = eval(*s.expr, frame);
        step(i + 1, frame);
        return;
      case PlanStep::Kind::loop: {
        Value list = iterable(eval(*s.expr, frame), *s.expr, "`for`");
        for (size_t k = 0; k < list.size(); ++k) {
          frame[s.slot] = list.at(k);
          step(i + 1, frame);
        }
        return;
      }
      case PlanStep::Kind::join: {
        JoinIndex& index = rule_index(s, frame);
        Value probe = eval(*s.probe, frame);
        for (uint32_t k : matches(index, probe, s.membership)) {
          frame[s.slot] = index.list.at(k);
          step(i + 1, frame);
        }
        return;
      }
    }
  }

  JoinIndex& rule_index(const PlanStep& s, Frame& frame) {
    auto& slot = rule_indexes_[s.index];
    if (!slot) slot = build_index(*s.expr, *s.key, s.slot, frame);
    return *slot;
  }

  std::unique_ptr<JoinIndex> build_index(const Expr& list_expr, const Expr& key, int slot,
                                         Frame& frame) {
    auto index = std::make_unique<JoinIndex>();
    index->list = iterable(eval(list_expr, frame), list_expr, "`for`");
    for (size_t k = 0; k < index->list.size(); ++k) {
      frame[slot] = index->list.at(k);
      index->by_key[eval(key, frame)].push_back(static_cast<uint32_t>(k));
    }
    return index;
  }

  // The elements whose key equals `probe` (or, for membership, any element of `probe`), in list
  // order and without repeats: the order and multiplicity a plain loop with the filter gives.
  static std::vector<uint32_t> matches(const JoinIndex& index, const Value& probe,
                                       bool membership) {
    if (!membership) {
      auto it = index.by_key.find(probe);
      return it == index.by_key.end() ? std::vector<uint32_t>{} : it->second;
    }
    std::vector<uint32_t> found;
    for (size_t i = 0; i < probe.size(); ++i) {
      auto it = index.by_key.find(probe.at(i));
      if (it != index.by_key.end()) found.insert(found.end(), it->second.begin(), it->second.end());
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return found;
  }

  Value iterable(Value value, const Expr& where, const char* what) {
    if (value.is_list()) return value;
    if (value.is_none()) return Value::owned_list({});
    throw RuleFailure{where.span, std::string(what) + " needs a list, but got " +
                                      shorten_for_message(value.display())};
  }

  // --- outcomes ---

  void emit(Frame& frame) {
    for (const Outcome& outcome : rule_->outcomes) {
      if (outcome.kind == Outcome::Kind::review && universe_.fingerprints_only) continue;
      Span span, base_span;
      std::string subject;
      locate(outcome, frame, span, base_span, subject);
      std::string message = outcome.message ? message_text(*outcome.message, frame) : "";
      if (outcome.kind == Outcome::Kind::review) {
        Value team = eval(*outcome.team, frame);
        // No team (an owner left out, a `defined_team` the repository does not define): there
        // is nobody to ask, so no review.
        if (team.is_none()) continue;
        ReviewRequest review{rule_->id, team.display(), std::move(message),
                             span.valid() ? std::move(span) : std::move(base_span)};
        std::string key = "r\n" + review.team + "\n" + review.reason;
        if (seen_.insert(key).second) out_->reviews.push_back(std::move(review));
        continue;
      }
      Severity severity = rule_->severity.value_or(Severity::error);
      if (outcome.kind == Outcome::Kind::warn) severity = Severity::warning;
      if (outcome.kind == Outcome::Kind::note) severity = Severity::note;
      Diagnostic d = make_diagnostic(rule_->id, severity, std::move(span), std::move(message));
      d.base_span = std::move(base_span);
      d.subject = std::move(subject);
      // The set compares findings in place (by index), so a finding costs no extra copy.
      out_->findings.push_back(std::move(d));
      if (!seen_findings_.insert(out_->findings.size() - 1).second) {
        out_->findings.pop_back();
        continue;
      }
      Diagnostic& added = out_->findings.back();
      if (universe_.fingerprints_only) continue;
      added.help = help_;
      if (outcome.suggestion) added.suggestion = message_text(*outcome.suggestion, frame);
    }
  }

  // Where a finding points: its `at`, else the innermost loop variable when that is an entity.
  // Its subject (what waivers match) is the entity's display name: the `at` entity, else the
  // innermost loop's.
  void locate(const Outcome& outcome, Frame& frame, Span& span, Span& base_span,
              std::string& subject) {
    Value innermost;
    for (auto it = plan_->steps.rbegin(); it != plan_->steps.rend(); ++it) {
      if (it->kind == PlanStep::Kind::loop || it->kind == PlanStep::Kind::join) {
        innermost = frame[it->slot];
        break;
      }
    }
    Value at = outcome.at ? eval(*outcome.at, frame) : innermost;
    const Value& named = at.is_object() ? at : innermost;
    if (named.is_object() && named.object_type()->display) {
      subject = named.object_type()->display(named.address());
    }
    const ModelView* view = at.view();
    bool in_base = view != nullptr && view->is_base;
    if (at.is_object()) {
      const ObjectType* type = at.object_type();
      Span s = type->span ? type->span(at.address()) : Span{};
      if (type->base_span) {
        span = std::move(s);
        base_span = type->base_span(at.address());
      } else if (in_base) {
        base_span = std::move(s);
      } else {
        span = std::move(s);
      }
    } else if (at.is_string() && at.origin() != nullptr) {
      (in_base ? base_span : span) = *at.origin();
    }
  }

  // --- expressions ---

  Value eval(const Expr& e, Frame& frame) {
    switch (e.kind) {
      case ExprKind::none_literal:
        return {};
      case ExprKind::bool_literal:
        return Value::boolean(e.bool_value);
      case ExprKind::number_literal:
        return Value::number(e.number_value);
      case ExprKind::string_literal:
        return Value::borrowed(e.text);
      case ExprKind::interpolation:
        return Value::owned(interpolate(e, frame, false));
      case ExprKind::list: {
        std::vector<Value> items;
        items.reserve(e.operands.size());
        for (const auto& item : e.operands)
          items.push_back(eval(*item, frame));
        return Value::owned_list(std::move(items));
      }
      case ExprKind::name:
        if (e.resolved.root >= 0) return universe_.roots[e.resolved.root];
        return frame[e.resolved.slot];
      case ExprKind::field: {
        const Expr& base = *e.operands[0];
        // A variable's fields are read in place, without copying the variable.
        if (base.kind == ExprKind::name && base.resolved.root < 0) {
          return field(e, frame[base.resolved.slot]);
        }
        return field(e, eval(base, frame));
      }
      case ExprKind::method_call:
        return method(e, frame);
      case ExprKind::call:
        return call(e, frame);
      case ExprKind::index: {
        Value list = eval(*e.operands[0], frame);
        Value index = eval(*e.operands[1], frame);
        if (!index.is_number() || index.as_number() < 0) return {};
        return list.at(static_cast<size_t>(index.as_number()));
      }
      case ExprKind::not_op:
        return Value::boolean(!eval(*e.operands[0], frame).truthy());
      case ExprKind::binary:
        return binary(e, frame);
      case ExprKind::quantifier:
        return quantifier(e, frame);
      case ExprKind::conditional:
        return eval(*e.operands[0], frame).truthy() ? eval(*e.operands[1], frame)
                                                    : eval(*e.operands[2], frame);
    }
    return {};
  }

  Value field(const Expr& e, const Value& base) {
    if (base.is_none()) return {};
    const FieldInfo* info = e.resolved.field;
    if (info == nullptr && base.is_object()) info = base.object_type()->field(e.text);
    if (info == nullptr || !base.is_object()) {
      throw RuleFailure{e.name_span, "`" + shorten_for_message(base.display()) +
                                         "` has no field `" + e.text + "`"};
    }
    return info->get(base.address(), base.view());
  }

  Value method(const Expr& e, Frame& frame) {
    Value base = eval(*e.operands[0], frame);
    if (base.is_none()) return {};
    const MethodInfo* info = e.resolved.method;
    if (info == nullptr && base.is_object()) info = base.object_type()->method(e.text);
    if (info == nullptr || !base.is_object() || info->params.size() + 1 != e.operands.size()) {
      throw RuleFailure{e.name_span, "`" + shorten_for_message(base.display()) +
                                         "` has no method `" + e.text + "`"};
    }
    Arguments args(e.operands.size() - 1);
    for (size_t i = 1; i < e.operands.size(); ++i)
      args[i - 1] = eval(*e.operands[i], frame);
    return info->call(base.address(), base.view(), args.span());
  }

  Value call(const Expr& e, Frame& frame) {
    Arguments args(e.operands.size());
    for (size_t i = 0; i < e.operands.size(); ++i)
      args[i] = eval(*e.operands[i], frame);
    if (const FunctionDecl* function = e.resolved.function) {
      if (e.operands.size() <= 1) return call_remembered(*function, args);
      return call_user(*function, args);
    }
    try {
      const FunctionOverload& builtin = *e.resolved.builtin;
      if (builtin.call_in_context) {
        CallContext context{universe_.head.model, universe_.trace, e.span};
        return builtin.call_in_context(args.span(), context);
      }
      return builtin.call(args.span());
    } catch (const EvaluationError& error) {
      throw RuleFailure{e.span, "`" + e.text + "`: " + error.what()};
    }
  }

  Value call_user(const FunctionDecl& function, Arguments& args) {
    Frame callee(function.slot_count);
    const auto given = args.span();
    for (size_t i = 0; i < given.size(); ++i)
      callee[i] = std::move(args[i]);
    return eval(*function.body, callee);
  }

  // A call of a function with no argument, or with one name or number, is remembered for the
  // interpreter's run: the model does not change while it runs, nothing in the language has an
  // effect but `trace`, and the same few property names come back for hundreds of thousands of
  // properties (pii's looks_personal matched a long pattern for each, a third of a second).
  Value call_remembered(const FunctionDecl& function, Arguments& args) {
    Memo& memo = memo_of(function);
    if (!memo.pure) return call_user(function, args);
    const auto given = args.span();
    if (given.empty()) {
      if (memo.has_constant) return memo.constant;
      Value value = call_user(function, args);
      if (rememberable(value)) {
        memo.constant = value;
        memo.has_constant = true;
      }
      return value;
    }
    const Value& argument = given.front();
    if (argument.is_list() || argument.is_object()) return call_user(function, args);
    if (auto it = memo.by_argument.find(argument); it != memo.by_argument.end()) return it->second;
    Value key = argument;
    Value value = call_user(function, args);
    if (rememberable(value)) {
      if (memo.by_argument.size() >= kMemoLimit) memo.by_argument.clear();
      memo.by_argument.emplace(std::move(key), value);
    }
    return value;
  }

  // A result that is the same whichever call gave it. A string that remembers where it was
  // written (the argument handed back, say) is not: a finding `at` it must point at that call's.
  static bool rememberable(const Value& value) {
    if (value.is_list()) return false;
    return !value.is_string() || value.origin() == nullptr;
  }

  struct Memo {
    bool pure = false;
    bool has_constant = false;
    Value constant;
    std::unordered_map<Value, Value, ValueHash, ValueEqual> by_argument;
  };

  Memo& memo_of(const FunctionDecl& function) {
    auto [it, added] = memos_.try_emplace(&function);
    if (added) {
      std::unordered_set<const FunctionDecl*> visiting;
      it->second.pure = pure(function, visiting);
    }
    return it->second;
  }

  // Whether a function's value depends on its arguments and the model alone: it calls no
  // built-in that sees the call's context (`trace` writes, so a remembered call would not).
  static bool pure(const FunctionDecl& function,
                   std::unordered_set<const FunctionDecl*>& visiting) {
    if (!visiting.insert(&function).second) return true;  // its body is being looked at
    return function.body && pure(*function.body, visiting);
  }
  static bool pure(const Expr& e, std::unordered_set<const FunctionDecl*>& visiting) {
    if (e.kind == ExprKind::call) {
      if (e.resolved.builtin && e.resolved.builtin->call_in_context) return false;
      if (e.resolved.function && !pure(*e.resolved.function, visiting)) return false;
    }
    for (const auto& operand : e.operands) {
      if (operand && !pure(*operand, visiting)) return false;
    }
    return true;
  }

  bool contains(const Value& haystack, const Value& needle) {
    if (haystack.is_list()) {
      for (size_t i = 0; i < haystack.size(); ++i) {
        if (equal(haystack.at(i), needle)) return true;
      }
      return false;
    }
    if (haystack.is_string() && needle.is_string()) {
      return haystack.as_string().find(needle.as_string()) != std::string_view::npos;
    }
    return false;
  }

  // The compiled pattern, or null when a pattern from the data cannot be compiled: the model
  // reported it (schema.invalid-pattern) at its line, and it matches nothing. A pattern the pack
  // computed is the pack's problem and fails the rule.
  const re2::RE2* regex_for(const Expr& e, const Value& pattern) {
    if (e.resolved.regex) return e.resolved.regex.get();
    auto it = regexes_.find(pattern.as_string());
    if (it == regexes_.end()) {
      std::string key(pattern.as_string());
      model::CompiledPattern compiled = model::compile_pattern(key);
      if (!compiled.regex && pattern.view() == nullptr) {
        throw RuleFailure{e.operands[1]->span,
                          compiled.problem + " (pattern `" + shorten_for_message(key) + "`)"};
      }
      // Patterns computed from data can be many; the cache is a cache, not a record. What was
      // remembered of a pattern goes with it (a new pattern may take its address).
      if (regexes_.size() >= kPatternCacheLimit) {
        regexes_.clear();
        matched_.clear();
      }
      it = regexes_.emplace(std::move(key), std::move(compiled.regex)).first;
    }
    return it->second.get();
  }

  // RE2 matches in time linear in the text, so any text of the model can be matched. Whether a
  // short text matches is remembered for the interpreter's run: a naming convention is matched
  // against every property's name, and the same few names come back for hundreds of thousands
  // of properties (a third of a large plan's governance.property-naming).
  bool search(const Expr& e, const Value& pattern, std::string_view text) {
    const re2::RE2* regex = regex_for(e, pattern);
    if (regex == nullptr) return false;
    if (text.size() > kRememberedMatchBytes) return model::pattern_search(*regex, text);
    auto& remembered = matched_[regex];
    if (auto it = remembered.find(text); it != remembered.end()) return it->second;
    const bool found = model::pattern_search(*regex, text);
    if (remembered.size() >= kMemoLimit) remembered.clear();
    remembered.emplace(std::string(text), found);
    return found;
  }

  // The text of "a {x} b". In a message (finding, suggestion, review reason) each value is
  // shortened so that a huge name is not repeated in full by every finding about it.
  // Strings, nearly every piece, are appended where they are (a piece that fits in
  // kMaxMessageValueChars bytes has no more characters than that, so shortening would keep it):
  // a large plan's busiest rule builds a message and a suggestion for each of tens of thousands
  // of findings, and a copy of each piece and the text's growth were half of that.
  std::string interpolate(const Expr& e, Frame& frame, bool for_message) {
    std::string text;
    if (for_message) text.reserve(kMessageBytes);
    const auto append = [&](std::string_view piece) {
      if (text.size() + piece.size() > kMaxStringBytes) {
        throw RuleFailure{e.span, string_limit_message(text.size() + piece.size())};
      }
      text += piece;
    };
    for (const auto& part : e.operands) {
      if (part->kind == ExprKind::string_literal) {
        append(part->text);
        continue;
      }
      const Value value = eval(*part, frame);
      if (value.is_string() &&
          (!for_message || value.as_string().size() <= kMaxMessageValueChars)) {
        append(value.as_string());
        continue;
      }
      std::string piece = value.display();
      if (for_message) piece = shorten_for_message(std::move(piece));
      append(piece);
    }
    return text;
  }

  std::string message_text(const Expr& e, Frame& frame) {
    if (e.kind == ExprKind::interpolation) return interpolate(e, frame, true);
    std::string text = eval(e, frame).display();
    return e.kind == ExprKind::string_literal ? text : shorten_for_message(std::move(text));
  }

  static bool within(const Value& category, const Value& ancestor) {
    if (!category.is_string()) return false;
    if (ancestor.is_string())
      return model::category_within(category.as_string(), ancestor.as_string());
    for (size_t i = 0; i < ancestor.size(); ++i) {
      Value a = ancestor.at(i);
      if (a.is_string() && model::category_within(category.as_string(), a.as_string())) return true;
    }
    return false;
  }

  Value binary(const Expr& e, Frame& frame) {
    switch (e.op) {
      case BinaryOp::and_op:
        for (const auto& operand : e.operands) {
          if (!eval(*operand, frame).truthy()) return Value::boolean(false);
        }
        return Value::boolean(true);
      case BinaryOp::or_op:
        for (const auto& operand : e.operands) {
          if (eval(*operand, frame).truthy()) return Value::boolean(true);
        }
        return Value::boolean(false);
      default:
        break;
    }
    Value l = eval(*e.operands[0], frame);
    Value r = eval(*e.operands[1], frame);
    switch (e.op) {
      case BinaryOp::eq:
        return Value::boolean(equal(l, r));
      case BinaryOp::ne:
        return Value::boolean(!equal(l, r));
      case BinaryOp::lt:
        return Value::boolean(less(l, r));
      case BinaryOp::le:
        return Value::boolean(less(l, r) || (comparable_kinds(l, r) && equal(l, r)));
      case BinaryOp::gt:
        return Value::boolean(less(r, l));
      case BinaryOp::ge:
        return Value::boolean(less(r, l) || (comparable_kinds(l, r) && equal(l, r)));
      case BinaryOp::in:
        return Value::boolean(contains(r, l));
      case BinaryOp::not_in:
        return Value::boolean(!contains(r, l));
      case BinaryOp::matches: {
        if (!l.is_string() || !r.is_string()) return Value::boolean(false);
        return Value::boolean(search(e, r, l.as_string()));
      }
      case BinaryOp::glob:
        return Value::boolean(l.is_string() && r.is_string() &&
                              glob_match(r.as_string(), l.as_string()));
      case BinaryOp::within:
        return Value::boolean(within(l, r));
      default:
        return {};
    }
  }

  static bool comparable_kinds(const Value& a, const Value& b) {
    return (a.is_number() && b.is_number()) || (a.is_string() && b.is_string());
  }

  Value quantifier(const Expr& e, Frame& frame) {
    bool some = e.quantifier == QuantifierKind::some;
    int slot = e.resolved.slot;
    if (e.resolved.join >= 0) {
      const QuantifierJoin& join = pack_.quantifier_joins()[e.resolved.join];
      auto& index = quantifier_indexes_[e.resolved.join];
      if (!index) index = build_index(*join.list, *join.key, slot, frame);
      Value probe = eval(*join.probe, frame);
      auto it = index->by_key.find(probe);
      if (it == index->by_key.end()) return Value::boolean(false);
      for (uint32_t k : it->second) {
        frame[slot] = index->list.at(k);
        bool all = true;
        for (const Expr* rest : join.rest) {
          if (!eval(*rest, frame).truthy()) {
            all = false;
            break;
          }
        }
        if (all) return Value::boolean(true);
      }
      return Value::boolean(false);
    }
    Value list = iterable(eval(*e.operands[0], frame), *e.operands[0], some ? "`some`" : "`all`");
    for (size_t k = 0; k < list.size(); ++k) {
      frame[slot] = list.at(k);
      bool holds = eval(*e.operands[1], frame).truthy();
      if (some && holds) return Value::boolean(true);
      if (!some && !holds) return Value::boolean(false);
    }
    return Value::boolean(!some);
  }

  const Universe& universe_;
  const CheckedPack& pack_;
  std::vector<std::unique_ptr<JoinIndex>> quantifier_indexes_;  // kept across the pack's rules
  std::vector<std::unique_ptr<JoinIndex>> rule_indexes_;
  static constexpr size_t kPatternCacheLimit = 1000;
  // Looked up by the pattern's text as it stands, without copying it.
  std::unordered_map<std::string, std::shared_ptr<const re2::RE2>, TextHash, std::equal_to<>>
      regexes_;
  static constexpr size_t kMessageBytes = 128;  // room a finding's message usually needs
  // search()'s results by pattern and text, for texts up to this long.
  static constexpr size_t kRememberedMatchBytes = 64;
  std::unordered_map<const re2::RE2*,
                     std::unordered_map<std::string, bool, TextHash, std::equal_to<>>>
      matched_;
  static constexpr size_t kMemoLimit = 4096;  // remembered calls per function, at most
  std::unordered_map<const FunctionDecl*, Memo> memos_;
  const RuleDecl* rule_ = nullptr;
  const RulePlan* plan_ = nullptr;
  RuleResult* out_ = nullptr;
  // One finding per distinct (severity, message, place) of a rule, and one review per (team,
  // reason); findings are compared where they stand in the result.
  struct FindingHash {
    const std::deque<Diagnostic>* findings;
    size_t operator()(size_t i) const {
      const Diagnostic& d = (*findings)[i];
      size_t h = std::hash<std::string>{}(d.message);
      for (size_t part :
           {static_cast<size_t>(d.severity), std::hash<const void*>{}(d.span.source.get()),
            size_t{d.span.line}, size_t{d.span.column},
            std::hash<const void*>{}(d.base_span.source.get()), size_t{d.base_span.line}}) {
        h = h * 31 + part;
      }
      return h;
    }
  };
  struct FindingEqual {
    const std::deque<Diagnostic>* findings;
    bool operator()(size_t a, size_t b) const {
      const Diagnostic& x = (*findings)[a];
      const Diagnostic& y = (*findings)[b];
      return x.severity == y.severity && x.span.source == y.span.source &&
             x.span.line == y.span.line && x.span.column == y.span.column &&
             x.base_span.source == y.base_span.source && x.base_span.line == y.base_span.line &&
             x.message == y.message;
    }
  };
  using FindingSet = std::unordered_set<size_t, FindingHash, FindingEqual>;
  FindingSet seen_findings_{0, FindingHash{nullptr}, FindingEqual{nullptr}};
  std::unordered_set<std::string> seen_;
  SharedValue<std::string> help_;  // the running rule's help
};

void build_universe(const PolicyInput& input, Universe& u,
                    const std::function<void(const Span&, const std::string&)>* trace) {
  language_types();  // built once, before any thread reads the types
  build_view(*input.head, false, u.head);
  u.head.head = &u.head;
  u.head.base = input.base ? &u.base : nullptr;
  if (input.base) {
    build_view(*input.base, true, u.base);
    u.base.head = &u.head;
    u.base.base = &u.base;
    u.has_base = true;
  }
  u.changes = input.changes ? input.changes : &u.no_changes;
  u.env = &input.env;
  u.trace = trace && *trace ? trace : nullptr;
  const LanguageTypes& types = language_types();
  u.roots[static_cast<int>(Root::head)] = Value::object(types.model, input.head, &u.head);
  u.roots[static_cast<int>(Root::base)] =
      input.base ? Value::object(types.model, input.base, &u.base) : Value();
  u.roots[static_cast<int>(Root::changes)] = Value::object(types.change_set, u.changes, &u.head);
  u.roots[static_cast<int>(Root::env)] = Value::object(types.env, &input.env, nullptr);
}

EvaluationResult evaluate_packs(const std::vector<const CheckedPack*>& packs,
                                const PolicyInput& input, const EvaluateOptions& options) {
  EvaluationResult result;
  if (input.head == nullptr) throw std::invalid_argument("policy::evaluate needs a head model");
  std::vector<const CheckedPack*> runnable;
  for (const CheckedPack* pack : packs) {
    Diagnostics names = check_names(*pack, *input.head);
    if (names.empty()) {
      runnable.push_back(pack);
    } else {
      result.errors.insert(result.errors.end(), names.begin(), names.end());
    }
  }
  Universe universe;
  build_universe(input, universe, &options.trace);
  universe.fingerprints_only = options.fingerprints_only;

  // One unit of work per rule; each thread keeps an interpreter per pack (its join indexes), and
  // each rule's results land in its own slot so the output order does not depend on timing.
  struct Unit {
    size_t pack;
    const CheckedRule* rule;
  };
  std::vector<Unit> units;
  for (size_t p = 0; p < runnable.size(); ++p) {
    for (const auto& rule : runnable[p]->rules()) {
      if (options.only_rules && !options.only_rules->contains(rule.rule->id)) continue;
      units.push_back(Unit{p, &rule});
    }
  }
  std::vector<RuleResult> per_unit(units.size());
  std::atomic<size_t> next{0};
  auto work = [&]() {
    std::vector<std::unique_ptr<Interpreter>> interpreters(runnable.size());
    for (size_t i = next++; i < units.size(); i = next++) {
      auto& interpreter = interpreters[units[i].pack];
      if (!interpreter) {
        interpreter = std::make_unique<Interpreter>(universe, *runnable[units[i].pack]);
      }
      const auto started = std::chrono::steady_clock::now();
      interpreter->run(*units[i].rule, per_unit[i]);
      if (options.rule_done)
        options.rule_done(units[i].rule->rule->id, !per_unit[i].findings.empty());
      per_unit[i].rule_times.push_back(
          {units[i].rule->rule->id,
           std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
               .count()});
    }
  };
  unsigned threads = options.threads ? options.threads : std::thread::hardware_concurrency();
  threads = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(units.size())));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t)
    pool.emplace_back(work);
  work();
  for (auto& thread : pool)
    thread.join();

  // Reserved once: a large plan has tens of thousands of findings.
  size_t findings = 0;
  for (const auto& unit : per_unit)
    findings += unit.findings.size();
  result.findings.reserve(findings);
  for (auto& unit : per_unit) {
    while (!unit.findings.empty()) {  // each block freed once moved
      result.findings.push_back(std::move(unit.findings.front()));
      unit.findings.pop_front();
    }
    std::move(unit.reviews.begin(), unit.reviews.end(), std::back_inserter(result.reviews));
    std::move(unit.errors.begin(), unit.errors.end(), std::back_inserter(result.errors));
    std::move(unit.rule_times.begin(), unit.rule_times.end(),
              std::back_inserter(result.rule_times));
  }
  return result;
}

}  // namespace

EvaluationResult evaluate(const std::vector<std::shared_ptr<const CheckedPack>>& packs,
                          const PolicyInput& input, const EvaluateOptions& options) {
  std::vector<const CheckedPack*> raw;
  for (const auto& pack : packs)
    raw.push_back(pack.get());
  return evaluate_packs(raw, input, options);
}

EvaluationResult evaluate(const CheckedPack& pack, const PolicyInput& input,
                          const EvaluateOptions& options) {
  return evaluate_packs({&pack}, input, options);
}

void evaluate_function(const CheckedPack& pack, std::string_view name, const PolicyInput& input,
                       const EvaluateOptions& options,
                       const std::function<void(const Value&)>& use) {
  if (input.head == nullptr) throw std::invalid_argument("policy::evaluate needs a head model");
  const FunctionDecl* function = nullptr;
  for (const auto& file : pack.pack().files()) {
    for (const auto& f : file->functions) {
      if (f->name == name && f->params.empty()) function = f.get();
    }
  }
  if (function == nullptr) {
    throw std::invalid_argument("no function " + std::string(name) + "() in the pack");
  }
  Diagnostics names = check_names(pack, *input.head);
  if (!names.empty()) throw EvaluationError(names.front().message);
  Universe universe;
  build_universe(input, universe, &options.trace);
  Interpreter interpreter(universe, pack);
  use(interpreter.call_function(*function));
}

}  // namespace steward::policy
