#include "model/default_taxonomy.h"

namespace steward::model {

Taxonomy default_taxonomy() {
  static const char* const categories[] = {
      "user.id",
      "user.id.hashed",
      "user.name",
      "user.contact.email",
      "user.contact.email.hashed",
      "user.contact.phone",
      "user.contact.phone.hashed",
      "user.contact.address",
      "user.contact.address.postal_code",
      "user.device.id",
      "user.device.ip",
      "user.device.advertising_id",
      "user.device.user_agent",
      "user.location.approximate",
      "user.location.precise",
      "user.demographic.birth_date",
      "user.demographic.age_range",
      "user.demographic.gender",
      "user.financial.payment_card",
      "user.financial.bank_account",
      "user.government_id",
      "user.health",
      "user.biometric",
      "user.behavior.browsing",
      "user.behavior.purchase",
  };
  static const char* const purposes[] = {"essential", "analytics", "marketing", "advertising",
                                         "personalization"};
  Taxonomy taxonomy;
  taxonomy.builtin = true;
  for (const char* category : categories)
    taxonomy.pii_categories.push_back({category, {}});
  for (const char* purpose : purposes)
    taxonomy.consent_purposes.push_back({purpose, {}});
  return taxonomy;
}

}  // namespace steward::model
