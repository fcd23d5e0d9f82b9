// steward.yaml's `traffic:` section: rates as percentages, counts, errors at their place.
#include "config/steward_config.h"
#include "traffic_helpers.h"

namespace steward::config {

TEST_SUITE("traffic: criteria in steward.yaml") {
  TEST_CASE("every key") {
    auto c = parse_steward_config(make_source("steward.yaml", R"(traffic:
  validate: {max_invalid_rate: 0.5%}
  replay: {max_newly_rejected_rate: 0.1%, max_new_pii_deliveries: 2, max_newly_blocked_by_consent_rate: 1%}
  identity: {max_collisions: 3, max_largest_profile: 50}
)"));
    CHECK(c.traffic.max_invalid_rate == doctest::Approx(0.005));
    CHECK(c.traffic.max_newly_rejected_rate == doctest::Approx(0.001));
    CHECK(c.traffic.max_new_pii_deliveries == 2);
    CHECK(*c.traffic.max_newly_blocked_by_consent_rate == doctest::Approx(0.01));
    CHECK(c.traffic.max_collisions == 3);
    CHECK(*c.traffic.max_largest_profile == 50);
  }

  TEST_CASE("defaults: nothing may get worse") {
    auto c = parse_steward_config(make_source("steward.yaml", "paths: [a]\n"));
    CHECK(c.traffic.max_invalid_rate == 0);
    CHECK(c.traffic.max_new_pii_deliveries == 0);
    CHECK(!c.traffic.max_newly_blocked_by_consent_rate);
  }

  TEST_CASE("errors: exit 2 at the place, with the way out") {
    auto error = [](const std::string& text) {
      try {
        parse_steward_config(make_source("steward.yaml", text));
      } catch (const InputError& e) {
        return std::string(e.what()) + " | " + e.fix();
      }
      return std::string("no error");
    };
    CHECK(error("traffic:\n  validate: {max_invalid_rate: 0.1}\n") ==
          "steward.yaml:2:32: 'max_invalid_rate' must be a percentage from 0% to 100%, not '0.1' | "
          "write e.g. `max_invalid_rate: 0.1%`");
    CHECK(
        error("traffic:\n  replay: {max_newly_rejectd_rate: 1%}\n") ==
        "steward.yaml:2:12: unknown key 'max_newly_rejectd_rate' in traffic.replay | did you mean "
        "'max_newly_rejected_rate'?");
    CHECK(error("traffic:\n  identity: {max_collisions: -1}\n") ==
          "steward.yaml:2:30: 'max_collisions' must be a whole number of at least 0, not '-1' | "
          "write e.g. `max_collisions: 0`");
    CHECK(error("traffic: [1]\n").find("'traffic' must be a mapping") != std::string::npos);
  }
}

}  // namespace steward::config
