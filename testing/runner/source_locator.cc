// addr2line_locator: fork/exec addr2line with its output on a pipe, no shell involved.
#include "testing/runner/source_locator.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cinttypes>
#include <cstdio>
#include <utility>
#include <vector>

namespace qrv::runner {
namespace {

std::string run_addr2line(const std::string& tool, const std::string& elf, uint64_t address) {
  char hex[32];
  std::snprintf(hex, sizeof hex, "0x%" PRIx64, address);
  int fds[2];
  if (pipe(fds) != 0) return "";
  pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    return "";
  }
  if (pid == 0) {
    dup2(fds[1], STDOUT_FILENO);
    close(fds[0]);
    close(fds[1]);
    std::vector<const char*> argv = {tool.c_str(), "-e", elf.c_str(), hex, nullptr};
    execv(argv[0], const_cast<char* const*>(argv.data()));
    _exit(127);
  }
  close(fds[1]);
  std::string out;
  char buffer[512];
  for (ssize_t n; (n = read(fds[0], buffer, sizeof buffer)) != 0;) {
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) break;
    out.append(buffer, static_cast<size_t>(n));
  }
  close(fds[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? clean_source_location(out) : "";
}

}  // namespace

SourceLocator addr2line_locator(std::string addr2line, std::string elf) {
  return [tool = std::move(addr2line), file = std::move(elf)](uint64_t address) {
    return run_addr2line(tool, file, address);
  };
}

}  // namespace qrv::runner
