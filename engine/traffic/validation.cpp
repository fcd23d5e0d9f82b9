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

struct ValidatedLine {
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

// The tally of each event name. Events of the plan are counted by their index (a vector: no
// string is compared or copied per event, whatever the plan's size); other names by name.
// Every name is counted apart up to kMaxTallies names, the rest under kOther.
class EventTallies {
 public:
  explicit EventTallies(const PlanChecks& plan)
      : plan_(plan), known_(plan.events().size()), known_seen_(plan.events().size(), 0) {}

  // The tally of the event named `name`, checked as `check` when it has the name of the plan's
  // event (else null); `name` is set to the name it is counted under.
  EventTally& at(const EventCheck* check, std::string& name) {
    if (check) {
      size_t i = plan_.index_of(*check);
      if (known_seen_[i]) return known_[i];
      if (distinct_ < kMaxTallies) {
        known_seen_[i] = 1;
        ++distinct_;
        return known_[i];
      }
      name = kOther;
    }
    auto it = other_.find(name);
    if (it == other_.end()) {
      if (distinct_ >= kMaxTallies) {
        name = kOther;
        it = other_.find(name);
      }
      if (it == other_.end()) {
        it = other_.emplace(name, EventTally{}).first;
        ++distinct_;
      }
    }
    return it->second;
  }

  void finish(std::map<std::string, EventTally>& out) const {
    for (size_t i = 0; i < known_.size(); ++i) {
      if (!known_seen_[i]) continue;
      EventTally& tally = out[plan_.events()[i].event->name];
      tally.total += known_[i].total;
      tally.invalid += known_[i].invalid;
    }
    for (const auto& [name, t] : other_) {
      EventTally& tally = out[name];
      tally.total += t.total;
      tally.invalid += t.invalid;
    }
  }

 private:
  const PlanChecks& plan_;
  std::vector<EventTally> known_;
  std::vector<char> known_seen_;
  std::unordered_map<std::string, EventTally> other_;
  size_t distinct_ = 0;
};

// Two checkers per worker: one holds the line being checked, the other parses the next one.
class LookAhead {
 public:
  // Makes `line` the current one: parsed already by parse_next(), or parsed now.
  bool take(const SampleLine& line, Reason& problem) {
    if (next_line_ == &line) {
      current_ = 1 - current_;
      next_line_ = nullptr;
      problem = std::move(next_problem_);
      return next_ok_;
    }
    return checkers_[current_].parse(line, problem);
  }
  void parse_next(const SampleLine& line, const PlanChecks& plan) {
    EventChecker& checker = checkers_[1 - current_];
    next_line_ = &line;
    next_ok_ = checker.parse(line, next_problem_);
    if (next_ok_) checker.prefetch(plan);
  }
  const EventChecker& current() const { return checkers_[current_]; }

 private:
  EventChecker checkers_[2];
  int current_ = 0;
  const SampleLine* next_line_ = nullptr;
  bool next_ok_ = false;
  Reason next_problem_;
};

}  // namespace

std::string dead_letter(const std::string& file, uint64_t line, std::string_view text, bool is_json,
                        const std::vector<Reason>& reasons) {
  nlohmann::json record = {{"file", file}, {"line", line}};
  nlohmann::json list = nlohmann::json::array();
  for (const Reason& r : reasons)
    list.push_back(reason_json(r));
  record["reasons"] = std::move(list);
  std::string out = record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  out.pop_back();  // the closing brace: the event follows as it was sent
  if (is_json) {
    out += ",\"event\":";
    out += text;
    out += '}';
  } else {
    nlohmann::json raw = std::string(text);
    out += ",\"raw\":" + raw.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "}";
  }
  return out;
}

ValidationSummary validate_sample(const PlanChecks& plan, LineSource& source,
                                  const ValidateOptions& options) {
  ValidationSummary summary;
  summary.files = source.paths();
  unsigned workers = worker_count(options.threads);
  std::vector<LookAhead> lookahead(workers);
  Tallies tallies(summary);
  EventTallies events(plan);
  auto work = [&](size_t w, const SampleLine& line, const SampleLine* next) {
    ValidatedLine result;
    Reason problem;
    LookAhead& ahead = lookahead[w];
    result.is_event = ahead.take(line, problem);
    // The next line is parsed, and what its check will read of the plan asked for, before this
    // line is checked: the plan's memory arrives while this check runs.
    if (next) ahead.parse_next(*next, plan);
    if (result.is_event)
      result.verdict = ahead.current().check(plan);
    else
      result.verdict.reasons.push_back(std::move(problem));
    return result;
  };
  auto consume = [&](const SampleLine& line, ValidatedLine&& result) {
    ++summary.lines;
    EventVerdict& v = result.verdict;
    if (result.is_event) ++summary.calls[static_cast<int>(v.call)];
    if (v.checked) ++summary.checked;
    if (!v.checked && v.valid()) return;  // identify, page, ...: counted by call type only
    std::string& name = v.name;
    if (!result.is_event) name = kNotAnEvent;
    EventTally& tally = events.at(result.is_event && v.named_as_event ? v.check : nullptr, name);
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
  for_each_in_order<ValidatedLine>(source, workers, work, consume, progress);
  events.finish(summary.by_event);
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
