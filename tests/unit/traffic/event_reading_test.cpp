// Reading samples: plain and gzip JSON Lines, and every kind of bad line as a reason with its
// line number, the run going on after it.
#include "traffic_helpers.h"

namespace steward::traffic {

using namespace testing;

namespace {

const std::string kValid =
    R"({"type":"track","event":"order_completed","properties":{"order_id":"ord_1234","total":5},)"
    R"("context":{"consent":{"categoryPreferences":{"marketing":true}}}})";

std::vector<std::string> lines_of(const std::vector<std::string>& files) {
  LineSource source(files);
  LineBatch batch;
  std::vector<std::string> out;
  while (source.next_batch(batch)) {
    for (const auto& line : batch.lines) {
      std::string problem = line.problem == SampleLine::Problem::none       ? ""
                            : line.problem == SampleLine::Problem::too_long ? "too-long:"
                                                                            : "unreadable:";
      out.push_back(
          std::to_string(line.file) + ":" + std::to_string(line.number) + ":" + problem +
          std::string(line.problem == SampleLine::Problem::none ? line.text.substr(0, 10) : ""));
    }
  }
  return out;
}

}  // namespace

TEST_SUITE("traffic: reading samples") {
  TEST_CASE("plain and gzip files, blank lines skipped, CRLF, a last line without newline") {
    TempDir dir;
    std::string plain = dir.write("a.jsonl", "{\"a\":1}\r\n\n   \n{\"b\":2}");
    std::string gz = dir.write_gzip("b.jsonl.gz", "{\"c\":3}\n{\"d\":4}\n");
    CHECK(lines_of({plain, gz}) == std::vector<std::string>{"0:1:{\"a\":1}", "0:4:{\"b\":2}",
                                                            "1:1:{\"c\":3}", "1:2:{\"d\":4}"});
  }

  TEST_CASE("a line over 1 MiB is a reason with its line number; the next line is read") {
    TempDir dir;
    std::string huge(kMaxLineBytes + 10, 'x');
    std::string file = dir.write("big.jsonl", "{\"a\":1}\n" + huge + "\n{\"b\":2}\n");
    CHECK(lines_of({file}) ==
          std::vector<std::string>{"0:1:{\"a\":1}", "0:2:too-long:", "0:3:{\"b\":2}"});
    auto model = build_plan();
    auto summary = validate(model.model, {file});
    CHECK(summary.lines == 3);
    CHECK(reasons_of(summary) == std::vector<std::string>{"no-event-name@$", "line-too-long@$",
                                                          "no-event-name@$"});  // JSON, no event
    CHECK(summary.listed[1].line == 2);
  }

  TEST_CASE("a 100 MB line: skipped without being held, bounded memory") {
    TempDir dir;
    std::string file = (dir.path / "huge.jsonl").string();
    {
      std::ofstream out(file, std::ios::binary);
      std::string chunk(1 << 20, 'y');
      for (int i = 0; i < 100; ++i)
        out << chunk;
      out << "\n" << kValid << "\n";
    }
    auto model = build_plan();
    auto summary = validate(model.model, {file});
    CHECK(summary.lines == 2);
    CHECK(summary.invalid == 1);
    REQUIRE(summary.listed.size() == 1);
    CHECK(summary.listed[0].reasons[0].kind == ReasonKind::line_too_long);
    CHECK(summary.listed[0].reasons[0].got == "100.0 MiB");
  }

  TEST_CASE("a truncated gzip: the lines read stand, the cut is a reason, the next file is read") {
    TempDir dir;
    std::string text;
    for (int i = 0; i < 2000; ++i) {
      std::string line = kValid;
      line.replace(line.find("ord_1234"), 8, "ord_" + std::to_string(1000 + i));
      text += line + "\n";
    }
    std::string cut = dir.write_gzip("cut.jsonl.gz", text);
    std::filesystem::resize_file(cut, std::filesystem::file_size(cut) / 2);
    std::string next = dir.write("next.jsonl", kValid + "\n");
    auto model = build_plan();
    auto summary = validate(model.model, {cut, next});
    REQUIRE(summary.invalid >= 1);
    CHECK(summary.by_kind[static_cast<int>(ReasonKind::unreadable)] == 1);
    CHECK(summary.listed.back().reasons[0].kind == ReasonKind::unreadable);
    CHECK(summary.listed.back().file == 0);
    CHECK(summary.by_event["order_completed"].total > 100);  // what was read before the cut
    CHECK(summary.by_event["order_completed"].total < 2000);
    CHECK(summary.lines == summary.by_event["order_completed"].total + 1);
  }

  TEST_CASE("a sample file that does not exist is steward's input error (exit 2)") {
    CHECK_THROWS_AS(LineSource({"/nonexistent/sample.jsonl"}), InputError);
  }
}

}  // namespace steward::traffic
