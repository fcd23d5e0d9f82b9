#include "traffic/pattern_sampler.h"

#include <re2/re2.h>

#include <vector>

namespace steward::traffic {

namespace {

// A recursive-descent walk over the pattern that emits one matching string as it goes.
class Sampler {
 public:
  Sampler(const std::string& pattern, SeededRandom& random) : p_(pattern), random_(random) {}

  bool run(std::string& out) {
    if (!alternatives(out)) return false;
    return pos_ == p_.size();
  }

 private:
  bool alternatives(std::string& out) {
    // Takes the first alternative and skips the others (each is a valid choice).
    if (!sequence(out)) return false;
    while (pos_ < p_.size() && p_[pos_] == '|') {
      ++pos_;
      std::string skipped;
      if (!sequence(skipped)) return false;
    }
    return true;
  }

  bool sequence(std::string& out) {
    while (pos_ < p_.size() && p_[pos_] != '|' && p_[pos_] != ')') {
      if (p_[pos_] == '^' || p_[pos_] == '$') {
        ++pos_;
        continue;
      }
      size_t atom_start = pos_;
      std::string once;
      if (!atom(once)) return false;
      size_t atom_end = pos_;
      auto [lo, hi] = quantifier();
      if (lo < 0) return false;
      long long times = random_.between(lo, hi);
      for (long long i = 0; i < times; ++i) {
        if (i == 0) {
          out += once;
          continue;
        }
        size_t saved = pos_;
        pos_ = atom_start;
        std::string again;  // a class gives a new character each time
        if (!atom(again)) return false;
        pos_ = saved;
        (void)atom_end;
        out += again;
      }
    }
    return true;
  }

  std::pair<long long, long long> quantifier() {
    if (pos_ >= p_.size()) return {1, 1};
    char c = p_[pos_];
    if (c == '?') return ++pos_, std::pair<long long, long long>{0, 1};
    if (c == '*') return ++pos_, std::pair<long long, long long>{0, 3};
    if (c == '+') return ++pos_, std::pair<long long, long long>{1, 3};
    if (c != '{') return {1, 1};
    size_t close = p_.find('}', pos_);
    if (close == std::string::npos) return {-1, -1};
    std::string body = p_.substr(pos_ + 1, close - pos_ - 1);
    pos_ = close + 1;
    size_t comma = body.find(',');
    try {
      long long lo = std::stoll(body.substr(0, comma));
      long long hi = comma == std::string::npos ? lo
                     : comma + 1 == body.size() ? lo + 3
                                                : std::stoll(body.substr(comma + 1));
      if (lo < 0 || hi < lo || hi > 4096) return {-1, -1};
      return {lo, hi};
    } catch (...) {
      return {-1, -1};
    }
  }

  static std::string escape_class(char c) {
    switch (c) {
      case 'd':
        return "0123456789";
      case 'w':
        return "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
      case 's':
        return " ";
      default:
        return std::string(1, c);
    }
  }

  char pick(const std::string& chars) { return chars[random_.below(chars.size())]; }

  bool atom(std::string& out) {
    char c = p_[pos_];
    if (c == '(') {
      ++pos_;
      if (p_.compare(pos_, 2, "?:") == 0) pos_ += 2;
      if (!alternatives(out)) return false;
      if (pos_ >= p_.size() || p_[pos_] != ')') return false;
      ++pos_;
      return true;
    }
    if (c == '[') return char_class(out);
    if (c == '\\') {
      if (pos_ + 1 >= p_.size()) return false;
      char e = p_[pos_ + 1];
      pos_ += 2;
      if (e == 'D' || e == 'W' || e == 'S' || e == 'b' || e == 'B') return false;
      out += pick(escape_class(e));
      return true;
    }
    if (c == '.') {
      ++pos_;
      out += pick("abcdefghijklmnopqrstuvwxyz");
      return true;
    }
    ++pos_;
    out += c;
    return true;
  }

  bool char_class(std::string& out) {
    ++pos_;
    if (pos_ < p_.size() && p_[pos_] == '^') return false;  // negated classes: not sampled
    std::string chars;
    bool first = true;
    while (pos_ < p_.size() && (p_[pos_] != ']' || first)) {
      first = false;
      char c = p_[pos_++];
      if (c == '\\' && pos_ < p_.size()) {
        chars += escape_class(p_[pos_++]);
        continue;
      }
      if (pos_ + 1 < p_.size() && p_[pos_] == '-' && p_[pos_ + 1] != ']') {
        char end = p_[pos_ + 1];
        pos_ += 2;
        for (int x = c; x <= end; ++x)
          chars += static_cast<char>(x);
        continue;
      }
      chars += c;
    }
    if (pos_ >= p_.size() || chars.empty()) return false;
    ++pos_;
    out += pick(chars);
    return true;
  }

  const std::string& p_;
  SeededRandom& random_;
  size_t pos_ = 0;
};

}  // namespace

std::optional<std::string> sample_matching(const std::string& pattern, SeededRandom& random) {
  RE2::Options options;
  options.set_log_errors(false);
  RE2 re(pattern, options);
  if (!re.ok()) return std::nullopt;
  for (int attempt = 0; attempt < 4; ++attempt) {
    std::string out;
    if (!Sampler(pattern, random).run(out)) return std::nullopt;
    if (RE2::PartialMatch(out, re)) return out;
  }
  return std::nullopt;
}

}  // namespace steward::traffic
