// Environments: what a change puts in production that staging never had.

#include "kpi/environments.h"

#include <doctest/doctest.h>

#include "../model/model_helpers.h"

using namespace steward;
using namespace steward::kpi;
using model::testing::build;

namespace {

const char* const kSources =
    "kind: source\nname: web\nenvironments: [staging, production]\n"
    "---\nkind: transformation\nname: t\nevents: \"*\"\n";

std::vector<std::string> described(const std::vector<EnvironmentGap>& gaps) {
  std::vector<std::string> out;
  for (const auto& g : gaps)
    out.push_back(g.destination->name + (g.transformation.empty() ? "" : " " + g.transformation));
  return out;
}

}  // namespace

TEST_CASE("a destination straight to production, and its unstaged transformation") {
  auto base = build({{"s.yaml", kSources},
                     {"d.yaml", "kind: destination\nname: old\nenvironments: [production]\n"}});
  auto head = build({{"s.yaml", kSources},
                     {"d.yaml",
                      "kind: destination\nname: old\nenvironments: [production]\n"
                      "---\nkind: destination\nname: new\nenvironments: [production]\n"
                      "transformations: [t]\n"
                      "---\nkind: destination\nname: staged\nenvironments: [staging, production]\n"
                      "---\nkind: destination\nname: everywhere\n"}});
  CHECK(described(environment_gaps(base.model, head.model)) ==
        std::vector<std::string>{"new", "new t"});
  // Unchanged: nothing new reaches production.
  CHECK(environment_gaps(head.model, head.model).empty());
  auto lines = environment_lines(environment_gaps(base.model, head.model));
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].section == "environments");
  CHECK(lines[0].detail == "connected in production, but staging never had it");
  std::string text = environments_text(environment_gaps(base.model, head.model));
  CHECK(
      text.starts_with("\nenvironments\n  ~ new: connected in production, but staging never "
                       "had it\n      at d.yaml:"));
  CHECK(environments_markdown(environment_gaps(base.model, head.model))
            .find("| `new runs t` | in production, but no destination connected in staging runs "
                  "t |") != std::string::npos);
  CHECK(environments_text({}).empty());
}

TEST_CASE("a transformation staged elsewhere, or a repository without staging, is no gap") {
  auto base = build({{"s.yaml", kSources}});
  auto head = build({{"s.yaml", kSources},
                     {"d.yaml",
                      "kind: destination\nname: wh\nenvironments: [staging]\ntransformations: [t]\n"
                      "---\nkind: destination\nname: ads\nenvironments: [staging, production]\n"
                      "transformations: [t]\n"}});
  CHECK(environment_gaps(base.model, head.model).empty());
  auto no_staging_base =
      build({{"s.yaml", "kind: source\nname: web\nenvironments: [production]\n"}});
  auto no_staging_head = build({{"s.yaml",
                                 "kind: source\nname: web\nenvironments: [production]\n"
                                 "---\nkind: destination\nname: ads\n"
                                 "environments: [production]\n"}});
  CHECK(environment_gaps(no_staging_base.model, no_staging_head.model).empty());
}
