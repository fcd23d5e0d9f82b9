// `steward eval EXPR`: the value of one expression of the policy language over the repository
// (head, and base and changes with --base), for writing and debugging rules; `-i` reads one
// expression a line from standard input.
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/comparison.h"
#include "cli/diagnostics_error.h"
#include "cli/exit_code.h"
#include "cli/pack_loading.h"
#include "diff/change_set.h"
#include "findings/waiver.h"
#include "policy/evaluator.h"
#include "policy/object_type.h"
#include "rules/builtins.h"

namespace steward::cli {

namespace {

struct EvalOptions {
  RevisionOptions revisions;
  std::string expression;
  bool interactive = false;
  std::string format = "text";
  std::string pack;  // its functions may be called; empty: none
  std::string actor;
  std::vector<std::string> labels;
  std::string environment;
};

// The function the expression becomes, so that the checker and the evaluator see what a rule's
// expression is. The expression is the third line of its source "expression".
constexpr const char* kFunction = "evaluated";

std::string where(const Span& span) {
  if (!span.valid()) return "";
  return file_line_column(span);
}

// A value as the language writes it: strings quoted, lists in brackets, an entity as its type,
// its name and where it is written.
std::string text_of(const policy::Value& value, int depth = 0) {
  using Kind = policy::Value::Kind;
  switch (value.kind()) {
    case Kind::string:
      return nlohmann::json(std::string(value.as_string())).dump();
    case Kind::object: {
      std::string place = value.object_type()->span
                              ? where(value.object_type()->span(value.address()))
                              : std::string();
      return value.object_type()->name + " " + value.display() +
             (place.empty() ? "" : " (" + place + ")");
    }
    case Kind::list: {
      bool objects = value.size() > 0 && value.at(0).is_object();
      std::string indent(2 * (depth + 1), ' ');
      std::string out = "[";
      for (size_t i = 0; i < value.size(); ++i) {
        out += i ? "," : "";
        out += objects ? "\n" + indent : (i ? " " : "");
        out += text_of(value.at(i), depth + 1);
      }
      if (objects) out += "\n" + std::string(2 * depth, ' ');
      return out + "]";
    }
    default:
      return value.display();
  }
}

nlohmann::json json_of(const policy::Value& value) {
  using Kind = policy::Value::Kind;
  switch (value.kind()) {
    case Kind::none:
      return nullptr;
    case Kind::boolean:
      return value.as_bool();
    case Kind::number:
      return value.as_number();
    case Kind::string:
      return std::string(value.as_string());
    case Kind::object: {
      nlohmann::json out = {{"type", value.object_type()->name}, {"name", value.display()}};
      if (value.object_type()->span) {
        Span span = value.object_type()->span(value.address());
        if (span.valid()) {
          out["file"] = span.file();
          out["line"] = span.line;
          out["column"] = span.column;
        }
      }
      return out;
    }
    case Kind::list: {
      nlohmann::json out = nlohmann::json::array();
      for (size_t i = 0; i < value.size(); ++i)
        out.push_back(json_of(value.at(i)));
      return out;
    }
  }
  return nullptr;
}

// The sources of the pack whose functions an expression may call, and its name.
struct PackText {
  std::string name = "eval";
  std::vector<policy::PackSource> sources;
};

PackText pack_text(const std::string& spec, const Comparison& comparison) {
  PackText out;
  if (spec.empty()) return out;
  auto pack = load_checked_pack(spec, comparison.project_dir, comparison.boundary,
                                {comparison.pack_clones, false});
  out.name = pack->pack().name();
  for (const auto& file : pack->pack().files())
    out.sources.push_back({file->source->path(), file->source->text()});
  return out;
}

class Evaluation {
 public:
  Evaluation(const EvalOptions& options, const Comparison& comparison, PackText pack)
      : options_(options), pack_(std::move(pack)) {
    if (comparison.base)
      changes_ = diff::compute_changes(comparison.base->model, comparison.head.model);
    input_.head = &comparison.head.model;
    input_.base = comparison.base ? &comparison.base->model : nullptr;
    input_.changes = changes_ ? &*changes_ : nullptr;
    input_.env.actor = options.actor;
    input_.env.labels = options.labels;
    input_.env.environment = options.environment;
    const char* today = std::getenv("STEWARD_TODAY");
    input_.env.today = today && *today ? today : findings::today_utc();
    evaluate_.threads = 1;
    evaluate_.trace = [](const Span& at, const std::string& text) {
      std::cerr << "trace " << where(at) << ": " << text << "\n";
    };
  }

  // Prints the expression's value; throws DiagnosticsError when it does not check or run.
  void print(const std::string& expression) {
    std::vector<policy::PackSource> sources = pack_.sources;
    sources.push_back({"expression", "pack " + pack_.name + "\nfunc " + kFunction + "() =\n" +
                                         expression + "\n"});
    policy::LoadedPack loaded = policy::load_pack("eval", std::move(sources));
    if (!loaded.ok()) {
      throw DiagnosticsError("the expression does not parse", loaded.diagnostics,
                             "docs/language.md has the syntax");
    }
    policy::CheckResult checked = policy::check_pack(loaded.pack, rules::builtin_functions());
    if (!checked.ok()) {
      throw DiagnosticsError("the expression does not check", checked.diagnostics,
                             "`steward model` shows what the repository holds");
    }
    try {
      policy::evaluate_function(*checked.pack, kFunction, input_, evaluate_,
                                [&](const policy::Value& value) {
                                  if (options_.format == "json") {
                                    std::cout << json_of(value).dump() << "\n";
                                  } else {
                                    std::cout << text_of(value) << "\n";
                                  }
                                });
    } catch (const policy::EvaluationError& error) {
      throw InputError(std::string("the expression failed: ") + error.what(),
                       "check the names and literals it uses against `steward model`");
    }
    std::cout.flush();
  }

 private:
  const EvalOptions& options_;
  PackText pack_;
  std::optional<diff::ChangeSet> changes_;
  policy::PolicyInput input_;
  policy::EvaluateOptions evaluate_;
};

// One expression a line; blank lines and `#` comments are skipped. A line that fails is
// reported and the next one read; the exit code says whether any failed.
int run_interactive(Evaluation& evaluation) {
  const bool terminal = isatty(STDIN_FILENO) != 0;
  int exit_code = kPassed;
  std::string line;
  while (true) {
    if (terminal) std::cerr << "steward> " << std::flush;
    if (!std::getline(std::cin, line)) break;
    size_t start = line.find_first_not_of(" \t\r");
    if (start == std::string::npos || line[start] == '#') continue;
    try {
      evaluation.print(line);
    } catch (const DiagnosticsError& e) {
      print_diagnostics(std::cerr, e.diagnostics(), false);
      std::cerr << "error: " << e.what() << "\n";
      exit_code = kUsageOrConfig;
    } catch (const InputError& e) {
      std::cerr << "error: " << e.what() << "\n";
      exit_code = kUsageOrConfig;
    }
  }
  return exit_code;
}

int run_eval(EvalOptions options) {
  if (options.interactive == !options.expression.empty()) {
    throw InputError("steward eval takes an expression or -i, not both and not neither",
                     "steward eval 'count(head.events)', or steward eval -i < expressions.txt");
  }
  // Without --base there is no base: an expression about head should not need git history.
  options.revisions.no_base = options.revisions.base.empty();
  std::unique_ptr<Comparison> comparison = load_comparison(options.revisions, false);
  Evaluation evaluation(options, *comparison, pack_text(options.pack, *comparison));
  if (options.interactive) return run_interactive(evaluation);
  evaluation.print(options.expression);
  return kPassed;
}

}  // namespace

void register_eval(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<EvalOptions>();
  CLI::App* command = app.add_subcommand(
      "eval", "Evaluate an expression of the policy language over the repository");
  command->add_option("expression", options->expression,
                      "The expression, e.g. 'count(head.events)'");
  command->add_flag("-i,--interactive", options->interactive,
                    "Read one expression a line from standard input");
  command->add_option("-C,--dir", options->revisions.dir,
                      "The folder of the customer-data repository");
  command->add_option("--base", options->revisions.base,
                      "Also load this revision as `base`, with `changes` from it to head");
  command->add_option("--head", options->revisions.head, "Read head at this git revision");
  command->add_flag("--staged", options->revisions.staged, "Read head from the git index");
  command->add_option("--pack", options->pack,
                      "A pack whose functions the expression may call (stdlib:NAME or a folder)");
  command->add_option("--format", options->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  command->add_option("--actor", options->actor, "env.actor");
  command->add_option("--label", options->labels, "env.labels (repeatable)");
  command->add_option("--environment", options->environment, "env.environment");
  command->callback([options, &exit_code] { exit_code = run_eval(*options); });
}

}  // namespace steward::cli
