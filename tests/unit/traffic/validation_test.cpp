// Validation of events against the plan: each kind of reason with its JSON path, expected and got,
// and the plan's file:line:col; the Segment and Snowplow envelopes; deterministic order.
#include <nlohmann/json.hpp>
#include <sstream>

#include "traffic_helpers.h"

namespace steward::traffic {

using namespace testing;

namespace {

const std::string kConsent = R"("context":{"consent":{"categoryPreferences":{"Marketing":true}}})";

std::string track(const std::string& properties, const std::string& context = kConsent) {
  return R"({"type":"track","event":"order_completed","properties":)" + properties + "," + context +
         "}";
}

ValidationSummary validate_lines(const std::vector<std::string>& lines, unsigned threads = 1,
                                 std::ostream* dlq = nullptr) {
  TempDir dir;
  std::string text;
  for (const auto& line : lines)
    text += line + "\n";
  auto model = build_plan();
  // The model must outlive the summary's plan pointers: keep it in a static per call site.
  static std::vector<std::unique_ptr<model::BuildResult>> keep;
  keep.push_back(std::make_unique<model::BuildResult>(std::move(model)));
  return validate(keep.back()->model, {dir.write("s.jsonl", text)}, threads, dlq);
}

}  // namespace

TEST_SUITE("traffic: validate") {
  TEST_CASE("a valid track event has no reason") {
    auto s =
        validate_lines({track(R"({"order_id":"ord_1234","total":10.5,"currency":"EUR",)"
                              R"("email":"a@b.example","items":[{"sku":"A","quantity":2}]})")});
    CHECK(s.invalid == 0);
    CHECK(s.checked == 1);
    CHECK(s.by_event["order_completed"].total == 1);
  }

  TEST_CASE("every kind of reason, with path, expected, got and the plan's place") {
    auto s = validate_lines(
        {track(R"({"total":"12","currency":"GBP","email":"nope","order_id":"ORD-1",)"
               R"("items":[{"sku":"A","quantity":0},{"quantity":1},{"sku":"C"},{"sku":"D"}]})")});
    CHECK(reasons_of(s) == std::vector<std::string>{
                               "wrong-type@$.properties.total",
                               "enum@$.properties.currency",
                               "format@$.properties.email",
                               "pattern@$.properties.order_id",
                               "bounds@$.properties.items",
                               "bounds@$.properties.items[0].quantity",
                               "missing-required@$.properties.items[1].sku",
                           });
    const Reason& type = s.listed[0].reasons[0];
    CHECK(type.expected == "number");
    CHECK(type.got == "string \"12\"");
    CHECK(place(type.plan) == "plan.yaml:18:17");  // the `type:` value
    CHECK(s.listed[0].reasons[1].expected == "one of [EUR, USD]");
    CHECK(s.listed[0].reasons[4].expected == "<= 3 items");
    CHECK(place(s.listed[0].reasons[6].plan) == "plan.yaml:28:9");
  }

  TEST_CASE("missing required properties, and no properties at all") {
    auto s =
        validate_lines({track(R"({"total":1})"), R"({"type":"track","event":"order_completed"})"});
    CHECK(reasons_of(s) == std::vector<std::string>{"missing-required@$.properties.order_id",
                                                    "missing-required@$.properties.order_id",
                                                    "missing-required@$.properties.total"});
  }

  TEST_CASE("consent missing: a property that needs a purpose the event does not grant") {
    auto s = validate_lines(
        {track(R"({"order_id":"ord_1234","total":1,"email":"a@b.example"})",
               R"("context":{"consent":{"categoryPreferences":{"marketing":false}}})"),
         track(R"({"order_id":"ord_1234","total":1,"email":"a@b.example"})",
               R"("context":{"consentManagement":{"allowedConsentIds":["marketing"]}})")});
    CHECK(reasons_of(s) == std::vector<std::string>{"consent-missing@$.properties.email"});
    CHECK(s.invalid == 1);
  }

  TEST_CASE("additional properties where the plan allows none, unknown events") {
    auto s = validate_lines(
        {R"({"event":"closed_event","properties":{"id":"x","meta":{"origin":"a","extra":1}}})",
         R"({"event":"no_such_event","properties":{}})"});
    CHECK(reasons_of(s) == std::vector<std::string>{"additional-property@$.properties.meta.extra",
                                                    "unknown-event@$.event"});
    CHECK(s.listed[1].reasons[0].got == "no_such_event");
  }

  TEST_CASE("lines that are not events: not JSON, not an object, no name, too deep") {
    std::string deep(200, '[');
    auto s = validate_lines({"{not json", "[1,2]", R"({"type":"track","properties":{}})",
                             R"({"properties":{}})", R"({"type":"bogus"})",
                             R"({"event":"x","p":)" + deep + std::string(200, ']') + "}"});
    CHECK(reasons_of(s) == std::vector<std::string>{"not-json@$", "not-json@$",
                                                    "no-event-name@$.event", "no-event-name@$",
                                                    "no-event-name@$.type", "too-deep@$"});
    CHECK(s.by_event[kNotAnEvent].invalid == 6);
    CHECK(s.listed[5].line == 6);
  }

  TEST_CASE("identify, page and other calls are counted, not checked against the plan") {
    auto s =
        validate_lines({R"({"type":"identify","userId":"u1","traits":{"email":"a@b.example"}})",
                        R"({"type":"page","name":"Home"})"});
    CHECK(s.invalid == 0);
    CHECK(s.checked == 0);
    CHECK(s.calls[static_cast<int>(CallType::identify)] == 1);
    CHECK(s.calls[static_cast<int>(CallType::page)] == 1);
  }

  TEST_CASE("Snowplow self-describing events, plain and in an unstruct_event envelope") {
    auto s = validate_lines(
        {R"({"schema":"iglu:com.acme/order_completed/jsonschema/1-0-0","data":{"order_id":"ord_1234","total":-1}})",
         R"({"schema":"iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0","data":)"
         R"({"schema":"iglu:com.acme/order_completed/jsonschema/1-0-0","data":{"total":1}}})",
         R"({"schema":"iglu:broken","data":{}})"});
    CHECK(reasons_of(s) == std::vector<std::string>{"bounds@$.data.total",
                                                    "missing-required@$.data.data.order_id",
                                                    "no-event-name@$.schema"});
  }

  TEST_CASE("the same output on 1 and 4 threads, over many batches") {
    std::vector<std::string> lines;
    for (int i = 0; i < 3 * static_cast<int>(kBatchLines) + 17; ++i)
      lines.push_back(i % 7 == 0 ? track(R"({"total":)" + std::to_string(i) + "}")
                                 : track(R"({"order_id":"ord_1234","total":1})"));
    auto one = validate_lines(lines, 1);
    auto four = validate_lines(lines, 4);
    CHECK(one.invalid == four.invalid);
    auto json_one = nlohmann::json::parse(render_validation_json(one, 0));
    auto json_four = nlohmann::json::parse(render_validation_json(four, 0));
    // Each call writes its own temporary file: compare all but the file names.
    json_one.erase("files");
    json_four.erase("files");
    for (auto* report : {&json_one, &json_four})
      for (auto& event : (*report)["invalid_events"])
        event.erase("file");
    CHECK((json_one == json_four));
    CHECK(one.listed.size() == four.listed.size());
    CHECK(one.listed.back().line == four.listed.back().line);
  }

  TEST_CASE("the dead-letter file: the original event and its reasons, one line each") {
    std::ostringstream dlq;
    auto s = validate_lines(
        {track(R"({"order_id":"ord_1234","total":1})"), track(R"({"total":"x"})"), "{not json"}, 1,
        &dlq);
    std::istringstream lines(dlq.str());
    std::string line;
    std::vector<nlohmann::json> records;
    while (std::getline(lines, line))
      records.push_back(nlohmann::json::parse(line));
    REQUIRE(records.size() == 2);
    CHECK(records[0]["line"] == 2);
    CHECK(records[0]["event"]["properties"]["total"] == "x");
    CHECK(records[0]["reasons"][0]["reason"] == "wrong-type");
    CHECK(records[0]["reasons"][0]["plan"]["line"] == 18);
    CHECK(records[1]["raw"] == "{not json");
  }

  TEST_CASE("reports escape what comes from the sample") {
    auto s = validate_lines({R"({"event":"evil\u001b[31m|*x*","properties":{}})"});
    std::string text = render_validation_text(s, 0);
    CHECK(text.find('\x1b') == std::string::npos);
    CHECK(text.find("evil\\x1b[31m") != std::string::npos);
    std::string markdown = render_validation_markdown(s, 0);
    CHECK(markdown.find('\x1b') == std::string::npos);
    CHECK(nlohmann::json::parse(render_validation_json(s, 0))["invalid"] == 1);
  }
}

}  // namespace steward::traffic
