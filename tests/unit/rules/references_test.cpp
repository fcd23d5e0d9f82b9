// Portable references (defined_team, defined_category, defined_purpose): the name when the
// repository (the head model) defines it, else none.
#include <doctest/doctest.h>

#include "call.h"
#include "model/model.h"

using namespace steward;
using namespace steward::rules::testing;

namespace {

model::Model repository() {
  model::Model m;
  m.teams.push_back(model::Team{"team-security", "", {"@acme/security"}, {}});
  m.taxonomy.pii_categories = {{"user.financial.payment_card", {}}, {"user.contact.email", {}}};
  m.taxonomy.consent_purposes = {{"analytics", {}}, {"marketing", {}}};
  m.index();
  return m;
}

}  // namespace

TEST_CASE("a defined name is given back; one the repository lacks is none") {
  model::Model m = repository();
  policy::CallContext context{&m, nullptr, {}};
  CHECK(show(call_in("defined_team", {str("team-security")}, context)) == "team-security");
  CHECK(show(call_in("defined_team", {str("team-privacy")}, context)) == "none");
  CHECK(show(call_in("defined_category", {str("user.financial")}, context)) == "user.financial");
  CHECK(show(call_in("defined_category", {str("user.financial.payment_card")}, context)) ==
        "user.financial.payment_card");
  CHECK(show(call_in("defined_category", {str("user.health")}, context)) == "none");
  CHECK(show(call_in("defined_purpose", {str("marketing")}, context)) == "marketing");
  CHECK(show(call_in("defined_purpose", {str("advertising")}, context)) == "none");
  CHECK(show(call_in("defined_purpose", {Value()}, context)) == "none");
}

TEST_CASE("without a model (outside an evaluation) every reference is none") {
  CHECK(show(call("defined_team", {str("team-security")})) == "none");
  policy::CallContext none{};
  CHECK(show(call_in("defined_purpose", {str("marketing")}, none)) == "none");
}
