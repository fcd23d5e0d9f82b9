#include "catalog/catalog_site.h"

#include <doctest/doctest.h>

#include "model/model_helpers.h"

using namespace steward;
using namespace steward::catalog;
using Strings = std::vector<std::string>;

namespace {

const char* const kFiles =
    "kind: event\n"
    "name: order_completed\n"
    "description: \"<img src=x onerror=alert(1)> paid\"\n"
    "owner: team-a\n"
    "sources: [web]\n"
    "status: deprecated\n"
    "deprecated: {since: 2026-01-10, sunset: 2026-06-30, replaced_by: order_paid}\n"
    "properties:\n"
    "  email: {type: string, pii: user.contact.email, description: "
    "\"</script><script>alert(2)</script>\"}\n"
    "  total: {type: number, minimum: 0, pii: none}\n"
    "---\nkind: event\nname: order_paid\nowner: team-a\nsources: [web]\n"
    "---\nkind: transformation\nname: hash_email\nevents: [order_completed]\nreads: [email]\n"
    "writes: {email: user.contact.email.hashed}\n"
    "---\nkind: destination\nname: warehouse\ncategory: warehouse\nevents: \"*\"\n"
    "allow_pii: [user]\ntransformations: [hash_email]\n"
    "---\nkind: destination\nname: ../evil\nevents: [order_completed]\n";

struct Site {
  model::BuildResult built;
  std::vector<CatalogPage> pages;

  const std::string& page(const std::string& file) const {
    for (const auto& p : pages) {
      if (p.file == file) return p.html;
    }
    FAIL("no page " << file);
    static const std::string none;
    return none;
  }
};

Site site(const std::string& source_url = "") {
  Site s;
  s.built =
      model::testing::build({{"basics.yaml", model::testing::kBasics}, {"plan.yaml", kFiles}});
  s.pages = catalog_site(s.built.model, source_url);
  return s;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("an index page and a page per destination, named without repository paths") {
  auto s = site();
  Strings files;
  for (const auto& p : s.pages)
    files.push_back(p.file);
  CHECK(files == Strings{"index.html", "destination-warehouse.html", "d1.html"});
}

TEST_CASE("text from the repository is escaped in the HTML and in the search index") {
  auto s = site();
  for (const auto& p : s.pages) {
    INFO(p.file);
    CHECK_FALSE(contains(p.html, "<img"));
    CHECK_FALSE(contains(p.html, "<script>alert"));
    CHECK_FALSE(contains(p.html, "</script><script>"));
  }
  const auto& index = s.page("index.html");
  CHECK(contains(index, "&lt;img src=x onerror=alert(1)&gt; paid"));
  CHECK(contains(index, "\\u003c/script\\u003e\\u003cscript\\u003ealert(2)"));
  CHECK(contains(s.page("d1.html"), "<h1 class=\"destination\">../evil</h1>"));
}

TEST_CASE("an event shows its lifecycle, owner, constraints and where it goes") {
  auto s = site();
  const auto& index = s.page("index.html");
  CHECK(contains(index, "deprecated, since 2026-01-10, sunset 2026-06-30, replaced by order_paid"));
  CHECK(contains(index, "<dt>Owner</dt><dd>team-a</dd>"));
  CHECK(contains(index, "minimum: 0"));
  CHECK(contains(index,
                 "<a href=\"destination-warehouse.html\">warehouse</a> (development, "
                 "production)"));
  // The property's class where it arrives after the warehouse's transformation.
  CHECK(contains(index,
                 "<a href=\"destination-warehouse.html\">warehouse</a> as "
                 "user.contact.email.hashed"));
}

TEST_CASE("a destination page lists the PII categories reaching it after transformations") {
  auto s = site();
  const auto& warehouse = s.page("destination-warehouse.html");
  CHECK(contains(warehouse,
                 "<li><span class=\"pii\">user.contact.email.hashed</span>: "
                 "<a href=\"index.html#e-0-p-0\">order_completed.email</a> (after "
                 "hash_email)</li>"));
  CHECK_FALSE(contains(warehouse, ">user.contact.email<"));
  CHECK(contains(s.page("d1.html"), "<li><span class=\"pii\">user.contact.email</span>: "));
}

TEST_CASE("definitions link to the repository's web view through steward.yaml's template") {
  auto s = site("https://git.example.com/data/-/blob/main/{path}#L{line}");
  CHECK(contains(s.page("index.html"),
                 "<a class=\"where\" href=\"https://git.example.com/data/-/blob/main/"
                 "plan.yaml#L2\">plan.yaml:2</a>"));
}
