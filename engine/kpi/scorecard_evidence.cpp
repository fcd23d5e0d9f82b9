#include "kpi/scorecard_evidence.h"

#include <algorithm>
#include <cctype>

#include "source/ascii_lower.h"
#include "source/visible_text.h"

namespace steward::kpi::scorecard {

namespace {

// A line as evidence: trimmed, at most 160 bytes, made visible (CI files are repository text).
std::string excerpt(std::string_view line) {
  size_t begin = line.find_first_not_of(" \t");
  size_t end = line.find_last_not_of(" \t\r");
  if (begin == std::string_view::npos) return "";
  line = line.substr(begin, end - begin + 1);
  std::string out = visible_text(line.substr(0, 160));
  if (line.size() > 160) out += "...";
  return out;
}

}  // namespace

std::string_view project_relative(std::string_view project_dir, std::string_view path) {
  if (project_dir.empty() || !path.starts_with(project_dir)) return path;
  std::string_view rest = path.substr(project_dir.size());
  return rest.starts_with('/') ? rest.substr(1) : path;
}

bool is_ci_file(std::string_view path) {
  bool yaml = path.ends_with(".yml") || path.ends_with(".yaml");
  return (path.starts_with(".github/workflows/") && yaml) || path == ".gitlab-ci.yml" ||
         (path.starts_with(".gitlab/ci/") && yaml);
}

bool is_codeowners(std::string_view path) {
  return path == "CODEOWNERS" || path == ".github/CODEOWNERS" || path == "docs/CODEOWNERS" ||
         path == ".gitlab/CODEOWNERS";
}

bool is_agent_file(std::string_view path) {
  return path == "AGENTS.md" || path == "CLAUDE.md" || path == ".github/copilot-instructions.md" ||
         path == ".cursorrules" || path.starts_with(".cursor/rules/") || path == ".aider.conf.yml";
}

std::vector<Evidence> ci_lines(const RepositoryFiles& files, std::vector<std::string_view> words,
                               size_t limit) {
  std::vector<Evidence> out;
  for (const auto& [path, text] : files.texts) {
    if (!is_ci_file(project_relative(files.project_dir, path))) continue;
    size_t line_number = 0;
    size_t start = 0;
    while (start <= text.size() && out.size() < limit) {
      size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      ++line_number;
      std::string_view line(text.data() + start, end - start);
      std::string folded = ascii_lower(line);
      bool all = std::all_of(words.begin(), words.end(), [&](std::string_view word) {
        return folded.find(word) != std::string::npos;
      });
      if (all && line.find_first_not_of(" \t") != std::string_view::npos &&
          line.find_first_not_of(" \t") != line.find('#')) {
        out.push_back({path, line_number, excerpt(line)});
      }
      start = end + 1;
    }
  }
  return out;
}

std::vector<Evidence> paths_naming(const RepositoryFiles& files,
                                   std::vector<std::string_view> words, std::string_view found,
                                   size_t limit) {
  std::vector<Evidence> out;
  for (const auto& path : files.paths) {
    std::string folded = ascii_lower(path);
    for (std::string_view word : words) {
      if (folded.find(word) == std::string::npos) continue;
      out.push_back({path, 0, std::string(found)});
      break;
    }
    if (out.size() >= limit) break;
  }
  return out;
}

std::vector<std::string> matching(const RepositoryFiles& files, bool (*which)(std::string_view)) {
  std::vector<std::string> out;
  for (const auto& path : files.paths) {
    if (which(project_relative(files.project_dir, path))) out.push_back(path);
  }
  return out;
}

bool Facts::pack_enabled(std::string_view pack) const {
  return std::find(config.packs.begin(), config.packs.end(), pack) != config.packs.end();
}

ScorecardItem new_item(std::string id, std::string checklist, std::string title) {
  ScorecardItem item;
  item.id = std::move(id);
  item.checklist = std::move(checklist);
  item.title = std::move(title);
  return item;
}

Evidence at(const Span& span, std::string found) {
  return {span.file(), span.line, std::move(found)};
}

Evidence looked(std::string where) {
  return {"", 0, "nothing found; looked for " + std::move(where)};
}

void append(std::vector<Evidence>& to, const std::vector<Evidence>& from) {
  to.insert(to.end(), from.begin(), from.end());
}

Grade grade_of(std::initializer_list<bool> conditions) {
  size_t held = static_cast<size_t>(std::count(conditions.begin(), conditions.end(), true));
  return held == conditions.size() ? Grade::yes : held == 0 ? Grade::no : Grade::partial;
}

void set_grade(ScorecardItem& item, Grade grade, std::string to_yes) {
  item.grade = grade;
  if (grade != Grade::yes) item.to_yes = std::move(to_yes);
}

void add_found(ScorecardItem& item, const std::vector<Evidence>& found, std::string looked_for) {
  append(item.evidence, found);
  if (found.empty()) item.evidence.push_back(looked(std::move(looked_for)));
}

void add_codeowners(ScorecardItem& item, const Facts& f, std::string_view shows) {
  for (const auto& path : f.codeowners)
    item.evidence.push_back({path, 0, std::string(shows)});
  if (f.codeowners.empty())
    item.evidence.push_back(looked("CODEOWNERS, .github/CODEOWNERS, docs/CODEOWNERS"));
}

Evidence steward_yaml(const Facts& f) {
  std::string packs;
  for (const auto& p : f.config.packs)
    packs += (packs.empty() ? "" : ", ") + p;
  if (!f.config.found) return {"steward.yaml", 0, "not found; the default packs run: " + packs};
  return {f.config.source ? f.config.source->path() : "steward.yaml", 0, "packs: " + packs};
}

std::string count_of(size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

}  // namespace steward::kpi::scorecard
