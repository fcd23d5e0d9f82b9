#pragma once

#include "model/model.h"

namespace steward::model {

// The taxonomy that applies when a repository declares none: PII categories in the dotted style
// of common privacy taxonomies (user.contact.email, user.device.ip, ...) and the usual consent
// purposes. Documented in docs/taxonomy.md.
Taxonomy default_taxonomy();

}  // namespace steward::model
