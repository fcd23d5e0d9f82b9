// Synthetic samples: valid by default, reproducible by seed, and each violation kind lands as the
// reason `steward validate` gives for it.
#include "traffic/sample_generator.h"

#include <sstream>

#include "traffic_helpers.h"

namespace steward::traffic {

using namespace testing;

namespace {

std::string sample(const model::Model& model, SampleOptions options) {
  std::ostringstream out;
  generate_sample(model, options, out);
  return out.str();
}

}  // namespace

TEST_SUITE("traffic: sample") {
  TEST_CASE("a sample without violations is valid against its plan; a seed repeats it") {
    auto plan = build_plan();
    SampleOptions options;
    options.events = 500;
    options.seed = 7;
    std::string text = sample(plan.model, options);
    CHECK(text == sample(plan.model, options));
    options.seed = 8;
    CHECK(text != sample(plan.model, options));
    TempDir dir;
    auto s = validate(plan.model, {dir.write("s.jsonl", text)});
    CHECK(s.lines == 500);
    CHECK(s.invalid == 0);
    CHECK(s.checked > 400);
  }

  TEST_CASE("each violation kind is reported as that reason") {
    auto plan = build_plan();
    for (ReasonKind kind :
         {ReasonKind::unknown_event, ReasonKind::missing_required, ReasonKind::wrong_type,
          ReasonKind::enum_value, ReasonKind::bounds, ReasonKind::pattern, ReasonKind::format,
          ReasonKind::consent_missing, ReasonKind::not_json, ReasonKind::no_event_name,
          ReasonKind::additional_property}) {
      INFO(to_string(kind));
      SampleOptions options;
      options.events = 400;
      options.identify_share = 0;
      options.violations[kind] = 0.25;
      TempDir dir;
      auto s = validate(plan.model, {dir.write("s.jsonl", sample(plan.model, options))});
      CHECK(s.invalid > 50);
      CHECK(s.invalid < 150);
      CHECK(s.by_kind[static_cast<int>(kind)] == s.invalid);
    }
  }

  TEST_CASE("patterns of a plan are sampled to match") {
    // Appended: GCC 12 at -O2 takes a `+` after std::string(kPlan) for an out-of-bounds copy.
    std::string plan_text(kPlan);
    plan_text.append(R"(---
kind: event
name: patterned
owner: team-a
sources: [web]
properties:
  sku: {type: string, required: true, pattern: '^[A-Z0-9]{3}-[A-Z0-9]{4,8}$', pii: none}
  code: {type: string, required: true, pattern: '^(ab|cd)+\.x?[a-c]*\d{2}$', pii: none}
)");
    auto plan = build_plan(plan_text);
    SampleOptions options;
    options.events = 300;
    TempDir dir;
    auto s = validate(plan.model, {dir.write("s.jsonl", sample(plan.model, options))});
    CHECK(s.invalid == 0);
    CHECK(s.by_event["patterned"].total > 50);
  }

  TEST_CASE("an unknown violation kind is steward's input error") {
    CHECK_THROWS_AS(violation_kind("wrong_type"), InputError);
    CHECK(violation_kind("wrong-type") == ReasonKind::wrong_type);
  }
}

}  // namespace steward::traffic
