#pragma once

#include <string>
#include <vector>

#include "model/model.h"

namespace steward::catalog {

// One file of the site: a name without folders ("index.html", "destination-braze.html") and its
// HTML.
struct CatalogPage {
  std::string file;
  std::string html;
};

// The static data catalog of `model`: index.html (every event and property with its type,
// constraints, description, PII class, consent, owner, lifecycle, where it goes, and the search)
// and a page per destination. `source_url` is steward.yaml's template for links to definitions.
std::vector<CatalogPage> catalog_site(const model::Model& model, const std::string& source_url);

}  // namespace steward::catalog
