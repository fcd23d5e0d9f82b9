// steward's entry point: parse the command line, run the command, map the outcome to an exit code.
#include <cstdlib>
#include <iostream>

#include "cli/command_line_help.h"
#include "cli/commands.h"
#include "cli/diagnostics_error.h"
#include "cli/exit_code.h"
#include "cli/huge_page_heap.h"
#include "cli/version_text.h"
#include "source/input_error.h"

int main(int argc, char** argv) {
  using namespace steward::cli;
  try {
    use_heap_pages(choose_heap_pages(std::getenv("STEWARD_HUGE_PAGES"), kVirtioDevices));
  } catch (const steward::InputError& e) {
    std::cerr << "error: " << e.what() << "\n  fix: " << e.fix() << "\n";
    return kUsageOrConfig;
  }
  CLI::App app{"steward: a policy-as-code gate for customer-data infrastructure"};
  describe_program(app);
  app.set_version_flag("--version", version_text());
  app.require_subcommand(1);
  int exit_code = kPassed;
  register_cache(app, exit_code);
  register_catalog(app, exit_code);
  register_check(app, exit_code);
  register_completion(app, exit_code);
  register_coverage(app, exit_code);
  register_diff(app, exit_code);
  register_drift(app, exit_code);
  register_eval(app, exit_code);
  register_explain(app, exit_code);
  register_export(app, exit_code);
  register_identity(app, exit_code);
  register_init(app, exit_code);
  register_model(app, exit_code);
  register_packs(app, exit_code);
  register_replay(app, exit_code);
  register_sample(app, exit_code);
  register_scorecard(app, exit_code);
  register_test(app, exit_code);
  register_validate(app, exit_code);
  if (auto error = unknown_subcommand_error(app, argc, argv)) {
    std::cerr << *error << "\n";
    return kUsageOrConfig;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);  // prints help, the version, or the usage error
    return code == 0 ? kPassed : kUsageOrConfig;
  } catch (const DiagnosticsError& e) {
    print_diagnostics(std::cerr, e.diagnostics(), false);
    std::cerr << "error: " << e.what() << "\n";
    if (!e.fix().empty()) std::cerr << "  fix: " << e.fix() << "\n";
    return kUsageOrConfig;
  } catch (const steward::InputError& e) {
    std::cerr << "error: " << e.what() << "\n";
    if (!e.fix().empty()) std::cerr << "  fix: " << e.fix() << "\n";
    return kUsageOrConfig;
  } catch (const std::exception& e) {
    std::cerr << "error: internal error: " << e.what() << "\n"
              << "  fix: this is a bug in steward; please report it with the command you ran\n";
    return kUsageOrConfig;
  }
  return exit_code;
}
