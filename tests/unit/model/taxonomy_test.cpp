#include <doctest/doctest.h>

#include "model/default_taxonomy.h"
#include "model_helpers.h"

using namespace steward::model;
using namespace steward::model::testing;
using Strings = std::vector<std::string>;

TEST_SUITE("taxonomy") {
  TEST_CASE("category_within: equal or below, at a dot") {
    CHECK(category_within("user.contact.email", "user"));
    CHECK(category_within("user.contact.email", "user.contact"));
    CHECK(category_within("user.contact.email", "user.contact.email"));
    CHECK_FALSE(category_within("user.contact", "user.contact.email"));
    CHECK_FALSE(category_within("user.contacts", "user.contact"));
    CHECK_FALSE(category_within("username", "user"));
    CHECK_FALSE(category_within("user", ""));
  }

  TEST_CASE("Destination::allows covers a category's children") {
    Destination destination;
    destination.allow_pii = {{"user.contact", {}}, {"user.device.id", {}}};
    CHECK(destination.allows("user.contact"));
    CHECK(destination.allows("user.contact.email"));
    CHECK(destination.allows("user.contact.email.hashed"));
    CHECK(destination.allows("user.device.id"));
    CHECK_FALSE(destination.allows("user.device"));  // a parent is more than its child
    CHECK_FALSE(destination.allows("user.device.ip"));
    CHECK_FALSE(destination.allows("user"));
    CHECK_FALSE(destination.allows("user.contactx"));
    Destination everything;
    everything.allow_pii = {{"user", {}}};
    CHECK(everything.allows("user.location.precise"));
    Destination nothing;
    CHECK_FALSE(nothing.allows("user.id"));
  }

  TEST_CASE("the default taxonomy applies when none is declared") {
    auto built = build({{"basics.yaml", kBasics},
                        {"e.yaml",
                         "kind: event\nname: e\nowner: team-a\nproperties:\n"
                         "  email: {type: string, pii: user.contact.email, consent: [marketing]}\n"
                         "  parent: {type: object, pii: user.contact}\n"
                         "  root: {type: object, pii: user}\n"
                         "  typo: {type: string, pii: user.contact.emial}\n"
                         "  purpose: {type: string, pii: none, consent: [marketting]}\n"
                         // A category found once is not looked up again, an unknown one is
                         // reported at every property that names it.
                         "  email2: {type: string, pii: user.contact.email, consent: [marketing]}\n"
                         "  typo2: {type: string, pii: user.contact.emial}\n"}});
    const Taxonomy& taxonomy = built.model.taxonomy;
    CHECK(taxonomy.builtin);
    CHECK(taxonomy.has_category("user.contact.email"));
    CHECK(taxonomy.has_category("user.contact.email.hashed"));
    // Ancestors of listed categories are categories too.
    CHECK(taxonomy.has_category("user.contact"));
    CHECK(taxonomy.has_category("user"));
    CHECK_FALSE(taxonomy.has_category("user.contact.emial"));
    CHECK_FALSE(taxonomy.has_category("use"));
    CHECK(taxonomy.has_purpose("marketing"));
    CHECK(taxonomy.has_purpose("essential"));
    CHECK_FALSE(taxonomy.has_purpose("marketting"));
    CHECK(places(built.diagnostics) == Strings{"reference.unknown-pii-category@e.yaml:8:29",
                                               "reference.unknown-consent-purpose@e.yaml:9:48",
                                               "reference.unknown-pii-category@e.yaml:11:30"});
    CHECK(built.diagnostics[0].suggestion == "did you mean 'user.contact.email'?");
    CHECK(built.diagnostics[1].suggestion == "did you mean 'marketing'?");
  }

  TEST_CASE("every category of the default taxonomy lies within `user`, every ancestor is valid") {
    Taxonomy taxonomy = default_taxonomy();
    CHECK(taxonomy.builtin);
    CHECK(taxonomy.pii_categories.size() >= 20);
    CHECK(taxonomy.consent_purposes.size() == 5);
    for (const auto& category : taxonomy.pii_categories) {
      CHECK(category_within(category.name, "user"));
      CHECK_FALSE(category.span.valid());  // built in: no file
      std::string ancestor = category.name;
      for (auto dot = ancestor.rfind('.'); dot != std::string::npos; dot = ancestor.rfind('.')) {
        ancestor.resize(dot);
        CHECK(taxonomy.has_category(ancestor));
      }
    }
  }

  TEST_CASE("a declared taxonomy replaces the default") {
    auto built = build({{"basics.yaml", kBasics},
                        {"t.yaml",
                         "kind: taxonomy\npii_categories: [user.contact.email]\n"
                         "consent_purposes: [analytics]\n"
                         "residency: [{pii: user.contact, regions: [eu], destination_regions: "
                         "[eu]}, {pii: user.location, regions: [eu]}]\n"},
                        {"e.yaml",
                         "kind: event\nname: e\nowner: team-a\nproperties:\n"
                         "  ip: {type: string, pii: user.device.ip, consent: [marketing]}\n"}});
    const Taxonomy& taxonomy = built.model.taxonomy;
    CHECK_FALSE(taxonomy.builtin);
    CHECK(taxonomy.span.file() == "t.yaml");
    CHECK(taxonomy.has_category("user.contact"));
    CHECK_FALSE(taxonomy.has_category("user.device.ip"));
    REQUIRE(taxonomy.residency.size() == 2);
    CHECK(taxonomy.residency[0].regions == Strings{"eu"});
    CHECK(taxonomy.residency[0].destination_regions == Strings{"eu"});
    CHECK(places(built.diagnostics) == Strings{"reference.unknown-pii-category@e.yaml:5:27",
                                               "reference.unknown-consent-purpose@e.yaml:5:53",
                                               "reference.unknown-pii-category@t.yaml:4:82"});
  }

  TEST_CASE("two taxonomies are a duplicate") {
    auto built = build({{"t.yaml",
                         "kind: taxonomy\npii_categories: [user.id]\n---\n"
                         "kind: taxonomy\npii_categories: [user.name]\n"}});
    CHECK(places(built.diagnostics) == Strings{"schema.duplicate-name@t.yaml:4:7"});
    CHECK(built.model.taxonomy.has_category("user.id"));  // the first one applies
  }
}
