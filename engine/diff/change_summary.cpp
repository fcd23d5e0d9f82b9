#include "diff/change_summary.h"

#include <map>

#include "diff/field_diff.h"
#include "source/visible_text.h"

namespace steward::diff {

namespace {

std::string place(const Span& span) {
  if (!span.valid()) return "";
  return span.file() + ":" + std::to_string(span.line);
}

std::string field_details(const std::vector<FieldChange>& fields) {
  std::string out;
  for (const auto& f : fields) {
    if (!out.empty()) out += "; ";
    out += f.field + " " + (f.base.empty() ? "(none)" : f.base) + " -> " +
           (f.head.empty() ? "(none)" : f.head);
  }
  return out;
}

// A destination's routing in words ("now receives only Order Completed, was every event except
// Password Reset"); its other fields as field_details writes them.
std::string destination_details(const std::vector<FieldChange>& fields) {
  std::string out;
  for (const auto& f : fields) {
    std::string part;
    if (f.field == "receives") {
      part = "now receives " + f.head + ", was " + f.base;
    } else if (f.field == "enabled") {
      part = f.head == "true" ? "enabled again" : "disabled: receives nothing";
    } else if (f.field == "connection_mode" || f.field == "consent_management") {
      part = (f.field == "connection_mode" ? "connection mode " : "consent management ") +
             std::string("now ") + (f.head.empty() ? "(none)" : f.head) + " (was " +
             (f.base.empty() ? "none" : f.base) + ")";
    } else {
      part = field_details({f});
    }
    out += (out.empty() ? "" : "; ") + part;
  }
  return out;
}

template <class Change>
SummaryLine entity_line(const char* section, const Change& c) {
  SummaryLine line;
  line.section = section;
  line.kind = c.kind;
  line.subject = c.name;
  line.detail = field_details(c.fields);
  if (c.head) line.head_place = place(c.head->span);
  if (c.base) line.base_place = place(c.base->span);
  return line;
}

std::string property_list(const std::vector<const model::DeliveredProperty*>& properties) {
  std::string out;
  for (const auto* p : properties) {
    out += (out.empty() ? "" : ", ") + p->property->path;
    out += " (" + (p->pii().empty() ? std::string("unclassified") : p->pii()) + ")";
  }
  return out;
}

SummaryLine route_line(const RouteChange& r) {
  SummaryLine line;
  line.section = "routes";
  line.kind = r.kind;
  line.subject = r.event + " -> " + r.destination;
  std::vector<std::string> parts;
  if (r.added()) {
    parts.push_back("in " + join(r.added_environments));
    parts.push_back(std::to_string(r.added_properties.size()) + " properties");
  } else if (r.removed()) {
    parts.push_back("no longer in " + join(r.removed_environments));
  } else {
    if (!r.added_environments.empty()) parts.push_back("now also in " + join(r.added_environments));
    if (!r.removed_environments.empty())
      parts.push_back("no longer in " + join(r.removed_environments));
    if (!r.added_properties.empty())
      parts.push_back("now delivers " + property_list(r.added_properties));
    if (!r.removed_properties.empty()) {
      parts.push_back("stops delivering " + property_list(r.removed_properties));
    }
    if (!r.reclassified_properties.empty()) {
      parts.push_back("PII class changed: " + property_list(r.reclassified_properties));
    }
  }
  line.detail = join(parts);
  if (r.head) line.head_place = place(r.head->destination->span);
  if (r.base) line.base_place = place(r.base->destination->span);
  return line;
}

const char* marker(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::added:
      return "+";
    case ChangeKind::removed:
      return "-";
    case ChangeKind::modified:
      return "~";
  }
  return "~";
}

std::string reach_text(const std::vector<Reach>& reach) {
  std::string out;
  for (const auto& r : reach) {
    out += (out.empty() ? "" : ", ") + r.destination + " (" + join(r.environments) + ")";
  }
  return out;
}

// A Markdown table cell cannot hold a raw '|', not even inside a code span.
std::string escape_pipes(const std::string& text) {
  std::string out;
  for (char c : text)
    out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

// Every value in the table comes from the repository: literal text, or a code span.
std::string cell(const std::string& text) {
  return markdown_literal(text);
}
std::string code_cell(const std::string& text) {
  return escape_pipes(markdown_code_span(text));
}

std::string link(const std::string& where, const std::string& blob_url) {
  if (where.empty()) return "";
  if (blob_url.empty()) return code_cell(where);
  auto colon = where.rfind(':');
  return "[" + code_cell(where) + "](" + blob_url + "/" + uri_reference(where.substr(0, colon)) +
         "#L" + where.substr(colon + 1) + ")";
}

}  // namespace

std::vector<Reach> blast_radius(const model::Model& model, const std::string& event) {
  std::vector<Reach> out;
  for (const auto& route : model.routes) {
    if (route.event->name == event) out.push_back({route.destination->name, *route.environments});
  }
  return out;
}

std::vector<SummaryLine> summarize(const ChangeSet& changes, const model::Model& base,
                                   const model::Model& head) {
  std::vector<SummaryLine> lines;
  for (const auto& c : changes.events) {
    SummaryLine line = entity_line("events", c);
    line.reach = blast_radius(c.head ? head : base, c.name);
    lines.push_back(std::move(line));
  }
  for (const auto& c : changes.properties) {
    SummaryLine line = entity_line("properties", c);
    if (!c.renamed_to.empty()) {
      line.detail = "likely renamed to " + c.renamed_to;
    } else if (!c.renamed_from.empty()) {
      line.detail = "likely renamed from " + c.renamed_from;
    } else if (c.added()) {
      line.detail = c.head->pii->empty() ? "unclassified (no pii:)" : "pii " + *c.head->pii;
    }
    line.reach = blast_radius(c.head ? head : base, c.event);
    lines.push_back(std::move(line));
  }
  for (const auto& c : changes.sources)
    lines.push_back(entity_line("sources", c));
  for (const auto& c : changes.destinations) {
    if (c.modified() && c.fields.empty()) continue;  // only its routes changed: listed there
    SummaryLine line = entity_line("destinations", c);
    line.detail = destination_details(c.fields);
    lines.push_back(std::move(line));
  }
  for (const auto& c : changes.routes)
    lines.push_back(route_line(c));
  for (const auto& c : changes.transformations) {
    lines.push_back(entity_line("transformations", c));
  }
  for (const auto& c : changes.identities)
    lines.push_back(entity_line("identity", c));
  for (const auto& c : changes.match_keys) {
    SummaryLine line = entity_line("identity", c);
    line.subject = c.identity + " match key " + c.name;
    lines.push_back(std::move(line));
  }
  for (const auto& c : changes.teams)
    lines.push_back(entity_line("teams", c));
  for (const auto& c : changes.slos)
    lines.push_back(entity_line("slos", c));
  for (const auto& c : changes.taxonomy) {
    SummaryLine line;
    line.section = "taxonomy";
    line.kind = c.kind;
    line.subject = c.entry + " " + c.name;
    (c.kind == ChangeKind::removed ? line.base_place : line.head_place) = place(c.span);
    lines.push_back(std::move(line));
  }
  return lines;
}

std::string render_text(const std::vector<SummaryLine>& lines) {
  if (lines.empty()) return "No changes to the customer-data model.\n";
  std::string out = std::to_string(lines.size()) + (lines.size() == 1 ? " change" : " changes") +
                    " to the customer-data model\n";
  std::string section;
  for (const auto& line : lines) {
    if (line.section != section) {
      section = line.section;
      out += "\n" + section + "\n";
    }
    // Values from the repository are escaped (visible_text): none can start a line of its own.
    out += std::string("  ") + marker(line.kind) + " " + visible_text(line.subject);
    if (!line.detail.empty()) out += ": " + visible_text(line.detail);
    out += "\n";
    if (!line.head_place.empty()) out += "      at " + visible_text(line.head_place) + "\n";
    if (!line.base_place.empty() && line.kind != ChangeKind::added) {
      out += "      was " + visible_text(line.base_place) + "\n";
    }
    if (!line.reach.empty()) out += "      reaches " + visible_text(reach_text(line.reach)) + "\n";
  }
  return out;
}

std::string render_markdown(const std::vector<SummaryLine>& lines, const std::string& blob_url) {
  if (lines.empty()) return "No changes to the customer-data model.\n";
  std::map<std::string, size_t> counts;
  for (const auto& line : lines)
    ++counts[line.section];
  std::string out = "**" + std::to_string(lines.size()) +
                    (lines.size() == 1 ? " change" : " changes") + "** to the customer-data model:";
  for (const auto& [section, count] : counts)
    out += " " + section + " " + std::to_string(count) + ";";
  out.back() = '\n';
  out += "\n| | what | change | where | reaches |\n|---|---|---|---|---|\n";
  for (const auto& line : lines) {
    std::string where = line.head_place.empty() ? "was " + link(line.base_place, "")
                                                : link(line.head_place, blob_url);
    out += std::string("| ") + marker(line.kind) + " | " + line.section + " " +
           code_cell(line.subject) + " | " +
           cell(line.detail.empty() ? std::string(to_string(line.kind)) : line.detail) + " | " +
           where + " | " + cell(reach_text(line.reach)) + " |\n";
  }
  return out;
}

}  // namespace steward::diff
