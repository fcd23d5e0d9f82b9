#include "catalog/destination_page.h"

#include "catalog/anchors.h"
#include "catalog/property_text.h"
#include "catalog/site_style.h"
#include "catalog/source_link.h"
#include "source/markup_escape.h"

namespace steward::catalog {

namespace {

bool plain_name(const std::string& name) {
  if (name.empty() || name.size() > 100) return false;
  for (const char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

std::string facts(const model::Destination& d, const std::string& source_url) {
  std::string html = "<dl>\n";
  auto fact = [&](const char* term, const std::string& value) {
    html += "<dt>" + std::string(term) + "</dt><dd>" + html_escape(value.empty() ? "-" : value) +
            "</dd>\n";
  };
  fact("Category", d.category);
  fact("Region", d.region);
  fact("Environments", d.environments.empty() ? "all" : names(d.environments));
  fact("Consent required", names(d.consent));
  fact("PII allowed", names(d.allow_pii));
  fact("Transformations", names(d.transformations));
  html += "<dt>Defined at</dt><dd>" + source_link(d.span, source_url) + "</dd>\n</dl>\n";
  return html;
}

std::string pii_section(const model::Model& model, const model::Destination& destination,
                        const PropertyReach& reach) {
  const auto categories = reach.pii_reaching(destination);
  std::string html = "<h2>PII categories reaching it</h2>\n";
  if (categories.empty()) return html + "<p id=\"no-pii\">No personal data reaches it.</p>\n";
  html += "<ul id=\"pii-categories\">\n";
  for (const auto& [category, reaches] : categories) {
    html += "<li><span class=\"pii\">" + html_escape(category) + "</span>: ";
    std::string carried;
    for (const auto& r : reaches) {
      const model::Property& p = *r.delivered->property;
      carried += carried.empty() ? "" : ", ";
      carried += "<a href=\"index.html#" + property_anchor(model, p) + "\">" +
                 html_escape(r.route->event->name + "." + p.path) + "</a>";
      if (const model::Transformation* t = r.delivered->transformed_by()) {
        carried += " (after " + html_escape(t->name) + ")";
      }
    }
    html += carried + "</li>\n";
  }
  return html + "</ul>\n";
}

std::string events_section(const model::Model& model, const model::Destination& destination,
                           const PropertyReach& reach) {
  const auto& routes = reach.routes_to(destination);
  std::string html = "<h2>Events reaching it</h2>\n";
  if (routes.empty()) return html + "<p>No event reaches it.</p>\n";
  html += "<table id=\"events\"><thead><tr><th>Event</th><th>Environments</th></tr></thead>\n";
  for (const model::Route* route : routes) {
    html += "<tr><td><a href=\"index.html#" + event_anchor(model, *route->event) + "\">" +
            html_escape(route->event->name) + "</a></td><td>" +
            html_escape(joined(*route->environments)) + "</td></tr>\n";
  }
  return html + "</table>\n";
}

}  // namespace

std::string destination_file(const model::Model& model, const model::Destination& destination) {
  if (plain_name(destination.name)) return "destination-" + destination.name + ".html";
  return "d" + std::to_string(&destination - model.destinations.data()) + ".html";
}

std::string destination_page(const model::Model& model, const model::Destination& destination,
                             const PropertyReach& reach, const std::string& source_url) {
  std::string body = "<p><a href=\"index.html\">Data catalog</a></p>\n";
  body += "<h1 class=\"destination\">" + html_escape(destination.name) + "</h1>\n";
  if (!destination.description.empty())
    body += "<p class=\"description\">" + html_escape(destination.description) + "</p>\n";
  body += facts(destination, source_url);
  body += pii_section(model, destination, reach);
  body += events_section(model, destination, reach);
  return html_page(destination.name + " - data catalog", body);
}

}  // namespace steward::catalog
