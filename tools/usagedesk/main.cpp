// usagedesk: the command line on the same core as the page (issue 15).
// Parses arguments with CLI11 (Debian's libcli11-dev), runs one command and
// returns its exit code (cli_context.h lists them).
#include <CLI/CLI.hpp>

#include "cli_commands.h"
#include "cli_context.h"

int main(int argc, char** argv) {
    using namespace ud::cli;
    Program program;
    program.cli.proxies = ud::platform::proxyEnvironmentFromProcess();

    CLI::App app{"usagedesk: Particle data operations reports, ActivePlatform daily analytics and usage CSV\n"
                 "summaries from the command line, on the same core as the UsageDesk page."};
    app.name("usagedesk");
    app.require_subcommand(1);
    app.fallthrough();
    app.add_option("--api", program.cli.particle_api, "Particle API address (a proxy or a test server)")
        ->capture_default_str()
        ->envname("PARTICLE_API_URL");
    app.add_flag("--json", program.cli.json, "Machine-readable JSON on stdout");
    app.add_flag("-q,--quiet", program.cli.quiet, "No progress on stderr, even on a terminal");
    app.footer(std::string("Secrets: tokens come from PARTICLE_ACCESS_TOKEN / ACTIVEPLATFORM_API_TOKEN, --token-stdin,\n"
                           "or the 0600 token file that `usagedesk login` writes under $XDG_CONFIG_HOME/usagedesk;\n"
                           "never from an argument. HTTPS_PROXY, HTTP_PROXY and NO_PROXY are honoured.\n") +
               kExitCodesHelp);

    addParticleCommands(app, program);
    addParticleReportCommands(app, program);
    addActivePlatformCommands(app, program);
    addCsvCommands(app, program);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        // One line on stderr, exit code 2 (CLI11's own would print two lines and use its codes).
        return fail(Exit::Usage, std::string(e.what()) + " (see --help)");
    }
    return program.run ? program.run() : static_cast<int>(Exit::Usage);
}
