#include "sample_input.h"

#include <string>

#include "findings/fingerprint.h"
#include "findings/verdict.h"

namespace steward::report::testing {
namespace {

const char* kHead =
    "kind: event\n"
    "name: checkout_started\n"
    "descripton: A shopper opened the checkout.\n"
    "owner: team-checkout\n"
    "properties:\n"
    "  email: {type: string, pii: user.contact.email}\n"
    "  note: {type: string, pii: none, description: \"Caf\xC3\xA9 \xE2\x98\x95 notes\"}\n"
    "  coupon_code: {type: string, pii: none}\n";

const char* kBase =
    "kind: event\n"
    "name: checkout_started\n"
    "description: A shopper opened the checkout.\n"
    "owner: team-checkout\n"
    "properties:\n"
    "  email: {type: string, pii: user.contact.email}\n"
    "  note: {type: string, pii: none}\n"
    "  coupon: {type: string, pii: none}\n";

// A span over `token` on `line` of `file` (columns count bytes, end inclusive).
Span span_of(const SourceRef& file, uint32_t line, std::string_view token) {
  std::string_view text = file->line(line);
  auto column = static_cast<uint32_t>(text.find(token) + 1);
  return Span{file, line, column, line, column + static_cast<uint32_t>(token.size()) - 1};
}

findings::Finding finding(std::string rule, Severity severity, std::string message, Span span,
                          bool is_new) {
  Diagnostic d;
  d.rule = std::move(rule);
  d.severity = severity;
  d.message = std::move(message);
  d.span = std::move(span);
  findings::Finding f = findings::make_finding(std::move(d));
  f.is_new = is_new;
  return f;
}

findings::RuleTable rules() {
  return {
      {"schema.unknown-key", "Keys must be defined by the kind",
       "A key the kind does not define is usually a typo; it would be ignored silently.",
       Severity::error, "https://steward.example/rules/schema.unknown-key"},
      {"pii.destination-allowlist", "PII may reach only destinations that allow its category",
       "Add the category to `allow_pii`, hash the property with a transformation, or exclude it.",
       Severity::error, ""},
      {"compat.property-removed", "Removing a property breaks its consumers",
       "Deprecate the property first, and remove it after its sunset date.", Severity::error, ""},
      {"compat.property-type-changed", "A property keeps its type",
       "Add a new property with the new type and deprecate the old one.", Severity::error, ""},
      {"governance.description-required", "Every property has a description",
       "Describe what the property holds and when it is sent.", Severity::warning, ""},
      {"consent.purpose-missing", "Personal properties name a consent purpose",
       "List the purposes under `consent:`.", Severity::warning, ""},
      {"identity.unhashed-key", "Identity keys are normalised",
       "Add `normalize: [trim, lowercase]`.", Severity::warning, ""},
      {"identity.review", "Identity changes need a security review",
       "Identity rules decide which profiles merge.", Severity::note, ""},
  };
}

}  // namespace

ReportInput sample_input() {
  auto head = make_source("events/checkout.yaml", kHead, "head");
  auto base = make_source("events/checkout.yaml", kBase, "base");

  ReportInput input;
  auto unknown = finding("schema.unknown-key", Severity::error,
                         "unknown key `descripton` in event checkout_started",
                         span_of(head, 3, "descripton"), true);
  unknown.diagnostic.help =
      "Keys of an event: name, description, owner, domain, status, "
      "deprecated, sources, properties.";
  unknown.diagnostic.suggestion = "did you mean `description`?";
  unknown.fixes.push_back({span_of(head, 3, "descripton"), "description"});
  input.findings.push_back(unknown);

  auto leak = finding("pii.destination-allowlist", Severity::error,
                      "checkout_started.email (user.contact.email) reaches google_ads, which does "
                      "not allow it",
                      span_of(head, 6, "email"), true);
  leak.subject = "checkout_started.email";
  leak.diagnostic.help =
      "Add the category to allow_pii, hash the property with a transformation, or exclude it.";
  input.findings.push_back(leak);

  auto removed =
      finding("compat.property-removed", Severity::error, "checkout_started.coupon was removed",
              span_of(head, 5, "properties"), true);
  removed.diagnostic.base_span = span_of(base, 8, "coupon");
  removed.diagnostic.suggestion = "mark coupon `status: deprecated` with a sunset date instead";
  removed.subject = "checkout_started.coupon";
  input.findings.push_back(removed);

  input.findings.push_back(finding("governance.description-required", Severity::warning,
                                   "property coupon_code of checkout_started has no description",
                                   span_of(head, 8, "coupon_code"), false));

  auto odd = finding("consent.purpose-missing", Severity::warning,
                     "note says \"100% <b>free</b>\" & 'more': a, b, c | d\nsecond line",
                     span_of(head, 7, "\xE2\x98\x95 notes"), true);
  odd.diagnostic.suggestion = "add `consent: [analytics]`";
  input.findings.push_back(odd);

  auto builtin = finding("taxonomy.builtin", Severity::note,
                         "no `kind: taxonomy` found; the built-in taxonomy is used", Span{}, true);
  input.findings.push_back(builtin);

  auto silenced = finding("identity.unhashed-key", Severity::warning, "owner is not normalised",
                          span_of(head, 4, "owner"), true);
  silenced.suppression = {findings::Suppression::Kind::inline_comment, "migrating in DATA-7", "",
                          span_of(head, 4, "owner")};
  input.findings.push_back(silenced);

  auto waived = finding("compat.property-type-changed", Severity::error,
                        "checkout_started.note changed type", span_of(head, 7, "note"), false);
  waived.subject = "checkout_started.note";
  waived.suppression = {findings::Suppression::Kind::waiver, "never sent by any client",
                        "team-data", Span{}};
  input.findings.push_back(waived);

  findings::assign_fingerprints(input.findings);

  input.reviews = {
      {"identity.review", "team-security", "identity rules changed", span_of(head, 4, "owner")},
      {"pii.review", "team-data", "checkout_started.email is personal data", Span{}},
      {"identity.review", "team-security", "identity rules changed", Span{}},
  };
  input.rules = rules();
  input.summary = findings::summarize(input.findings, input.reviews, config::FailOn::error);
  input.tool_version = "0.1.0-test";
  input.change_summary_markdown =
      "- **event** `checkout_started`: property `coupon` removed, `coupon_code` added\n";
  input.change_summary_text =
      "event checkout_started: property coupon removed, coupon_code added\n";
  input.blob_url = "https://github.com/acme/tracking/blob/0123abc";
  return input;
}

ReportInput clean_input() {
  ReportInput input;
  input.rules = rules();
  input.summary = findings::summarize(input.findings, input.reviews, config::FailOn::error);
  input.tool_version = "0.1.0-test";
  return input;
}

}  // namespace steward::report::testing
