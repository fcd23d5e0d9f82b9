#include "git/path_filter.h"

#include <doctest/doctest.h>

using steward::git::glob_match;
using steward::git::is_data_file;
using steward::git::PathFilter;

TEST_SUITE("path_filter") {
  TEST_CASE("data files are .yaml, .yml and .json") {
    CHECK(is_data_file("events/a.yaml"));
    CHECK(is_data_file("a.yml"));
    CHECK(is_data_file("schemas/a.json"));
    CHECK_FALSE(is_data_file("README.md"));
    CHECK_FALSE(is_data_file("a.yaml.bak"));
  }

  TEST_CASE("data files include an Iglu repository's extensionless schemas") {
    CHECK(is_data_file("schemas/com.acme/checkout_started/jsonschema/1-0-0"));
    CHECK(is_data_file("jsonschema/12-3-10"));
    CHECK(PathFilter().accepts("schemas/com.acme/checkout_started/jsonschema/1-0-2"));
    CHECK_FALSE(is_data_file("schemas/com.acme/checkout_started/jsonschema/1-0"));
    CHECK_FALSE(is_data_file("schemas/com.acme/checkout_started/jsonschema/1-0-0-0"));
    CHECK_FALSE(is_data_file("schemas/com.acme/checkout_started/jsonschema/1--0"));
    CHECK_FALSE(is_data_file("schemas/com.acme/checkout_started/jsonschema/v1-0-0"));
    CHECK_FALSE(is_data_file("schemas/com.acme/checkout_started/jsonschema/1-0-0-"));
    CHECK_FALSE(is_data_file("schemas/com.acme/checkout_started/avro/1-0-0"));
    CHECK_FALSE(is_data_file("schemas/com.acme/myjsonschema/1-0-0"));
    CHECK_FALSE(is_data_file("1-0-0"));
  }

  TEST_CASE("glob: * stays within a segment, ** crosses them, ? is one character") {
    CHECK(glob_match("*.yaml", "a.yaml"));
    CHECK_FALSE(glob_match("*.yaml", "events/a.yaml"));
    CHECK(glob_match("events/*.yaml", "events/a.yaml"));
    CHECK_FALSE(glob_match("events/*.yaml", "events/web/a.yaml"));
    CHECK(glob_match("**/*.yaml", "a.yaml"));  // "**/" also matches no folder at all
    CHECK(glob_match("**/*.yaml", "events/web/a.yaml"));
    CHECK(glob_match("events/**", "events/web/a.yaml"));
    CHECK(glob_match("events/**/a.yaml", "events/a.yaml"));
    CHECK(glob_match("events/**/a.yaml", "events/x/y/a.yaml"));
    CHECK(glob_match("a?.json", "ab.json"));
    CHECK_FALSE(glob_match("a?.json", "a/.json"));
    CHECK_FALSE(glob_match("a?.json", "a.json"));
  }

  TEST_CASE("glob: ** can take more folders after a later * has matched") {
    // A matcher that backtracks only to the last star gets these wrong.
    CHECK(glob_match("**/tmp-*.yaml", "a/tmp-x/tmp-1.yaml"));
    CHECK(glob_match("**x*y", "x/xy"));
    CHECK(glob_match("**/draft*/**", "a/drafts/b/c.yaml"));
    CHECK_FALSE(glob_match("**/tmp-*.yaml", "a/tmp-x/other.yaml"));
  }

  TEST_CASE("with no paths: everything but dot-files, dot-folders and steward.yaml") {
    PathFilter filter;
    CHECK(filter.accepts("events/a.yaml"));
    CHECK(filter.accepts("a.json"));
    CHECK_FALSE(filter.accepts("steward.yaml"));
    CHECK_FALSE(filter.accepts("steward.yml"));
    CHECK(filter.accepts("nested/steward.yaml"));  // only the project's own steward.yaml is skipped
    CHECK_FALSE(filter.accepts(".gitlab-ci.yml"));
    CHECK_FALSE(filter.accepts(".github/workflows/ci.yml"));
    CHECK_FALSE(filter.accepts("events/.draft.yaml"));
    CHECK_FALSE(filter.accepts("README.md"));
    CHECK(filter.may_contain("events"));
    CHECK_FALSE(filter.may_contain(".github"));
    CHECK_FALSE(filter.may_contain("events/.cache"));
  }

  TEST_CASE("include paths are folders or files relative to the project") {
    PathFilter filter({"tracking-plan", "./destinations/", "governance/slo.yaml"}, {});
    CHECK(filter.accepts("tracking-plan/events/a.yaml"));
    CHECK(filter.accepts("destinations/google.yaml"));
    CHECK(filter.accepts("governance/slo.yaml"));
    CHECK_FALSE(filter.accepts("governance/other.yaml"));
    CHECK_FALSE(filter.accepts("tracking-plan-old/a.yaml"));  // a prefix of a name is not a folder
    CHECK_FALSE(filter.accepts("other/a.yaml"));
    CHECK_FALSE(filter.accepts("steward.yaml"));
    CHECK(filter.may_contain("tracking-plan"));
    CHECK(filter.may_contain("tracking-plan/events"));
    CHECK(filter.may_contain("governance"));  // on the way to governance/slo.yaml
    CHECK_FALSE(filter.may_contain("other"));
  }

  TEST_CASE("include globs") {
    PathFilter filter({"events/*.yaml", "teams/*"}, {});
    CHECK(filter.accepts("events/a.yaml"));
    CHECK_FALSE(filter.accepts("events/web/a.yaml"));
    CHECK(
        filter.accepts("teams/checkout/team.yaml"));  // a glob that names a folder takes its files
    CHECK_FALSE(filter.accepts("other/a.yaml"));
  }

  TEST_CASE("excludes: folders, files and globs") {
    PathFilter filter({}, {"legacy", "events/old.yaml", "**/*.draft.yaml", "**/generated"});
    CHECK(filter.accepts("events/a.yaml"));
    CHECK_FALSE(filter.accepts("legacy/a.yaml"));
    CHECK_FALSE(filter.accepts("legacy/deep/a.yaml"));
    CHECK(filter.accepts("legacy-v2/a.yaml"));
    CHECK_FALSE(filter.accepts("events/old.yaml"));
    CHECK_FALSE(filter.accepts("events/new.draft.yaml"));
    CHECK_FALSE(filter.accepts("a.draft.yaml"));
    // A glob that names a folder excludes what is inside it, as a plain folder does.
    CHECK_FALSE(filter.accepts("schemas/generated/a.json"));
    CHECK_FALSE(filter.accepts("generated/a.json"));
    CHECK_FALSE(filter.may_contain("legacy"));
    CHECK_FALSE(filter.may_contain("a/generated"));
    CHECK(filter.may_contain("events"));
  }

  TEST_CASE("excludes win over includes") {
    PathFilter filter({"events"}, {"events/internal"});
    CHECK(filter.accepts("events/a.yaml"));
    CHECK_FALSE(filter.accepts("events/internal/a.yaml"));
    CHECK_FALSE(filter.may_contain("events/internal"));
  }
}
