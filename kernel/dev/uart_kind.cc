// uart_kind_for: a table of compatible strings per driver.
#include "kernel/dev/uart_kind.h"

namespace {
struct Match {
  const char* compatible;
  UartKind kind;
};

// 16550-compatible register files (any stride and width: reg-shift and
// reg-io-width say which), then SiFive's own UART.
constexpr Match kMatches[] = {
    {"ns16550a", UartKind::kNs16550a},
    {"ns16550", UartKind::kNs16550a},
    {"snps,dw-apb-uart", UartKind::kNs16550a},
    {"sifive,uart0", UartKind::kSifiveUart0},
    {"sifive,fu540-c000-uart", UartKind::kSifiveUart0},
    {"sifive,fu740-c000-uart", UartKind::kSifiveUart0},
};

bool same(const char* a, const char* b) {
  while (*a != '\0' && *a == *b) {
    ++a;
    ++b;
  }
  return *a == *b;
}
}  // namespace

bool uart_kind_for(const char* compatible, UartKind* kind) {
  if (compatible == nullptr) {
    return false;
  }
  for (const Match& m : kMatches) {
    if (same(compatible, m.compatible)) {
      *kind = m.kind;
      return true;
    }
  }
  return false;
}

const char* uart_kind_name(UartKind kind) {
  switch (kind) {
    case UartKind::kNs16550a: return "ns16550a";
    case UartKind::kSifiveUart0: return "sifive,uart0";
  }
  return "unknown";
}
