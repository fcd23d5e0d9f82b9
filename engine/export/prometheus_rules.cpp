#include "export/prometheus_rules.h"

#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <cstdlib>

#include "export/promql_text.h"
#include "source/diagnostic_factory.h"
#include "source/rule_ids.h"

namespace steward::exports {

namespace {

// A number as PromQL reads it, without float noise: 0.005, 900, 0.25.
std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", value);
  return text;
}

// "0.5%" -> 0.005 (the reader accepts only digits, dots and a final '%').
double fraction(const std::string& percentage) {
  return std::strtod(percentage.c_str(), nullptr) / 100.0;
}

// "250ms" -> 0.25, "15m" -> 900 (the reader accepts only these units).
double seconds(const std::string& duration) {
  char* unit = nullptr;
  const double value = std::strtod(duration.c_str(), &unit);
  const std::string u = unit ? unit : "";
  if (u == "ms") return value / 1000.0;
  if (u == "m") return value * 60.0;
  if (u == "h") return value * 3600.0;
  return value;
}

struct Alert {
  std::string name;
  std::string expr;
  std::string for_duration;
  std::string severity;
  std::string objective;  // which key of the SLO it comes from
  std::string summary;
};

// The error ratio of deliveries to the destination over `window`.
std::string error_ratio(const std::string& matcher, const char* window) {
  return "sum by (destination) (rate(cdp_delivery_failures_total" + matcher + "[" + window +
         "])) / sum by (destination) (rate(cdp_delivery_attempts_total" + matcher + "[" + window +
         "]))";
}

// The burn-rate alerts of the SRE workbook: 2% of a 30-day budget in an hour pages, 5% in six
// hours opens a ticket; the short window stops the alert soon after the burn stops.
void error_budget(const model::Slo& slo, const std::string& m, std::vector<Alert>& alerts) {
  const double budget = fraction(slo.delivery_error_rate);
  alerts.push_back({"DestinationErrorBudgetFastBurn",
                    error_ratio(m, "1h") + " > " + number(14.4 * budget) + " and " +
                        error_ratio(m, "5m") + " > " + number(14.4 * budget),
                    "2m", "page", "delivery_error_rate",
                    "{{ $labels.destination }} burns its error budget (" + slo.delivery_error_rate +
                        " of deliveries) 14.4 times too fast"});
  alerts.push_back({"DestinationErrorBudgetSlowBurn",
                    error_ratio(m, "6h") + " > " + number(6 * budget) + " and " +
                        error_ratio(m, "30m") + " > " + number(6 * budget),
                    "15m", "ticket", "delivery_error_rate",
                    "{{ $labels.destination }} burns its error budget (" + slo.delivery_error_rate +
                        " of deliveries) 6 times too fast"});
}

std::vector<Alert> alerts_of(const model::Slo& slo) {
  const std::string m = "{destination=" + promql_string(slo.destination.name) + "}";
  std::vector<Alert> alerts;
  if (!slo.schema_violation_rate.empty()) {
    alerts.push_back({"DestinationSchemaViolationRateHigh",
                      "sum by (destination) (rate(cdp_schema_violations_total" + m +
                          "[10m])) / sum by (destination) (rate(cdp_events_received_total" + m +
                          "[10m])) > " + number(fraction(slo.schema_violation_rate)),
                      "10m", "ticket", "schema_violation_rate",
                      "more than " + slo.schema_violation_rate +
                          " of the events for {{ $labels.destination }} violate their schema"});
  }
  if (!slo.delivery_error_rate.empty()) error_budget(slo, m, alerts);
  if (!slo.latency_p95.empty()) {
    alerts.push_back(
        {"DestinationLatencyP95High",
         "histogram_quantile(0.95, sum by (destination, le) "
         "(rate(cdp_delivery_latency_seconds_bucket" +
             m + "[5m]))) > " + number(seconds(slo.latency_p95)),
         "10m", "page", "latency_p95",
         "p95 delivery latency to {{ $labels.destination }} is above " + slo.latency_p95});
  }
  if (!slo.dead_letter_backlog.empty()) {
    alerts.push_back(
        {"DestinationDeadLetterBacklogHigh",
         "max by (destination) (cdp_dead_letter_events" + m + ") > " + slo.dead_letter_backlog,
         "15m", "page", "dead_letter_backlog",
         "more than " + slo.dead_letter_backlog +
             " events for {{ $labels.destination }} wait in the dead-letter queue"});
  }
  return alerts;
}

Diagnostic finding(const model::Slo& slo, const char* rule, std::string message, std::string help) {
  Diagnostic d =
      make_diagnostic(rule, Severity::error, slo.span, std::move(message), std::move(help));
  d.subject = slo.destination.name;
  return d;
}

void write_group(YAML::Emitter& out, const model::Slo& slo, const std::vector<Alert>& alerts) {
  out << YAML::BeginMap << YAML::Key << "name" << YAML::Value
      << "steward-slo-" + slo.destination.name;
  out << YAML::Key << "rules" << YAML::Value << YAML::BeginSeq;
  for (const auto& alert : alerts) {
    out << YAML::BeginMap;
    out << YAML::Key << "alert" << YAML::Value << alert.name;
    out << YAML::Key << "expr" << YAML::Value << alert.expr;
    out << YAML::Key << "for" << YAML::Value << alert.for_duration;
    out << YAML::Key << "labels" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "severity" << YAML::Value << alert.severity;
    // The destination as a label of the rule too: alerts of two SLOs owned by one team must
    // differ in their labels (promtool reports them as duplicates otherwise).
    out << YAML::Key << "destination" << YAML::Value << go_template_literal(slo.destination.name);
    if (!slo.owner.name.empty())
      out << YAML::Key << "team" << YAML::Value << go_template_literal(slo.owner.name);
    out << YAML::Key << "slo" << YAML::Value << alert.objective;
    out << YAML::EndMap;
    // Repository text in annotations goes through the same escaping as labels; the destination
    // comes from the series' own label.
    out << YAML::Key << "annotations" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "summary" << YAML::Value << alert.summary;
    if (!slo.owner.name.empty())
      out << YAML::Key << "owner" << YAML::Value << go_template_literal(slo.owner.name);
    out << YAML::EndMap << YAML::EndMap;
  }
  out << YAML::EndSeq << YAML::EndMap;
}

}  // namespace

ExportResult prometheus_rules(const model::Model& model) {
  ExportResult result;
  YAML::Emitter out;
  out << YAML::Comment(
      "Generated by `steward export prometheus-rules` from the SLOs; do not edit.");
  out << YAML::BeginMap << YAML::Key << "groups" << YAML::Value << YAML::BeginSeq;
  for (const auto& slo : model.slos) {
    const auto alerts = alerts_of(slo);
    if (alerts.empty()) {
      result.diagnostics.push_back(
          finding(slo, rule_id::kExportSloNoObjective,
                  "the SLO of " + slo.destination.name + " sets no objective",
                  "set delivery_error_rate, schema_violation_rate, latency_p95 or "
                  "dead_letter_backlog"));
      continue;
    }
    if (slo.owner.name.empty()) {
      result.diagnostics.push_back(finding(
          slo, rule_id::kExportSloOwnerRequired,
          "the SLO of " + slo.destination.name + " has no owner, so its alerts reach no team",
          "add `owner: TEAM` (a `kind: team` name); it becomes the alerts' `team` label"));
    }
    write_group(out, slo, alerts);
  }
  out << YAML::EndSeq << YAML::EndMap;
  result.text = std::string(out.c_str()) + "\n";
  return result;
}

}  // namespace steward::exports
