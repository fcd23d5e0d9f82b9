#include "findings/rule_doc_url.h"

#include <doctest/doctest.h>

using steward::findings::is_absolute_url;
using steward::findings::rule_doc_url;
using steward::findings::RuleDocLinks;
using steward::findings::RuleInfo;
using steward::findings::stdlib_rule_pages;

namespace {

RuleInfo rule(const std::string& id, const std::string& url = "") {
  RuleInfo info;
  info.id = id;
  info.help_uri = url;
  return info;
}

const RuleDocLinks kLinks{stdlib_rule_pages("https://github.com/acme/steward/", "0.1.0"),
                          "https://wiki.acme.example/steward/{rule}"};

}  // namespace

TEST_SUITE("rule_doc_url") {
  TEST_CASE("a standard rule links to its page at the release tag") {
    CHECK(kLinks.stdlib_pages == "https://github.com/acme/steward/blob/v0.1.0/docs/rules");
    CHECK(rule_doc_url(rule("compat.event-removed"), true, kLinks) ==
          "https://github.com/acme/steward/blob/v0.1.0/docs/rules/compat.event-removed.md");
  }

  TEST_CASE("a team's rule links through docs_url") {
    CHECK(rule_doc_url(rule("acme.owner-required"), false, kLinks) ==
          "https://wiki.acme.example/steward/acme.owner-required");
    CHECK(rule_doc_url(rule("acme.owner-required"), false, {kLinks.stdlib_pages, ""}) == "");
  }

  TEST_CASE("a rule's own absolute url wins; a relative one is never printed") {
    CHECK(rule_doc_url(rule("acme.x", "https://intra.example/x"), true, kLinks) ==
          "https://intra.example/x");
    CHECK(rule_doc_url(rule("acme.x", "docs/x.md"), false, {"", ""}) == "");
    CHECK(rule_doc_url(rule("acme.x", "docs/x.md"), false, kLinks) ==
          "https://wiki.acme.example/steward/acme.x");
  }

  TEST_CASE("an odd rule id is percent-encoded") {
    CHECK(rule_doc_url(rule("a b\"<x>/../c"), false, kLinks) ==
          "https://wiki.acme.example/steward/a%20b%22%3Cx%3E%2F..%2Fc");
  }

  TEST_CASE("absolute URLs") {
    CHECK(is_absolute_url("https://example.com/a"));
    CHECK(is_absolute_url("http://example.com"));
    CHECK_FALSE(is_absolute_url("https://"));
    CHECK_FALSE(is_absolute_url("https:///path"));
    CHECK_FALSE(is_absolute_url("file:///etc/passwd"));
    CHECK_FALSE(is_absolute_url("javascript:alert(1)"));
    CHECK_FALSE(is_absolute_url("https://exa mple.com"));
  }
}
