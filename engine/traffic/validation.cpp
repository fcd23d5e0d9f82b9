#include "traffic/validation.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "traffic/ordered_batches.h"

namespace steward::traffic {

namespace {

// "$.properties.products[3].sku" -> "$.properties.products[*].sku": one tally for every element.
std::string generic_path(const std::string& path) {
  std::string out;
  out.reserve(path.size());
  for (size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '[' && i + 1 < path.size() &&
        std::isdigit(static_cast<unsigned char>(path[i + 1]))) {
      size_t close = path.find(']', i);
      if (close != std::string::npos) {
        out += "[*]";
        i = close;
        continue;
      }
    }
    out += path[i];
  }
  return out;
}

struct LineResult {
  bool is_event = false;
  EventVerdict verdict;
};

nlohmann::json reason_json(const Reason& r) {
  nlohmann::json out = {{"reason", std::string(to_string(r.kind))},
                        {"path", r.path},
                        {"expected", r.expected},
                        {"got", r.got}};
  if (r.plan && r.plan->valid()) {
    out["plan"] = {{"file", r.plan->file()}, {"line", r.plan->line}, {"column", r.plan->column}};
  }
  return out;
}

class Tallies {
 public:
  explicit Tallies(ValidationSummary& summary) : summary_(summary) {}

  void add(const std::string& event, const std::vector<Reason>& reasons) {
    for (const Reason& r : reasons) {
      ++summary_.by_kind[static_cast<int>(r.kind)];
      std::string path = generic_path(r.path);
      std::string key = std::string(to_string(r.kind)) + '\n' + event + '\n' + path;
      if (index_.size() >= kMaxTallies && !index_.count(key)) {
        path = kOther;
        key = std::string(to_string(r.kind)) + '\n' + kOther;
      }
      auto [it, added] = index_.emplace(std::move(key), summary_.by_reason.size());
      if (added) summary_.by_reason.push_back({r.kind, event, path, r.expected, r.plan, 0});
      ++summary_.by_reason[it->second].count;
    }
  }

  void finish() {
    std::stable_sort(summary_.by_reason.begin(), summary_.by_reason.end(),
                     [](const ReasonTally& a, const ReasonTally& b) { return a.count > b.count; });
  }

 private:
  ValidationSummary& summary_;
  std::unordered_map<std::string, size_t> index_;
};

}  // namespace

std::string dead_letter(const std::string& file, uint64_t line, const std::string& text,
                        bool is_json, const std::vector<Reason>& reasons) {
  nlohmann::json record = {{"file", file}, {"line", line}};
  nlohmann::json list = nlohmann::json::array();
  for (const Reason& r : reasons)
    list.push_back(reason_json(r));
  record["reasons"] = std::move(list);
  std::string out = record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  out.pop_back();  // the closing brace: the event follows as it was sent
  if (is_json) {
    out += ",\"event\":" + text + "}";
  } else {
    nlohmann::json raw = text;
    out += ",\"raw\":" + raw.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "}";
  }
  return out;
}

ValidationSummary validate_sample(const PlanChecks& plan, LineSource& source,
                                  const ValidateOptions& options) {
  ValidationSummary summary;
  summary.files = source.paths();
  unsigned workers = worker_count(options.threads);
  std::vector<EventChecker> checkers(workers);
  Tallies tallies(summary);
  auto work = [&](size_t w, const SampleLine& line) {
    LineResult result;
    Reason problem;
    EventChecker& checker = checkers[w];
    result.is_event = checker.parse(line, problem);
    if (result.is_event)
      result.verdict = checker.check(plan);
    else
      result.verdict.reasons.push_back(std::move(problem));
    return result;
  };
  auto consume = [&](const SampleLine& line, LineResult&& result) {
    ++summary.lines;
    EventVerdict& v = result.verdict;
    std::string name = result.is_event ? v.name : std::string(kNotAnEvent);
    if (summary.by_event.size() >= kMaxTallies && !summary.by_event.count(name)) name = kOther;
    if (result.is_event) ++summary.calls[static_cast<int>(v.call)];
    if (v.checked) ++summary.checked;
    if (!v.checked && v.valid()) return;  // identify, page, ...: counted by call type only
    EventTally& tally = summary.by_event[name];
    ++tally.total;
    if (v.valid()) return;
    ++summary.invalid;
    ++tally.invalid;
    tallies.add(name, v.reasons);
    if (options.dlq) {
      *options.dlq << dead_letter(summary.files[line.file], line.number, line.text, result.is_event,
                                  v.reasons)
                   << '\n';
    }
    if (summary.listed.size() < options.max_listed) {
      summary.listed.push_back(
          {line.file, line.number, name, std::move(v.reasons), v.reasons_dropped});
    }
  };
  auto progress = [&](uint64_t lines) {
    if (options.progress) options.progress(lines);
  };
  for_each_in_order<LineResult>(source, workers, work, consume, progress);
  tallies.finish();
  return summary;
}

std::string place(const Span* span) {
  if (!span || !span->valid()) return "";
  return span->file() + ":" + std::to_string(span->line) + ":" + std::to_string(span->column);
}

std::string percent(double fraction) {
  char text[32];
  double value = fraction * 100;
  std::snprintf(text, sizeof text, value != 0 && value < 0.01 ? "%.4f" : "%.2f", value);
  std::string out = text;
  // "20.00" -> "20", "10.60" -> "10.6": as a person writes it in steward.yaml.
  if (out.find('.') != std::string::npos) {
    while (out.back() == '0')
      out.pop_back();
    if (out.back() == '.') out.pop_back();
  }
  return out + "%";
}

}  // namespace steward::traffic
