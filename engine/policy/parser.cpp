// The only file that sees ANTLR: it runs the generated lexer and parser, turns syntax errors into
// steward Diagnostics, and builds steward's own AST (ast.h) from the parse tree.

#include "policy/parser.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <exception>
#include <functional>
#include <optional>
#include <set>

#include "StewardPolicyLexer.h"
#include "StewardPolicyParser.h"
#include "antlr4-runtime.h"
#include "source/diagnostic_factory.h"
#include "source/rule_ids.h"
#include "source/spelling.h"

namespace steward::policy {
namespace {

using G = grammar::StewardPolicyParser;
using L = grammar::StewardPolicyLexer;

Diagnostic syntax_error(Span span, std::string message) {
  return make_diagnostic(rule_id::kPolicySyntax, Severity::error, std::move(span),
                         std::move(message));
}

// Thrown by the error collector to abandon a file that has produced enough errors already.
struct TooManyErrors {};

uint32_t codepoints(const std::string& text) {
  uint32_t n = 0;
  for (unsigned char c : text)
    n += (c & 0xC0) != 0x80;
  return n;
}

Span token_span(const SourceRef& source, const antlr4::Token* token) {
  Span span;
  if (token == nullptr) return span;
  span.source = source;
  span.line = static_cast<uint32_t>(token->getLine());
  span.column = static_cast<uint32_t>(token->getCharPositionInLine()) + 1;
  span.end_line = span.line;
  uint32_t length = token->getType() == antlr4::Token::EOF ? 1 : codepoints(token->getText());
  span.end_column = span.column + std::max<uint32_t>(length, 1) - 1;
  return span;
}

Span join(const Span& first, const Span& last) {
  Span span = first;
  if (last.valid() && (last.end_line > first.line ||
                       (last.end_line == first.line && last.end_column >= first.column))) {
    span.end_line = last.end_line;
    span.end_column = last.end_column;
  }
  return span;
}

Span context_span(const SourceRef& source, antlr4::ParserRuleContext* context) {
  if (context == nullptr) return {};
  Span first = token_span(source, context->getStart());
  const antlr4::Token* stop = context->getStop();
  if (stop == nullptr || stop->getTokenIndex() < context->getStart()->getTokenIndex()) return first;
  return join(first, token_span(source, stop));
}

// --- Syntax errors ---------------------------------------------------------------------------

// How a token is named in "expected ..." lists.
std::string expected_name(size_t type, const antlr4::dfa::Vocabulary& vocabulary) {
  switch (type) {
    case antlr4::Token::EOF:
      return "end of file";
    case L::IDENT:
      return "a name";
    case L::NUMBER:
      return "a number";
    case L::STR_OPEN:
    case L::RAW_STRING:
      return "a string";
    case L::STR_CLOSE:
      return "`\"`";
    case L::LBRACE:
      return "`{`";
    case L::NONE:
      return "`none`";
    case L::STR_TEXT:
    case L::STR_ESCAPE:
    case L::STR_INTERP_OPEN:
      return "";  // inside strings; never worth listing
    default:
      break;
  }
  std::string literal = vocabulary.getLiteralName(type);
  if (literal.size() >= 2 && literal.front() == '\'')
    literal = literal.substr(1, literal.size() - 2);
  return literal.empty() ? vocabulary.getSymbolicName(type) : "`" + literal + "`";
}

// Groups of tokens that ANTLR would list one by one, named as a reader thinks of them.
const std::vector<size_t> kExpressionStart = {
    L::IDENT,  L::NUMBER, L::STR_OPEN, L::RAW_STRING, L::TRUE, L::FALSE, L::NONE,
    L::LPAREN, L::LBRACK, L::NOT,      L::IF,         L::SOME, L::ALL};
const std::vector<size_t> kOperators = {L::DOT,     L::LBRACK, L::EQ,     L::NE,  L::LT,
                                        L::LE,      L::GT,     L::GE,     L::IN,  L::NOT,
                                        L::MATCHES, L::GLOB,   L::WITHIN, L::AND, L::OR};
// IDENT starts a rule item too (`url "..."`), but "a name" would only mislead among them.
const std::vector<size_t> kRuleItems = {L::SEVERITY, L::TITLE, L::HELP,    L::FOR,
                                        L::WHERE,    L::LET,   L::WHEN,    L::DENY,
                                        L::WARN,     L::NOTE,  L::REQUIRE, L::IDENT};

std::string describe_expected(const antlr4::misc::IntervalSet& expected,
                              const antlr4::dfa::Vocabulary& vocabulary) {
  std::set<size_t> remaining;
  for (ssize_t t : expected.toList())
    remaining.insert(static_cast<size_t>(t));
  std::vector<std::string> names;
  auto group = [&](const std::vector<size_t>& members, size_t a, size_t b, const char* name) {
    if (!remaining.count(a) || !remaining.count(b)) return;
    names.emplace_back(name);
    for (size_t m : members)
      remaining.erase(m);
  };
  group(kExpressionStart, L::IDENT, L::NUMBER, "an expression");
  group(kOperators, L::AND, L::EQ, "an operator");
  group(kRuleItems, L::WHERE, L::DENY, "a clause or an outcome");
  for (size_t t : remaining) {
    std::string name = expected_name(t, vocabulary);
    // STR_OPEN and RAW_STRING are both "a string": say it once.
    if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end()) {
      names.push_back(name);
    }
  }
  if (names.empty() || names.size() > 6) return "";
  std::string text;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) text += i + 1 == names.size() ? " or " : ", ";
    text += names[i];
  }
  return text;
}

std::string describe_found(const antlr4::Token* token) {
  switch (token->getType()) {
    case antlr4::Token::EOF:
      return "end of file";
    case L::STR_OPEN:
      return "a string";
    case L::BAD_CHAR:
      return "character `" + token->getText() + "`";
    default:
      return "`" + token->getText() + "`";
  }
}

// Habits from other languages, answered with what steward spells instead.
std::string hint_for(const antlr4::Token* token) {
  if (token->getType() != L::BAD_CHAR) return "";
  const std::string& c = token->getText();
  if (c == "&") return "write `and`";
  if (c == "|") return "write `or`";
  if (c == "!") return "write `not`";
  if (c == "+" || c == "*" || c == "/" || c == "%")
    return "the policy language has no arithmetic; use a built-in function";
  return "";
}

// --- The commonest slips, answered with the line as it should read -----------------------------

struct Slip {
  Span span;
  std::string message;
  std::string suggestion;  // "did you mean `...`?"
};

// The source text from the start of `from` to the end of `to`, as written.
std::string source_text(const antlr4::Token* from, const antlr4::Token* to) {
  if (from == nullptr || to == nullptr || to->getStopIndex() < from->getStartIndex()) return "";
  return from->getInputStream()->getText(antlr4::misc::Interval(
      static_cast<ssize_t>(from->getStartIndex()), static_cast<ssize_t>(to->getStopIndex())));
}

// The tokens of `token`'s line, as [first, last] indexes of the stream.
std::pair<size_t, size_t> line_tokens(antlr4::TokenStream& tokens, const antlr4::Token* token) {
  size_t first = token->getTokenIndex(), last = first;
  while (first > 0 && tokens.get(first - 1)->getLine() == token->getLine())
    --first;
  while (last + 1 < tokens.size() && tokens.get(last + 1)->getType() != antlr4::Token::EOF &&
         tokens.get(last + 1)->getLine() == token->getLine())
    ++last;
  return {first, last};
}

std::string did_you_mean(std::string text) {
  return "did you mean `" + text + "`?";
}

bool is_outcome_keyword(antlr4::TokenStream& tokens, size_t index) {
  size_t type = tokens.get(index)->getType();
  if (type == L::NOTE) return index == 0 || tokens.get(index - 1)->getType() != L::SEVERITY;
  return type == L::DENY || type == L::WARN;
}

// `deny e "..."`: the place of the finding without `at`.
std::optional<Slip> forgot_at(antlr4::TokenStream& tokens, const antlr4::Token* offending,
                              const SourceRef& source) {
  size_t index = offending->getTokenIndex();
  if (offending->getType() != L::IDENT || index == 0 || !is_outcome_keyword(tokens, index - 1)) {
    return std::nullopt;
  }
  const antlr4::Token* keyword = tokens.get(index - 1);
  auto [first, last] = line_tokens(tokens, offending);
  std::string fixed =
      source_text(tokens.get(first), keyword) + " at " + source_text(offending, tokens.get(last));
  return Slip{token_span(source, offending),
              "expected `at` or the message after `" + keyword->getText() + "`, found `" +
                  offending->getText() + "`; the place of a finding follows `at`",
              did_you_mean(fixed)};
}

// `where e.status = "x"`: `=` for a comparison.
std::optional<Slip> assignment_for_equality(antlr4::TokenStream& tokens,
                                            const antlr4::Token* offending,
                                            const SourceRef& source) {
  if (offending->getType() != L::ASSIGN) return std::nullopt;
  size_t index = offending->getTokenIndex();
  auto [first, last] = line_tokens(tokens, offending);
  std::string fixed = index > first ? source_text(tokens.get(first), tokens.get(index - 1)) : "";
  fixed += " ==";
  if (last > index) fixed += " " + source_text(tokens.get(index + 1), tokens.get(last));
  return Slip{token_span(source, offending),
              "found `=`, which only names a value (`let x = ...`, `func f(...) = ...`); "
              "compare with `==`",
              did_you_mean(fixed)};
}

// `deny "message" at e`: `at` after the message.
std::optional<Slip> at_after_message(antlr4::TokenStream& tokens, const antlr4::Token* offending,
                                     const SourceRef& source) {
  size_t index = offending->getTokenIndex();
  if (offending->getType() != L::AT || index == 0) return std::nullopt;
  size_t text_end = index - 1, text_start = text_end;
  if (tokens.get(text_end)->getType() == L::STR_CLOSE) {
    // Back to the quote that opens this string (strings may nest inside `{...}`).
    int depth = 0;
    for (size_t i = text_end + 1; i-- > 0;) {
      size_t type = tokens.get(i)->getType();
      if (type == L::STR_CLOSE) ++depth;
      if (type == L::STR_OPEN && --depth == 0) {
        text_start = i;
        break;
      }
    }
  } else if (tokens.get(text_end)->getType() != L::RAW_STRING) {
    return std::nullopt;
  }
  if (text_start == 0 || !is_outcome_keyword(tokens, text_start - 1)) return std::nullopt;
  const antlr4::Token* keyword = tokens.get(text_start - 1);
  auto [first, last] = line_tokens(tokens, offending);
  size_t place_end = index;  // the place runs to `suggest` or the end of the line
  while (place_end < last && tokens.get(place_end + 1)->getType() != L::SUGGEST)
    ++place_end;
  std::string place =
      place_end > index ? source_text(tokens.get(index + 1), tokens.get(place_end)) : "PLACE";
  std::string fixed = source_text(tokens.get(first), keyword) + " at " + place + " " +
                      source_text(tokens.get(text_start), tokens.get(text_end));
  if (place_end < last) fixed += " " + source_text(tokens.get(place_end + 1), tokens.get(last));
  return Slip{token_span(source, offending),
              "`at` goes before the message: an outcome is `" + keyword->getText() +
                  " at PLACE \"message\"`",
              did_you_mean(fixed)};
}

// A rule whose `}` is missing: ANTLR notices at the next declaration (or the end of the file);
// the reader needs the rule that is still open.
std::optional<Slip> unclosed_rule(antlr4::Parser& parser, const antlr4::Token* offending,
                                  const SourceRef& source) {
  size_t type = offending->getType();
  if ((type != L::RULE && type != L::FUNC && type != antlr4::Token::EOF) ||
      offending->getTokenIndex() == 0 ||
      !parser.getExpectedTokens().contains(static_cast<size_t>(L::RBRACE))) {
    return std::nullopt;
  }
  antlr4::TokenStream& tokens = *parser.getTokenStream();
  size_t rule = offending->getTokenIndex() - 1;  // the offending token may be the next `rule`
  while (rule > 0 && tokens.get(rule)->getType() != L::RULE)
    --rule;
  if (tokens.get(rule)->getType() != L::RULE) return std::nullopt;
  size_t brace = rule + 1;
  while (brace < offending->getTokenIndex() && tokens.get(brace)->getType() != L::LBRACE)
    ++brace;
  if (brace >= offending->getTokenIndex()) return std::nullopt;
  std::string id = brace > rule + 1 ? source_text(tokens.get(rule + 1), tokens.get(brace - 1)) : "";
  std::string where = type == antlr4::Token::EOF
                          ? "at the end of the file"
                          : "before line " + std::to_string(offending->getLine());
  return Slip{token_span(source, tokens.get(brace)),
              "rule `" + id + "` is not closed: this `{` has no matching `}`",
              "add `}` after the rule's last outcome, " + where};
}

std::optional<Slip> common_slip(antlr4::Parser& parser, const antlr4::Token* offending,
                                const SourceRef& source) {
  antlr4::TokenStream& tokens = *parser.getTokenStream();
  if (offending->getTokenIndex() == INVALID_INDEX) return std::nullopt;
  if (auto slip = unclosed_rule(parser, offending, source)) return slip;
  if (auto slip = forgot_at(tokens, offending, source)) return slip;
  if (auto slip = assignment_for_equality(tokens, offending, source)) return slip;
  return at_after_message(tokens, offending, source);
}

// Collects lexer and parser errors as diagnostics, in steward's words rather than ANTLR's.
class ErrorCollector : public antlr4::BaseErrorListener {
 public:
  ErrorCollector(SourceRef source, Diagnostics& out) : source_(std::move(source)), out_(out) {}

  // Tokens whose problem the pre-scan already reported (an unterminated string).
  void ignore(const antlr4::Token* token) { ignored_.insert(token->getTokenIndex()); }
  void ignore_end_of_file() { ignore_eof_ = true; }
  int count() const { return count_; }

  void add(Span span, std::string message, std::string suggestion = {}) {
    if (count_ >= kMaxSyntaxErrors) {
      out_.push_back(syntax_error(
          span, "too many syntax errors; stopping after " + std::to_string(kMaxSyntaxErrors)));
      throw TooManyErrors{};
    }
    ++count_;
    out_.push_back(syntax_error(std::move(span), std::move(message)));
    out_.back().suggestion = std::move(suggestion);
  }

  void syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offending, size_t line,
                   size_t column, const std::string& antlr_message, std::exception_ptr) override {
    if (offending == nullptr) {
      // Only the lexer reports without a token, and the grammar's BAD_CHAR leaves it nothing to
      // report; keep ANTLR's words should that change.
      Span span{source_, static_cast<uint32_t>(line), static_cast<uint32_t>(column) + 1,
                static_cast<uint32_t>(line), static_cast<uint32_t>(column) + 1};
      add(span, antlr_message);
      return;
    }
    if (ignored_.count(offending->getTokenIndex())) return;
    if (ignore_eof_ && offending->getType() == antlr4::Token::EOF) return;
    std::string expected;
    if (auto* parser = dynamic_cast<antlr4::Parser*>(recognizer)) {
      if (auto slip = common_slip(*parser, offending, source_)) {
        add(std::move(slip->span), std::move(slip->message), std::move(slip->suggestion));
        return;
      }
      expected = describe_expected(parser->getExpectedTokens(), parser->getVocabulary());
      // After a `.` only a name makes sense, whatever ANTLR's recovery state says.
      size_t index = offending->getTokenIndex();
      if (index > 0 && index != INVALID_INDEX &&
          parser->getTokenStream()->get(index - 1)->getType() == L::DOT) {
        expected = "a field or method name after `.`";
      }
    }
    std::string message = expected.empty()
                              ? "unexpected " + describe_found(offending)
                              : "expected " + expected + ", found " + describe_found(offending);
    if (std::string hint = hint_for(offending); !hint.empty()) message += " (" + hint + ")";
    add(token_span(source_, offending), std::move(message));
  }

 private:
  SourceRef source_;
  Diagnostics& out_;
  int count_ = 0;
  std::set<size_t> ignored_;
  bool ignore_eof_ = false;
};

// Before parsing: reports unterminated strings once, at their opening quote, and measures nesting
// (brackets plus prefix operators such as `not`, `some`, `if`), because the generated parser
// recurses on nesting and must not meet a hostile depth. Returns false when parsing must not run.
// Long: one pass over the tokens whose state (open strings, brackets, pending prefixes) is shared.
bool prescan(antlr4::CommonTokenStream& tokens, const SourceRef& source, ErrorCollector& errors) {
  std::vector<const antlr4::Token*> open_strings;
  std::vector<int> saved_prefix;  // prefix operators pending at each open bracket
  int brackets = 0;
  int prefix = 0;
  int pending = 0;  // sum of saved_prefix
  for (size_t i = 0; i < tokens.size(); ++i) {
    const antlr4::Token* token = tokens.get(i);
    switch (token->getType()) {
      case L::STR_OPEN:
        open_strings.push_back(token);
        break;
      case L::STR_CLOSE:
        if (!open_strings.empty()) open_strings.pop_back();
        break;
      case L::STR_UNTERMINATED: {
        const antlr4::Token* start = open_strings.empty() ? token : open_strings.back();
        if (!open_strings.empty()) open_strings.pop_back();
        errors.ignore(token);
        errors.add(token_span(source, start),
                   "this string is not closed on its line (strings cannot span lines; write \\n "
                   "for a line break and \\\\ for a backslash)");
        break;
      }
      case L::UNTERMINATED_RAW_STRING:
        errors.ignore(token);
        errors.add(token_span(source, token), "this string is not closed on its line");
        break;
      case L::LPAREN:
      case L::LBRACK:
      case L::LBRACE:
      case L::STR_INTERP_OPEN:
        ++brackets;
        saved_prefix.push_back(prefix);
        pending += prefix;
        prefix = 0;
        break;
      case L::RPAREN:
      case L::RBRACK:
      case L::RBRACE:
        if (brackets > 0) {
          --brackets;
          prefix = saved_prefix.back();
          pending -= prefix;
          saved_prefix.pop_back();
        }
        break;
      case L::NOT:
      case L::SOME:
      case L::ALL:
      case L::IF:
        ++prefix;
        break;
      case L::COMMA:
      case L::RULE:
      case L::FUNC:
      case L::SEVERITY:
      case L::TITLE:
      case L::HELP:
      case L::FOR:
      case L::WHERE:
      case L::LET:
      case L::WHEN:
      case L::DENY:
      case L::WARN:
      case L::NOTE:
      case L::REQUIRE:
      case L::AT:
      case L::SUGGEST:
        prefix = 0;
        break;
      case antlr4::Token::EOF:
        if (!open_strings.empty()) {
          errors.ignore_end_of_file();
          errors.add(token_span(source, open_strings.back()),
                     "this string is not closed before the end of the file");
        }
        break;
      default:
        break;
    }
    if (brackets + pending + prefix > kMaxNestingDepth) {
      errors.add(token_span(source, token),
                 "nesting is deeper than " + std::to_string(kMaxNestingDepth) +
                     " levels; split the expression with `let` or a `func`");
      return false;
    }
  }
  return true;
}

// --- The tree builder ------------------------------------------------------------------------

// Walks the parse tree and builds the AST. Structural rules that a grammar would report poorly
// (the order of metadata, clauses and outcomes; severity names; escapes) are checked here.
class TreeBuilder {
 public:
  TreeBuilder(SourceRef source, ErrorCollector& errors)
      : source_(std::move(source)), errors_(errors) {}

  void build(G::PolicyFileContext* context, PolicyFile& file) {
    if (auto* pack = context->packDecl(); pack != nullptr && pack->IDENT() != nullptr) {
      file.pack = pack->IDENT()->getText();
      file.pack_span = token_span(source_, pack->IDENT()->getSymbol());
    } else {
      Span start{source_, 1, 1, 1, 1};
      errors_.add(start, "a policy file must start with `pack NAME`");
    }
    for (auto* declaration : context->declaration()) {
      if (auto* rule = declaration->ruleDecl()) build_rule(rule, file);
      if (auto* function = declaration->funcDecl()) build_function(function, file);
    }
  }

 private:
  Span span(antlr4::ParserRuleContext* context) const { return context_span(source_, context); }
  Span span(antlr4::tree::TerminalNode* node) const {
    return node ? token_span(source_, node->getSymbol()) : Span{};
  }
  Span span(const antlr4::Token* token) const { return token_span(source_, token); }

  static std::string text_of(antlr4::tree::TerminalNode* node) {
    return node ? node->getText() : std::string{};
  }

  void build_function(G::FuncDeclContext* context, PolicyFile& file) {
    auto function = std::make_unique<FunctionDecl>();
    function->name = text_of(context->IDENT());
    function->name_span = span(context->IDENT());
    function->span = span(context);
    for (auto* param : context->param()) {
      Parameter p;
      p.name = text_of(param->IDENT());
      p.span = span(param->IDENT());
      if (param->typeName()) p.type = type_name(param->typeName(), 0);
      function->params.push_back(std::move(p));
    }
    function->body = expr(context->expr());
    file.functions.push_back(std::move(function));
  }

  TypeName type_name(G::TypeNameContext* context, int depth) {
    TypeName type;
    type.name = text_of(context->IDENT());
    type.span = span(context->IDENT());
    // The pre-scan does not count `<`, so the depth is guarded here.
    if (context->typeName() != nullptr && depth < kMaxNestingDepth) {
      type.element = std::make_unique<TypeName>(type_name(context->typeName(), depth + 1));
    }
    return type;
  }

  // Long: a rule's parts in their one required order, each checked where the grammar is lax.
  void build_rule(G::RuleDeclContext* context, PolicyFile& file) {
    RuleDecl rule;
    rule.span = span(context);
    if (auto* id = context->ruleId()) {
      rule.id = id->getText();
      rule.id_span = span(id);
      std::string prefix = file.pack + ".";
      if (!file.pack.empty() && rule.id.rfind(prefix, 0) != 0) {
        errors_.add(rule.id_span, "rule id `" + rule.id + "` must start with the pack name: `" +
                                      prefix + rule.id.substr(rule.id.find('.') + 1) + "`");
      }
    }
    enum Phase { metadata, clauses, outcomes };
    Phase phase = metadata;
    bool seen_for = false;
    bool seen_title = false, seen_help = false, seen_url = false, seen_tags = false;
    auto enter = [&](Phase wanted, const Span& where, const std::string& what) {
      if (wanted < phase) {
        errors_.add(where, what + (phase == outcomes ? " must come before the rule's outcomes"
                                                     : " must come before the rule's clauses"));
      }
      phase = std::max(phase, wanted);
    };

    for (auto* item : context->ruleItem()) {
      if (auto* severity = dynamic_cast<G::SeverityItemContext*>(item)) {
        enter(metadata, span(severity->SEVERITY()), "`severity`");
        build_severity(severity, rule);
      } else if (auto* title = dynamic_cast<G::TitleItemContext*>(item)) {
        enter(metadata, span(title->TITLE()), "`title`");
        if (seen_title) errors_.add(span(title->TITLE()), "`title` is given twice");
        seen_title = true;
        rule.title = plain_text(title->text(), "title");
      } else if (auto* help = dynamic_cast<G::HelpItemContext*>(item)) {
        enter(metadata, span(help->HELP()), "`help`");
        if (seen_help) errors_.add(span(help->HELP()), "`help` is given twice");
        seen_help = true;
        rule.help = plain_text(help->text(), "help");
      } else if (auto* meta = dynamic_cast<G::MetadataItemContext*>(item)) {
        enter(metadata, span(meta->IDENT()), "`url`");
        build_metadata(meta, rule, seen_url);
      } else if (auto* tags = dynamic_cast<G::TagsItemContext*>(item)) {
        enter(metadata, span(tags->IDENT()), "`tags`");
        build_tags(tags, rule, seen_tags);
      } else if (auto* clause = dynamic_cast<G::ForClauseContext*>(item)) {
        enter(clauses, span(clause->FOR()), "`for`");
        seen_for = true;
        Clause c{Clause::Kind::for_each, span(clause), text_of(clause->IDENT()),
                 span(clause->IDENT()), expr(clause->expr())};
        rule.clauses.push_back(std::move(c));
      } else if (auto* where = dynamic_cast<G::WhereClauseContext*>(item)) {
        enter(clauses, span(where->WHERE()), "`where`");
        Clause c{Clause::Kind::where, span(where), "", {}, expr(where->expr())};
        rule.clauses.push_back(std::move(c));
      } else if (auto* let = dynamic_cast<G::LetClauseContext*>(item)) {
        enter(clauses, span(let->LET()), "`let`");
        Clause c{Clause::Kind::let, span(let), text_of(let->IDENT()), span(let->IDENT()),
                 expr(let->expr())};
        rule.clauses.push_back(std::move(c));
      } else if (auto* when = dynamic_cast<G::WhenClauseContext*>(item)) {
        enter(clauses, span(when->WHEN()), "`when`");
        if (seen_for) {
          errors_.add(span(when->WHEN()),
                      "`when` is a condition on the whole rule and must come before the first "
                      "`for`; use `where` to filter what the loop visits");
        }
        Clause c{Clause::Kind::when, span(when), "", {}, expr(when->expr())};
        rule.clauses.push_back(std::move(c));
      } else if (auto* finding = dynamic_cast<G::FindingOutcomeContext*>(item)) {
        phase = outcomes;
        rule.outcomes.push_back(build_finding(finding));
      } else if (auto* review = dynamic_cast<G::ReviewOutcomeContext*>(item)) {
        phase = outcomes;
        rule.outcomes.push_back(build_review(review));
      }
    }
    // After a syntax error the outcome may just have been lost in recovery.
    if (rule.outcomes.empty() && !rule.id.empty() && errors_.count() == 0) {
      errors_.add(rule.id_span, "rule `" + rule.id +
                                    "` has no outcome: end it with `deny`, `warn`, `note` or "
                                    "`require review by TEAM`");
    }
    file.rules.push_back(std::move(rule));
  }

  void build_severity(G::SeverityItemContext* context, RuleDecl& rule) {
    if (rule.severity) errors_.add(span(context->SEVERITY()), "`severity` is given twice");
    if (context->severityName == nullptr) return;
    std::string name = context->severityName->getText();
    rule.severity_span = span(context->severityName);
    if (name == "error") {
      rule.severity = Severity::error;
    } else if (name == "warning") {
      rule.severity = Severity::warning;
    } else if (name == "note") {
      rule.severity = Severity::note;
    } else {
      std::string message = "unknown severity `" + name + "`; use error, warning or note";
      if (auto guess = closest_match(name, {"error", "warning", "note"})) {
        message = "unknown severity `" + name + "`; did you mean `" + *guess + "`?";
      }
      errors_.add(rule.severity_span, message);
    }
  }

  // `url "https://..."`: the grammar's predicate lets only that name through.
  void build_metadata(G::MetadataItemContext* context, RuleDecl& rule, bool& seen_url) {
    const Span where = span(context->IDENT());
    if (seen_url) errors_.add(where, "`url` is given twice");
    seen_url = true;
    rule.url = plain_text(context->text(), "url");
    if (!rule.url.starts_with("https://") && !rule.url.starts_with("http://")) {
      errors_.add(where, "`url` must be an absolute http(s) URL, not '" + rule.url + "'");
    }
  }

  // `tags ["security", "gdpr"]`: plain, non-empty, each once.
  void build_tags(G::TagsItemContext* context, RuleDecl& rule, bool& seen_tags) {
    if (seen_tags) errors_.add(span(context->IDENT()), "`tags` is given twice");
    seen_tags = true;
    for (auto* text : context->text()) {
      std::string tag = plain_text(text, "tags");
      bool word = !tag.empty() && std::all_of(tag.begin(), tag.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '/';
      });
      if (!word) {
        errors_.add(
            span(text),
            "a tag is one word of letters, digits, `-`, `_`, `.` and `/`, not '" + tag + "'");
      } else if (std::find(rule.tags.begin(), rule.tags.end(), tag) != rule.tags.end()) {
        errors_.add(span(text), "tag '" + tag + "' is given twice");
      } else {
        rule.tags.push_back(std::move(tag));
      }
    }
  }

  Outcome build_finding(G::FindingOutcomeContext* context) {
    Outcome outcome;
    outcome.span = span(context);
    switch (context->kind ? context->kind->getType() : size_t{L::DENY}) {
      case L::WARN:
        outcome.kind = Outcome::Kind::warn;
        break;
      case L::NOTE:
        outcome.kind = Outcome::Kind::note;
        break;
      default:
        outcome.kind = Outcome::Kind::deny;
        break;
    }
    if (context->expr() != nullptr) outcome.at = expr(context->expr());
    auto texts = context->text();
    if (!texts.empty()) outcome.message = text(texts[0]);
    if (texts.size() > 1) outcome.suggestion = text(texts[1]);
    return outcome;
  }

  Outcome build_review(G::ReviewOutcomeContext* context) {
    Outcome outcome;
    outcome.kind = Outcome::Kind::review;
    outcome.span = span(context);
    auto exprs = context->expr();
    if (!exprs.empty()) outcome.team = expr(exprs[0]);
    if (exprs.size() > 1) outcome.at = expr(exprs[1]);
    if (context->text() != nullptr) outcome.message = text(context->text());
    return outcome;
  }

  // Metadata is shown as written (reports, `steward explain`), so it may not interpolate.
  std::string plain_text(G::TextContext* context, const char* what) {
    ExprPtr value = text(context);
    if (value->kind == ExprKind::interpolation) {
      errors_.add(value->span, std::string("`") + what +
                                   "` is plain text and cannot interpolate `{...}`; write `\\{` "
                                   "for a brace");
      return {};
    }
    return value->text;
  }

  // --- expressions ---

  ExprPtr make(ExprKind kind, Span where) {
    auto e = std::make_unique<Expr>();
    e->kind = kind;
    e->span = std::move(where);
    return e;
  }

  // A stand-in where the parser recovered from an error (already reported).
  ExprPtr placeholder(antlr4::ParserRuleContext* context) {
    return make(ExprKind::none_literal, span(context));
  }

  // Depth is counted here too: long left-leaning chains (`a == b == c ...`, `a.b.c...`) are not
  // nesting for the pre-scan but are for every recursive pass after parsing.
  struct DepthGuard {
    int& depth;
    explicit DepthGuard(int& d) : depth(d) { ++depth; }
    ~DepthGuard() { --depth; }
  };

  ExprPtr expr(G::ExprContext* context) {
    if (context == nullptr) return make(ExprKind::none_literal, {});
    DepthGuard guard(depth_);
    if (depth_ > kMaxNestingDepth) {
      if (!depth_reported_) {
        depth_reported_ = true;
        errors_.add(span(context), "expression nests deeper than " +
                                       std::to_string(kMaxNestingDepth) +
                                       " levels; split it with `let` or a `func`");
      }
      return placeholder(context);
    }
    return expr_node(context);
  }

  // Long: one branch per expression alternative of the grammar; splitting it scatters the table.
  ExprPtr expr_node(G::ExprContext* context) {
    if (auto* c = dynamic_cast<G::PrimaryExprContext*>(context)) return primary(c->primary());
    if (auto* c = dynamic_cast<G::FieldExprContext*>(context)) {
      auto e = make(ExprKind::field, span(c));
      e->text = c->fieldName() ? c->fieldName()->getText() : "";
      e->name_span = span(c->fieldName());
      e->operands.push_back(expr(c->expr()));
      return e;
    }
    if (auto* c = dynamic_cast<G::MethodCallExprContext*>(context)) {
      auto e = make(ExprKind::method_call, span(c));
      e->text = c->fieldName() ? c->fieldName()->getText() : "";
      e->name_span = span(c->fieldName());
      e->operands.push_back(expr(c->expr()));
      arguments(c->arguments(), *e);
      return e;
    }
    if (auto* c = dynamic_cast<G::IndexExprContext*>(context)) {
      return binary_like(ExprKind::index, c, c->expr());
    }
    if (auto* c = dynamic_cast<G::CompareExprContext*>(context)) {
      auto e = binary_like(ExprKind::binary, c, c->expr());
      switch (c->op ? c->op->getType() : size_t{L::EQ}) {
        case L::NE:
          e->op = BinaryOp::ne;
          break;
        case L::LT:
          e->op = BinaryOp::lt;
          break;
        case L::LE:
          e->op = BinaryOp::le;
          break;
        case L::GT:
          e->op = BinaryOp::gt;
          break;
        case L::GE:
          e->op = BinaryOp::ge;
          break;
        default:
          e->op = BinaryOp::eq;
          break;
      }
      return e;
    }
    if (auto* c = dynamic_cast<G::InExprContext*>(context)) {
      auto e = binary_like(ExprKind::binary, c, c->expr());
      e->op = c->NOT() ? BinaryOp::not_in : BinaryOp::in;
      return e;
    }
    if (auto* c = dynamic_cast<G::MatchExprContext*>(context)) {
      auto e = binary_like(ExprKind::binary, c, c->expr());
      switch (c->op ? c->op->getType() : size_t{L::MATCHES}) {
        case L::GLOB:
          e->op = BinaryOp::glob;
          break;
        case L::WITHIN:
          e->op = BinaryOp::within;
          break;
        default:
          e->op = BinaryOp::matches;
          break;
      }
      return e;
    }
    if (auto* c = dynamic_cast<G::NotExprContext*>(context)) {
      auto e = make(ExprKind::not_op, span(c));
      e->operands.push_back(expr(c->expr()));
      return e;
    }
    if (auto* c = dynamic_cast<G::AndExprContext*>(context)) return chain<G::AndExprContext>(c);
    if (auto* c = dynamic_cast<G::OrExprContext*>(context)) return chain<G::OrExprContext>(c);
    if (auto* c = dynamic_cast<G::IfExprContext*>(context)) {
      auto e = make(ExprKind::conditional, span(c));
      auto parts = c->expr();
      for (size_t i = 0; i < 3; ++i) {
        e->operands.push_back(i < parts.size() ? expr(parts[i]) : placeholder(c));
      }
      return e;
    }
    if (auto* c = dynamic_cast<G::QuantifierExprContext*>(context)) {
      auto e = make(ExprKind::quantifier, span(c));
      e->quantifier = c->quantifier && c->quantifier->getType() == L::ALL ? QuantifierKind::all
                                                                          : QuantifierKind::some;
      e->text = text_of(c->IDENT());
      e->name_span = span(c->IDENT());
      auto parts = c->expr();
      for (size_t i = 0; i < 2; ++i) {
        e->operands.push_back(i < parts.size() ? expr(parts[i]) : placeholder(c));
      }
      return e;
    }
    return placeholder(context);
  }

  template <class Context>
  ExprPtr binary_like(ExprKind kind, Context* context, std::vector<G::ExprContext*> parts) {
    auto e = make(kind, span(context));
    for (size_t i = 0; i < 2; ++i) {
      e->operands.push_back(i < parts.size() ? expr(parts[i]) : placeholder(context));
    }
    return e;
  }

  // `a and b and c` is one node with three operands: chains are flat, so their length is not
  // depth, and evaluation stops at the first deciding operand without recursion.
  template <class Context>
  ExprPtr chain(Context* context) {
    std::vector<G::ExprContext*> parts;
    G::ExprContext* current = context;
    while (auto* link = dynamic_cast<Context*>(current)) {
      auto sides = link->expr();
      if (sides.size() < 2) break;
      parts.push_back(sides[1]);
      current = sides[0];
    }
    parts.push_back(current);
    std::reverse(parts.begin(), parts.end());
    auto e = make(ExprKind::binary, span(context));
    e->op = std::is_same_v<Context, G::AndExprContext> ? BinaryOp::and_op : BinaryOp::or_op;
    for (auto* part : parts)
      e->operands.push_back(expr(part));
    return e;
  }

  void arguments(G::ArgumentsContext* context, Expr& into) {
    if (context == nullptr) return;
    for (auto* arg : context->expr())
      into.operands.push_back(expr(arg));
  }

  ExprPtr primary(G::PrimaryContext* context) {
    if (context == nullptr) return make(ExprKind::none_literal, {});
    if (dynamic_cast<G::TrueLiteralContext*>(context) ||
        dynamic_cast<G::FalseLiteralContext*>(context)) {
      auto e = make(ExprKind::bool_literal, span(context));
      e->bool_value = dynamic_cast<G::TrueLiteralContext*>(context) != nullptr;
      return e;
    }
    if (dynamic_cast<G::NoneLiteralContext*>(context)) {
      return make(ExprKind::none_literal, span(context));
    }
    if (auto* c = dynamic_cast<G::NumberLiteralContext*>(context)) {
      auto e = make(ExprKind::number_literal, span(c));
      std::string digits = c->getText();
      auto [end, error] =
          std::from_chars(digits.data(), digits.data() + digits.size(), e->number_value);
      if (error != std::errc{} || end != digits.data() + digits.size()) {
        errors_.add(e->span, "`" + digits + "` is not a number steward can represent");
      }
      return e;
    }
    if (auto* c = dynamic_cast<G::TextLiteralContext*>(context)) return text(c->text());
    if (auto* c = dynamic_cast<G::CallExprContext*>(context)) {
      auto e = make(ExprKind::call, span(c));
      e->text = text_of(c->IDENT());
      e->name_span = span(c->IDENT());
      arguments(c->arguments(), *e);
      return e;
    }
    if (auto* c = dynamic_cast<G::NameExprContext*>(context)) {
      auto e = make(ExprKind::name, span(c));
      e->text = text_of(c->IDENT());
      e->name_span = e->span;
      return e;
    }
    if (auto* c = dynamic_cast<G::ParenExprContext*>(context)) return expr(c->expr());
    if (auto* c = dynamic_cast<G::ListExprContext*>(context)) {
      auto e = make(ExprKind::list, span(c));
      for (auto* item : c->expr())
        e->operands.push_back(expr(item));
      return e;
    }
    return placeholder(context);
  }

  ExprPtr text(G::TextContext* context) {
    if (context == nullptr) return make(ExprKind::string_literal, {});
    if (auto* raw = dynamic_cast<G::RawTextContext*>(context)) {
      auto e = make(ExprKind::string_literal, span(raw));
      std::string quoted = raw->getText();
      e->text = quoted.size() >= 2 ? quoted.substr(1, quoted.size() - 2) : "";
      return e;
    }
    auto* quoted = dynamic_cast<G::QuotedTextContext*>(context);
    if (quoted == nullptr) return placeholder(context);
    auto e = make(ExprKind::interpolation, span(quoted));
    std::string pending;
    Span pending_span;
    auto flush = [&]() {
      if (pending.empty()) return;
      auto part = make(ExprKind::string_literal, pending_span);
      part->text = std::move(pending);
      pending.clear();
      e->operands.push_back(std::move(part));
    };
    auto extend = [&](const Span& piece) {
      pending_span = pending.empty() ? piece : join(pending_span, piece);
    };
    for (auto* part : quoted->textPart()) {
      if (auto* plain = dynamic_cast<G::PlainPartContext*>(part)) {
        extend(span(plain));
        pending += plain->getText();
      } else if (auto* escape = dynamic_cast<G::EscapePartContext*>(part)) {
        extend(span(escape));
        pending += unescape(escape);
      } else if (auto* interpolation = dynamic_cast<G::InterpolationPartContext*>(part)) {
        flush();
        e->operands.push_back(expr(interpolation->expr()));
      }
    }
    flush();
    // Plain text is a literal; only text with `{...}` is an interpolation.
    bool has_expression = std::any_of(e->operands.begin(), e->operands.end(), [](const ExprPtr& p) {
      return p->kind != ExprKind::string_literal;
    });
    if (!has_expression) {
      auto literal = make(ExprKind::string_literal, e->span);
      for (const auto& p : e->operands)
        literal->text += p->text;
      return literal;
    }
    return e;
  }

  std::string unescape(G::EscapePartContext* context) {
    std::string escape = context->getText();
    char c = escape.size() > 1 ? escape[1] : '\\';
    switch (c) {
      case 'n':
        return "\n";
      case 't':
        return "\t";
      case '\\':
      case '"':
      case '{':
      case '}':
        return std::string(1, c);
      default:
        errors_.add(span(context), "unknown escape `" + escape +
                                       "`; strings know \\n \\t \\\\ \\\" \\{ and \\} (single-"
                                       "quoted strings take text as written)");
        return escape;
    }
  }

  SourceRef source_;
  ErrorCollector& errors_;
  int depth_ = 0;
  bool depth_reported_ = false;
};

}  // namespace

std::string_view to_string(BinaryOp op) {
  switch (op) {
    case BinaryOp::eq:
      return "==";
    case BinaryOp::ne:
      return "!=";
    case BinaryOp::lt:
      return "<";
    case BinaryOp::le:
      return "<=";
    case BinaryOp::gt:
      return ">";
    case BinaryOp::ge:
      return ">=";
    case BinaryOp::in:
      return "in";
    case BinaryOp::not_in:
      return "not in";
    case BinaryOp::matches:
      return "matches";
    case BinaryOp::glob:
      return "glob";
    case BinaryOp::within:
      return "within";
    case BinaryOp::and_op:
      return "and";
    case BinaryOp::or_op:
      return "or";
  }
  return "?";
}

void parse_guarded(const SourceRef& source, Diagnostics& out, const std::function<void()>& parse) {
  try {
    parse();
  } catch (const TooManyErrors&) {
    // The collector has recorded why it stopped.
  } catch (const std::exception& e) {
    // The ANTLR runtime signals its own failures (a bad UTF-8 input) with exceptions.
    out.push_back(syntax_error(Span{source, 1, 1, 1, 1}, std::string("cannot parse: ") + e.what()));
  } catch (...) {
    // ANTLR runtimes have thrown types outside std::exception; parse_policy promises not to throw.
    out.push_back(syntax_error(Span{source, 1, 1, 1, 1}, "cannot parse: unknown parser failure"));
  }
}

ParsedPack parse_policy(const SourceRef& source) {
  ParsedPack result;
  result.file = std::make_unique<PolicyFile>();
  result.file->source = source;
  ErrorCollector errors(source, result.diagnostics);
  parse_guarded(source, result.diagnostics, [&] {
    antlr4::ANTLRInputStream input(source->text());
    L lexer(&input);
    lexer.removeErrorListeners();
    lexer.addErrorListener(&errors);
    antlr4::CommonTokenStream tokens(&lexer);
    tokens.fill();
    if (!prescan(tokens, source, errors)) return;
    G parser(&tokens);
    parser.removeErrorListeners();
    parser.addErrorListener(&errors);
    G::PolicyFileContext* tree = parser.policyFile();
    TreeBuilder(source, errors).build(tree, *result.file);
  });
  return result;
}

}  // namespace steward::policy
