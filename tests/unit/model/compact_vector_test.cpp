// A property's consent purposes are a CompactVector: one pointer, nothing held while empty, read
// as the vector it replaces, copied deeply.
#include <doctest/doctest.h>

#include <stdexcept>
#include <utility>
#include <vector>

#include "model/model.h"

using namespace steward::model;

namespace {

// A function that takes the vector, as much of steward's code does.
size_t count_of(const std::vector<Ref>& refs) {
  return refs.size();
}

}  // namespace

TEST_SUITE("compact vector") {
  TEST_CASE("empty holds nothing and reads as an empty vector") {
    Property property;
    CHECK(sizeof(property.consent) == sizeof(void*));
    CHECK(property.consent.empty());
    CHECK(property.consent.size() == 0);
    CHECK(property.consent.begin() == property.consent.end());
    CHECK(count_of(property.consent) == 0);
    CHECK(property.consent.get().empty());
    CHECK_THROWS_AS(property.consent.at(0), std::out_of_range);
    CHECK(property.consent == std::vector<Ref>{});
  }

  TEST_CASE("items added read in order, through the vector too") {
    Property property;
    property.consent = {Ref{"analytics", {}}, Ref{"marketing", {}}};
    property.consent.push_back(Ref{"ads", {}});
    CHECK(property.consent.size() == 3);
    CHECK(count_of(property.consent) == 3);
    CHECK(property.consent[0].name == "analytics");
    CHECK(property.consent.at(2).name == "ads");
    CHECK(property.consent.front().name == "analytics");
    CHECK(property.consent.back().name == "ads");
    std::vector<std::string> names;
    for (const Ref& purpose : property.consent)
      names.push_back(purpose.name);
    CHECK(names == std::vector<std::string>{"analytics", "marketing", "ads"});
    property.consent = std::vector<Ref>{};  // assigning an empty vector releases it
    CHECK(property.consent.empty());
  }

  TEST_CASE("copies are deep; the items keep their place when the holder moves") {
    Property property;
    property.consent.push_back(Ref{"analytics", {}});
    const Ref* purpose = &property.consent[0];
    Property copy = property;
    copy.consent[0].name = "changed";
    CHECK(property.consent[0].name == "analytics");
    CHECK_FALSE(copy.consent == property.consent);
    Property moved = std::move(property);
    CHECK(&moved.consent[0] == purpose);  // what points into a model stays valid
    CHECK(property.consent.empty());      // NOLINT: the moved-from state is specified
    moved.consent.clear();
    CHECK(moved.consent.empty());
  }
}
