#include "policy/parser.h"

#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

using namespace steward;
using namespace steward::policy;

namespace {

ParsedPack parse(const std::string& text) {
  return parse_policy(make_source("t.policy", text));
}

std::string errors_of(const ParsedPack& parsed) {
  std::string out;
  for (const auto& d : parsed.diagnostics) {
    out +=
        std::to_string(d.span.line) + ":" + std::to_string(d.span.column) + ": " + d.message + "\n";
  }
  return out;
}

// The single `where` (or outcome `at`) expression of a one-rule file.
const Expr& where_expr(const ParsedPack& parsed) {
  REQUIRE(parsed.file->rules.size() == 1);
  for (const auto& clause : parsed.file->rules[0].clauses) {
    if (clause.kind == Clause::Kind::where) return *clause.expr;
  }
  FAIL("no where clause");
  throw 0;
}

ParsedPack parse_where(const std::string& expression) {
  return parse("pack p\nrule p.r {\n  where " + expression + "\n  deny \"x\"\n}\n");
}

}  // namespace

TEST_CASE("a rule with metadata, clauses and outcomes") {
  auto parsed = parse(R"(pack pii

# A comment, and another style below.
// pii.destination-allowlist
rule pii.destination-allowlist {
  severity warning
  title "PII may reach only destinations that allow its category"
  help 'Add the category to allow_pii.'

  for route in head.routes
  for prop in route.delivered_properties
  let dest = route.destination
  where prop.pii != none and not dest.allows(prop.pii)
  deny at prop "{prop.path} ({prop.pii}) reaches {dest.name}, which does not allow it"
  suggest "hash {prop.name}"
}
)");
  CHECK(errors_of(parsed) == "");
  const PolicyFile& file = *parsed.file;
  CHECK(file.pack == "pii");
  REQUIRE(file.rules.size() == 1);
  const RuleDecl& rule = file.rules[0];
  CHECK(rule.id == "pii.destination-allowlist");
  CHECK(rule.id_span.line == 5);
  CHECK(rule.id_span.column == 6);
  CHECK(rule.id_span.end_column == 30);
  CHECK(rule.severity == Severity::warning);
  CHECK(rule.title == "PII may reach only destinations that allow its category");
  CHECK(rule.help == "Add the category to allow_pii.");
  REQUIRE(rule.clauses.size() == 4);
  CHECK(rule.clauses[0].kind == Clause::Kind::for_each);
  CHECK(rule.clauses[0].variable == "route");
  CHECK(rule.clauses[0].expr->kind == ExprKind::field);
  CHECK(rule.clauses[0].expr->text == "routes");
  CHECK(rule.clauses[2].kind == Clause::Kind::let);
  CHECK(rule.clauses[2].variable == "dest");
  const Expr& where = *rule.clauses[3].expr;
  CHECK(where.kind == ExprKind::binary);
  CHECK(where.op == BinaryOp::and_op);
  REQUIRE(where.operands.size() == 2);
  CHECK(where.operands[0]->op == BinaryOp::ne);
  CHECK(where.operands[0]->operands[1]->kind == ExprKind::none_literal);
  CHECK(where.operands[1]->kind == ExprKind::not_op);
  const Expr& call = *where.operands[1]->operands[0];
  CHECK(call.kind == ExprKind::method_call);
  CHECK(call.text == "allows");
  CHECK(call.operands.size() == 2);
  REQUIRE(rule.outcomes.size() == 1);
  const Outcome& deny = rule.outcomes[0];
  CHECK(deny.kind == Outcome::Kind::deny);
  CHECK(deny.at->kind == ExprKind::name);
  CHECK(deny.message->kind == ExprKind::interpolation);
  CHECK(deny.message->operands.size() == 6);
  CHECK(deny.message->operands[1]->text == " (");
  CHECK(deny.suggestion->kind == ExprKind::interpolation);
}

TEST_CASE("when, warn, note and require review") {
  auto parsed = parse(R"(pack identity
rule identity.review {
  severity note
  when not empty(changes.identities)
  require review by team-security "identity rules changed"
  warn "w"
  note at head "n"
  require review by c.head.owner at c.head
})");
  CHECK(errors_of(parsed) == "");
  const RuleDecl& rule = parsed.file->rules[0];
  CHECK(rule.severity == Severity::note);
  CHECK(rule.clauses[0].kind == Clause::Kind::when);
  CHECK(rule.clauses[0].expr->operands[0]->kind == ExprKind::call);
  REQUIRE(rule.outcomes.size() == 4);
  CHECK(rule.outcomes[0].kind == Outcome::Kind::review);
  CHECK(rule.outcomes[0].team->kind == ExprKind::name);
  CHECK(rule.outcomes[0].team->text == "team-security");
  CHECK(rule.outcomes[0].message->text == "identity rules changed");
  CHECK(rule.outcomes[1].kind == Outcome::Kind::warn);
  CHECK(rule.outcomes[2].kind == Outcome::Kind::note);
  CHECK(rule.outcomes[2].at != nullptr);
  CHECK(rule.outcomes[3].team->kind == ExprKind::field);
  CHECK(rule.outcomes[3].message == nullptr);
  CHECK(rule.outcomes[3].at != nullptr);
}

TEST_CASE("functions with typed parameters") {
  auto parsed = parse(R"(pack p
func personal(p: property, cats: list<category>) = p.pii != none and p.pii within cats
rule p.r { for e in head.events where some x in e.properties: personal(x, []) deny at e "m" }
)");
  CHECK(errors_of(parsed) == "");
  REQUIRE(parsed.file->functions.size() == 1);
  const FunctionDecl& f = *parsed.file->functions[0];
  CHECK(f.name == "personal");
  REQUIRE(f.params.size() == 2);
  CHECK(f.params[0].type.name == "property");
  CHECK(f.params[1].type.name == "list");
  REQUIRE(f.params[1].type.element != nullptr);
  CHECK(f.params[1].type.element->name == "category");
  CHECK(f.body->op == BinaryOp::and_op);
}

TEST_CASE("literals") {
  auto parsed =
      parse_where("[1, 2.5, -3, 1e3, true, false, none, null, \"s\", 'r{a}\\n', []] == x");
  CHECK(errors_of(parsed) == "");
  const Expr& list = *where_expr(parsed).operands[0];
  REQUIRE(list.kind == ExprKind::list);
  REQUIRE(list.operands.size() == 11);
  CHECK(list.operands[0]->number_value == 1);
  CHECK(list.operands[1]->number_value == 2.5);
  CHECK(list.operands[2]->number_value == -3);
  CHECK(list.operands[3]->number_value == 1000);
  CHECK(list.operands[4]->bool_value);
  CHECK(list.operands[5]->kind == ExprKind::bool_literal);
  CHECK(!list.operands[5]->bool_value);
  CHECK(list.operands[6]->kind == ExprKind::none_literal);
  CHECK(list.operands[7]->kind == ExprKind::none_literal);
  CHECK(list.operands[8]->text == "s");
  CHECK(list.operands[9]->kind == ExprKind::string_literal);
  CHECK(list.operands[9]->text == "r{a}\\n");
  CHECK(list.operands[10]->operands.empty());
}

TEST_CASE("string escapes and interpolation") {
  auto parsed = parse_where(R"("a\"b\\c\{d\}\n" == "x{y.z}{w}")");
  CHECK(errors_of(parsed) == "");
  const Expr& e = where_expr(parsed);
  CHECK(e.operands[0]->kind == ExprKind::string_literal);
  CHECK(e.operands[0]->text == "a\"b\\c{d}\n");
  const Expr& interpolation = *e.operands[1];
  REQUIRE(interpolation.kind == ExprKind::interpolation);
  REQUIRE(interpolation.operands.size() == 3);
  CHECK(interpolation.operands[0]->text == "x");
  CHECK(interpolation.operands[1]->kind == ExprKind::field);
  CHECK(interpolation.operands[2]->kind == ExprKind::name);
}

TEST_CASE("nested strings inside interpolation") {
  auto parsed = parse_where(R"("a {lower("B{c}")} d" == x)");
  CHECK(errors_of(parsed) == "");
  const Expr& interpolation = *where_expr(parsed).operands[0];
  REQUIRE(interpolation.operands.size() == 3);
  CHECK(interpolation.operands[1]->kind == ExprKind::call);
  CHECK(interpolation.operands[1]->operands[0]->kind == ExprKind::interpolation);
}

TEST_CASE("operators and precedence") {
  SUBCASE("comparison binds tighter than not, not tighter than and, and tighter than or") {
    auto parsed = parse_where("not a == b and c or d");
    CHECK(errors_of(parsed) == "");
    const Expr& e = where_expr(parsed);
    CHECK(e.op == BinaryOp::or_op);
    const Expr& conj = *e.operands[0];
    CHECK(conj.op == BinaryOp::and_op);
    CHECK(conj.operands[0]->kind == ExprKind::not_op);
    CHECK(conj.operands[0]->operands[0]->op == BinaryOp::eq);
  }
  SUBCASE("chains are flat") {
    auto parsed = parse_where("a and b and c and d");
    CHECK(where_expr(parsed).operands.size() == 4);
  }
  SUBCASE("every binary operator") {
    const std::pair<const char*, BinaryOp> cases[] = {{"a == b", BinaryOp::eq},
                                                      {"a != b", BinaryOp::ne},
                                                      {"a < b", BinaryOp::lt},
                                                      {"a <= b", BinaryOp::le},
                                                      {"a > b", BinaryOp::gt},
                                                      {"a >= b", BinaryOp::ge},
                                                      {"a in b", BinaryOp::in},
                                                      {"a not in b", BinaryOp::not_in},
                                                      {"a matches '^x'", BinaryOp::matches},
                                                      {"a glob 'x*'", BinaryOp::glob},
                                                      {"a within \"user\"", BinaryOp::within}};
    for (const auto& c : cases) {
      // Named, not bound: clang 14 cannot capture a structured binding in CHECK_MESSAGE's lambda.
      const auto& text = c.first;
      const auto& op = c.second;
      auto parsed = parse_where(text);
      CHECK_MESSAGE(errors_of(parsed) == "", text);
      CHECK_MESSAGE(where_expr(parsed).op == op, text);
    }
  }
  SUBCASE("postfix: fields, methods, index; keywords as field names") {
    auto parsed = parse_where("x.none.in(1)[0].all == y");
    CHECK(errors_of(parsed) == "");
    const Expr& e = *where_expr(parsed).operands[0];
    CHECK(e.kind == ExprKind::field);
    CHECK(e.text == "all");
    CHECK(e.operands[0]->kind == ExprKind::index);
    CHECK(e.operands[0]->operands[0]->kind == ExprKind::method_call);
    CHECK(e.operands[0]->operands[0]->text == "in");
  }
  SUBCASE("quantifiers take the rest of the expression") {
    auto parsed = parse_where("a and some x in xs: x.b or x.c");
    CHECK(errors_of(parsed) == "");
    const Expr& e = where_expr(parsed);
    CHECK(e.op == BinaryOp::and_op);
    const Expr& q = *e.operands[1];
    CHECK(q.kind == ExprKind::quantifier);
    CHECK(q.quantifier == QuantifierKind::some);
    CHECK(q.text == "x");
    CHECK(q.operands[1]->op == BinaryOp::or_op);
  }
  SUBCASE("all and if") {
    auto parsed = parse_where("all x in xs: if x.a then x.b else false");
    CHECK(errors_of(parsed) == "");
    const Expr& q = where_expr(parsed);
    CHECK(q.quantifier == QuantifierKind::all);
    CHECK(q.operands[1]->kind == ExprKind::conditional);
    CHECK(q.operands[1]->operands.size() == 3);
  }
}

TEST_CASE("expression spans") {
  auto parsed = parse_where("route.destination.allows(prop.pii)");
  const Expr& e = where_expr(parsed);
  CHECK(e.span.line == 3);
  CHECK(e.span.column == 9);
  CHECK(e.span.end_column == 42);
  CHECK(e.name_span.column == 27);
  CHECK(e.name_span.end_column == 32);
}

TEST_CASE("syntax errors are reported at their line and column") {
  SUBCASE("a missing expression") {
    auto parsed = parse("pack p\nrule p.r {\n  where\n  deny \"x\"\n}\n");
    CHECK(errors_of(parsed) == "4:3: expected an expression, found `deny`\n");
  }
  SUBCASE("an unknown character with a hint") {
    auto parsed = parse_where("a && b");
    CHECK(errors_of(parsed).find("3:11: expected ") == 0);
    CHECK(errors_of(parsed).find("character `&` (write `and`)") != std::string::npos);
  }
  SUBCASE("an unterminated string is reported once, at its quote") {
    auto parsed = parse("pack p\nrule p.r {\n  deny \"abc\n}\n");
    CHECK(errors_of(parsed).find("3:8: this string is not closed on its line") == 0);
  }
  SUBCASE("an unterminated string at the end of the file") {
    auto parsed = parse("pack p\nrule p.r {\n  deny \"abc");
    CHECK(errors_of(parsed).find("3:8: this string is not closed before the end of the file") == 0);
  }
  SUBCASE("a missing pack") {
    auto parsed = parse("rule p.r { deny \"x\" }");
    CHECK(errors_of(parsed) == "1:1: a policy file must start with `pack NAME`\n");
  }
  SUBCASE("an unclosed rule") {
    auto parsed = parse("pack p\nrule p.r {\n  deny \"x\"\n");
    // Reported where the rule opened, not at the end of the file.
    CHECK(errors_of(parsed) == "2:10: rule `p.r` is not closed: this `{` has no matching `}`\n");
  }
  SUBCASE("a stray closing brace") {
    auto parsed = parse("pack p\n}\n");
    CHECK(errors_of(parsed).find("2:1: ") == 0);
  }
  SUBCASE("a dangling dot does not swallow the next clause") {
    auto parsed = parse("pack p\nrule p.r {\n  where a.\n  deny \"x\"\n}\n");
    CHECK(errors_of(parsed) == "4:3: expected a field or method name after `.`, found `deny`\n");
  }
  SUBCASE("a missing brace") {
    auto parsed = parse("pack p\nrule p.r\n  deny \"x\"\n}\n");
    CHECK(errors_of(parsed).find("3:3: expected `{`, found `deny`") == 0);
  }
  SUBCASE("bad escape") {
    auto parsed = parse_where("\"\\q\" == x");
    CHECK(errors_of(parsed).find("3:10: unknown escape `\\q`") == 0);
  }
}

TEST_CASE("structural errors") {
  SUBCASE("unknown severity with did-you-mean") {
    auto parsed = parse("pack p\nrule p.r {\n  severity eror\n  deny \"x\"\n}");
    CHECK(errors_of(parsed) == "3:12: unknown severity `eror`; did you mean `error`?\n");
  }
  SUBCASE("metadata after a clause") {
    auto parsed = parse("pack p\nrule p.r {\n  where true\n  title \"t\"\n  deny \"x\"\n}");
    CHECK(errors_of(parsed) == "4:3: `title` must come before the rule's clauses\n");
  }
  SUBCASE("a clause after an outcome") {
    auto parsed = parse("pack p\nrule p.r {\n  deny \"x\"\n  where true\n}");
    CHECK(errors_of(parsed) == "4:3: `where` must come before the rule's outcomes\n");
  }
  SUBCASE("when after for") {
    auto parsed = parse("pack p\nrule p.r {\n  for x in y\n  when true\n  deny \"x\"\n}");
    CHECK(errors_of(parsed).find("4:3: `when` is a condition on the whole rule") == 0);
  }
  SUBCASE("a rule without an outcome") {
    auto parsed = parse("pack p\nrule p.r {\n  where true\n}");
    CHECK(errors_of(parsed).find("2:6: rule `p.r` has no outcome") == 0);
  }
  SUBCASE("rule ids start with the pack name") {
    auto parsed = parse("pack pii\nrule compat.x { deny \"x\" }");
    CHECK(errors_of(parsed) == "2:6: rule id `compat.x` must start with the pack name: `pii.x`\n");
  }
  SUBCASE("interpolation in a title") {
    auto parsed = parse("pack p\nrule p.r { title \"a {b}\" deny \"x\" }");
    CHECK(errors_of(parsed).find("2:18: `title` is plain text") == 0);
  }
  SUBCASE("duplicate metadata") {
    auto parsed = parse("pack p\nrule p.r { severity note severity error deny \"x\" }");
    CHECK(errors_of(parsed) == "2:26: `severity` is given twice\n");
  }
}

TEST_CASE("nesting depth is capped") {
  SUBCASE("brackets") {
    std::string deep(200, '(');
    auto parsed = parse_where(deep + "a" + std::string(200, ')'));
    REQUIRE(parsed.diagnostics.size() == 1);
    CHECK(parsed.diagnostics[0].message.find("nesting is deeper than 64 levels") == 0);
  }
  SUBCASE("prefix operators") {
    std::string nots;
    for (int i = 0; i < 100000; ++i)
      nots += "not ";
    auto parsed = parse_where(nots + "a");
    REQUIRE(parsed.diagnostics.size() == 1);
    CHECK(parsed.diagnostics[0].message.find("nesting is deeper than 64 levels") == 0);
  }
  SUBCASE("left-leaning chains") {
    std::string chain = "a";
    for (int i = 0; i < 100000; ++i)
      chain += " == a";
    auto parsed = parse_where(chain);
    REQUIRE(parsed.diagnostics.size() == 1);
    CHECK(parsed.diagnostics[0].message.find("expression nests deeper than 64 levels") == 0);
  }
  SUBCASE("long and/or chains are not nesting") {
    std::string chain = "a";
    for (int i = 0; i < 1000; ++i)
      chain += " or a";
    auto parsed = parse_where(chain);
    CHECK(errors_of(parsed) == "");
    CHECK(where_expr(parsed).operands.size() == 1001);
  }
  SUBCASE("within the limit") {
    std::string nested(60, '(');  // appended: GCC 12 at -O2 warns of a bad copy in a `+` chain
    nested.append("a").append(60, ')');
    auto parsed = parse_where(nested);
    CHECK(errors_of(parsed) == "");
  }
}

TEST_CASE("error recovery stops after 20 errors") {
  std::string text = "pack p\n";
  for (int i = 0; i < 50; ++i)
    text += "rule p.r" + std::to_string(i) + " { where ) deny \"x\" }\n";
  auto parsed = parse(text);
  REQUIRE(parsed.diagnostics.size() == 21);
  CHECK(parsed.diagnostics.back().message == "too many syntax errors; stopping after 20");
}

TEST_CASE("hostile input does not crash") {
  for (const char* text : {"", "pack", "pack p rule", "pack p rule p.r {", "pack p }}}}",
                           "pack p\nrule p.r { deny \"{\" }", "pack p\nrule p.r { deny \"{a\" }",
                           "pack p\nrule p.r { deny \"}\" }", "\xff\xfe", "pack p\nfunc f(a:) = ",
                           "pack p\nrule p.r { for in where deny at suggest }"}) {
    auto parsed = parse(text);
    CHECK(parsed.file != nullptr);
  }
}

TEST_CASE("a rule may name its documentation page with url") {
  auto parsed = parse(
      "pack p\nrule p.r {\n  severity warning\n  url \"https://wiki.example.com/p.r\"\n"
      "  deny \"x\"\n}\n");
  CHECK(errors_of(parsed).empty());
  REQUIRE(parsed.file->rules.size() == 1);
  CHECK(parsed.file->rules[0].url == "https://wiki.example.com/p.r");

  // `url` is no keyword: a variable of that name still works.
  auto variable = parse("pack p\nrule p.r {\n  for url in head.events\n  deny at url \"x\"\n}\n");
  CHECK(errors_of(variable).empty());

  CHECK(errors_of(parse("pack p\nrule p.r {\n  url \"wiki/p.r\"\n  deny \"x\"\n}\n")) ==
        "3:3: `url` must be an absolute http(s) URL, not 'wiki/p.r'\n");
  CHECK(errors_of(parse("pack p\nrule p.r {\n  ulr \"https://x.example/\"\n  deny \"x\"\n}\n")) ==
        "3:3: expected a clause or an outcome or `}`, found `ulr`\n");
  CHECK(errors_of(parse("pack p\nrule p.r {\n  url \"https://a.example/\"\n  url "
                        "\"https://b.example/\"\n  deny \"x\"\n}\n")) ==
        "4:3: `url` is given twice\n");
}

TEST_CASE("whatever the parse throws becomes a diagnostic, not an escaping exception") {
  // ANTLR runtimes have thrown types outside std::exception; parse_policy must still not throw.
  auto source = make_source("t.policy", "pack p\n");
  steward::Diagnostics out;
  CHECK_NOTHROW(parse_guarded(source, out, [] { throw 42; }));
  REQUIRE(out.size() == 1);
  CHECK(out[0].span.line == 1);
  CHECK(out[0].message == "cannot parse: unknown parser failure");

  steward::Diagnostics standard;
  CHECK_NOTHROW(parse_guarded(source, standard, [] { throw std::runtime_error("bad UTF-8"); }));
  REQUIRE(standard.size() == 1);
  CHECK(standard[0].message == "cannot parse: bad UTF-8");

  steward::Diagnostics none;
  parse_guarded(source, none, [] {});
  CHECK(none.empty());
}

TEST_CASE("a rule may carry tags") {
  auto parsed = parse(
      "pack p\nrule p.r {\n  url \"https://wiki.example.com/p.r\"\n  tags [\"privacy\", "
      "'gdpr/art-6',]\n  deny \"x\"\n}\n");
  CHECK(errors_of(parsed).empty());
  REQUIRE(parsed.file->rules.size() == 1);
  CHECK(parsed.file->rules[0].tags == std::vector<std::string>{"privacy", "gdpr/art-6"});

  // `tags` is no keyword either.
  CHECK(errors_of(parse("pack p\nrule p.r {\n  let tags = [\"a\"]\n  where \"a\" in tags\n  deny "
                        "\"x\"\n}\n"))
            .empty());
  CHECK(errors_of(parse("pack p\nrule p.r {\n  tags [\"a\"]\n  tags [\"b\"]\n  deny \"x\"\n}\n")) ==
        "4:3: `tags` is given twice\n");
  CHECK(errors_of(parse("pack p\nrule p.r {\n  for e in head.events\n  tags [\"a\"]\n  deny "
                        "\"x\"\n}\n")) == "4:3: `tags` must come before the rule's clauses\n");
}

TEST_CASE("the commonest slips say how the line should read") {
  auto forgot_at = parse("pack p\nrule p.r {\n  for e in head.events\n  deny e \"x\"\n}\n");
  CHECK(errors_of(forgot_at) ==
        "4:8: expected `at` or the message after `deny`, found `e`; the place of a finding "
        "follows `at`\n");
  REQUIRE(forgot_at.diagnostics.size() == 1);
  CHECK(forgot_at.diagnostics[0].suggestion == "did you mean `deny at e \"x\"`?");

  auto assign = parse_where("x.status = \"a\"");
  REQUIRE(assign.diagnostics.size() == 1);
  CHECK(assign.diagnostics[0].suggestion == "did you mean `where x.status == \"a\"`?");

  auto late_at = parse("pack p\nrule p.r {\n  for e in head.events\n  warn 'x' at e.owner\n}\n");
  REQUIRE(late_at.diagnostics.size() == 1);
  CHECK(late_at.diagnostics[0].suggestion == "did you mean `warn at e.owner 'x'`?");

  // `severity note` is no outcome: a name after it is not a forgotten `at`.
  auto severity = parse("pack p\nrule p.r {\n  severity note\n  ulr \"x\"\n  deny \"x\"\n}\n");
  CHECK(errors_of(severity) == "4:3: expected a clause or an outcome or `}`, found `ulr`\n");

  auto unclosed = parse("pack p\nrule p.r {\n  deny \"x\"\n\nfunc f(x: string) = x\n");
  CHECK(errors_of(unclosed) == "2:10: rule `p.r` is not closed: this `{` has no matching `}`\n");
}
